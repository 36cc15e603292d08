// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { NoticeView } from '../../utils/retention/deletion-notices';
import { NoticeList } from './NoticeList';

afterEach(cleanup);
beforeEach(() => {
  // The fake browser has no messages: answer "key|sub1|sub2" so the test sees what is shown.
  (fakeBrowser.i18n as unknown as { getMessage: (key: string, subs?: string | string[]) => string }).getMessage = (key, subs) =>
    [key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])].join('|');
});

function notice(unmatchedOrderSns: string[]): NoticeView {
  const at = Date.UTC(2026, 10, 1, 12);
  return {
    id: 1,
    receivedAt: at,
    scope: { kind: 'orders', orderSns: ['211-1', '211-999'] },
    reference: '',
    carriedOutAt: at,
    deletedBuyers: 1,
    removedFiles: 0,
    unmatchedOrderSns,
    elapsedMs: 0,
    withinPromise: true,
    liveCopyDueBy: at,
    check: { checkedAt: at, buyersLeft: 0, liveFiles: 0, sessionCaches: 0, clean: true },
  };
}

describe('NoticeList', () => {
  it('shows every listed order number that matched no stored order', () => {
    const { getByTestId } = render(<NoticeList notices={[notice(['211-999', 'PO-x'])]} />);
    const warning = getByTestId('notice-unmatched');
    expect(warning.textContent).toBe('retentionFix_unmatched|2|211-999, PO-x');
  });

  it('shows no warning when every number matched', () => {
    const { queryByTestId } = render(<NoticeList notices={[notice([])]} />);
    expect(queryByTestId('notice-unmatched')).toBeNull();
  });
});
