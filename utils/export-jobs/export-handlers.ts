import { appendAudit, recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { OrderRecord } from '../db/records';
import { MessageError } from '../messaging/envelope';
import type { HandlerTable } from '../messaging/router';
import type { OrdersServices } from '../orders/orders-handlers';
import { openBuyers } from '../vault/buyer-store';
import type { exportMessages, PreparedExport } from './export-messages';
import { buildShipmentLabels } from './shipment-label-join';

export function createExportHandlers(deps: BackgroundDeps, services: OrdersServices = { openBuyers }): HandlerTable<typeof exportMessages> {
  const { db } = deps;
  return {
    'export/prepare': async ({ orderSns, format }, ctx): Promise<PreparedExport> => {
      const wanted = [...new Set(orderSns)];
      const opened = await services.openBuyers(deps, wanted, ctx.actor);
      const settings = await deps.settings.read();
      const at = deps.now();
      const [orders, items] = await db.transaction('r', db.orders, db.items, () => Promise.all([db.orders.bulkGet(wanted), db.items.where('orderSn').anyOf(wanted).toArray()]));
      const { labels, skipped } = buildShipmentLabels({ orderSns: wanted, orders, items, opened: opened.results, shipFrom: settings.returnAddress });
      // One entry per export (issue 6): format, counts and order numbers, never names or addresses.
      await recordAudit(db, at, {
        actor: ctx.actor,
        action: 'export',
        counts: { orders: labels.length, skipped: skipped.length },
        orderSns: labels.map((l) => l.orderSn),
        detail: format,
      });
      await deps.notifyChanged();
      return { labels, skipped, labelSheetLayout: settings.labelSheetLayout, csvCustomColumns: settings.csvCustomColumns, at };
    },

    'export/record': async ({ downloadId, fileName, format, orderSns, dueNow }, ctx) => {
      const now = deps.now();
      const reply = await db.transaction('rw', [db.orders, db.buyers, db.exports, db.audit], async () => {
        const known = (await db.orders.bulkGet([...new Set(orderSns)])).filter((o): o is OrderRecord => o !== undefined);
        if (known.length === 0) throw new MessageError('not-found', 'None of these orders is stored');
        const sns = known.map((o) => o.orderSn);
        const buyers = await db.buyers.bulkGet(sns);
        // The file holds every order's PII, so it goes when the first of them is purged. An order
        // whose PII was purged (or whose buyers row is gone) since export/prepare means the file
        // already holds data past its deletion: due at once, not at the others' purge time.
        const alreadyGone = known.some((o, i) => o.piiState === 'purged' || buyers[i] === undefined);
        const times = [...known.map((o) => o.purgeAt), ...buyers.map((b) => b?.purgeAt ?? null)].filter((t): t is number => t !== null);
        const purgeAt = dueNow === true || alreadyGone || times.length === 0 ? now : Math.min(...times);
        const exportId = await db.exports.add({ createdAt: now, purgeAt, downloadId, fileName, format, orderSns: sns, state: 'live', removedAt: null });
        await db.orders.bulkPut(known.map((o) => ({ ...o, exportedAt: now, exportFormat: format })));
        await appendAudit(db, now, {
          actor: ctx.actor,
          action: 'export.record',
          counts: { orders: sns.length, download: downloadId === null ? 0 : 1, ...(dueNow ? { dueNow: 1 } : {}) },
          orderSns: sns,
          detail: format,
        });
        return { exportId: exportId as number, purgeAt };
      });
      await deps.notifyChanged();
      return reply;
    },
  };
}
