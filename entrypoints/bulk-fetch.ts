import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createBulkFetchPanel } from '../components/banner/bulk-fetch-panel';
import { bulkFetchWanted, takeBulkFetchHandoff } from '../utils/seller-page/bulk-fetch-host';
import { createBulkFetchTab } from '../utils/seller-page/bulk-fetch-tab';
import { readBulkFetchTabRequest } from '../utils/seller-page/bulk-fetch-tab-commands';

/**
 * Bulk fetch's lazily loaded part (issue 12), imported by the seller-center script into its
 * ISOLATED world (utils/seller-page/bulk-fetch-host.ts): the runner, the popup's commands and the
 * in-page panel on the orders page. Wires only.
 */
export default defineUnlistedScript(() => {
  const handoff = takeBulkFetchHandoff();
  if (!handoff) return;
  const { io } = handoff;
  const tab = createBulkFetchTab({
    ...io,
    onChange: (status) => {
      panel.setStatus(status);
      if (status.state === 'done') refreshPanel();
    },
  });
  const panel = createBulkFetchPanel({
    onStart: (reasonType, intervalMs) => void tab.start({ reasonType, intervalMs, orderSns: null }),
    onCancel: () => void tab.runner.cancel(),
  });
  const refreshPanel = () => {
    const shopId = io.shopId();
    if (!shopId || !bulkFetchWanted(io)) return panel.setEligible(null);
    io.plan(shopId, null).then(
      (plan) => panel.setEligible(plan.refusal ? null : plan.orderSns.length),
      () => panel.setEligible(null),
    );
  };
  handoff.attach({
    onHookMessage: tab.onHookMessage,
    handleCommand: (raw) => {
      const request = readBulkFetchTabRequest(raw);
      return request ? tab.handleCommand(request) : null;
    },
    refresh: () => {
      const state = io.consent();
      if (state) tab.onConsentState(state);
      refreshPanel();
    },
  });
  refreshPanel();
});
