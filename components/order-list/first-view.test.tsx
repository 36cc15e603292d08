// @vitest-environment happy-dom
import { cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OrderSummaryRow } from '../../utils/orders/orders-messages';

const sent = vi.hoisted(() => ({ calls: [] as { type: string; data: unknown; resolve: (v: unknown) => void }[] }));
vi.mock('../../utils/messaging/send-message-adapter', () => ({
  sendMessage: (type: string, data: unknown) => new Promise((resolve) => sent.calls.push({ type, data, resolve })),
}));

type Modules = {
  reads: typeof import('./order-list-reads');
  pages: typeof import('./use-order-pages');
  list: typeof import('./OrderList');
};
let m: Modules;

afterEach(cleanup);
beforeEach(async () => {
  sent.calls = [];
  (fakeBrowser.i18n as unknown as { getMessage: (key: string) => string }).getMessage = (key) => key;
  // A fresh module graph per test: nothing prefetched or shared from another test (a page load).
  vi.resetModules();
  m = { reads: await import('./order-list-reads'), pages: await import('./use-order-pages'), list: await import('./OrderList') };
}, 120_000); // the first import loads React and the list's modules: slow on a busy machine

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function row(orderSn: string): OrderSummaryRow {
  return { orderSn } as OrderSummaryRow;
}

/** Answers every request sent so far that `answer` knows (by type and shipByDue); returns how many. */
function answer(replies: (type: string, due: boolean | undefined) => unknown): number {
  let answered = 0;
  for (const call of sent.calls.splice(0)) {
    const due = (call.data as { filter?: { shipByDue?: boolean } }).filter?.shipByDue;
    const reply = replies(call.type, due);
    if (reply === undefined) sent.calls.push(call);
    else {
      call.resolve(reply);
      answered++;
    }
  }
  return answered;
}

const pageRequests = () => sent.calls.filter((c) => c.type === 'orders/page').map((c) => (c.data as { filter: { shipByDue: boolean } }).filter.shipByDue);

describe('popup first view (issue 11 item 4, issue 14)', () => {
  it('prefetches the due count and the first page of both views at once', () => {
    m.reads.prefetchFirstView();
    expect(sent.calls.map((c) => c.type)).toEqual(['orders/count', 'orders/page', 'orders/page']);
    expect(pageRequests()).toEqual([true, false]);
  });

  it('shows the prefetched first page in the first render, without asking for it again', async () => {
    m.reads.prefetchFirstView();
    answer((type, due) => (type === 'orders/page' ? { rows: [row(due ? 'PO-due' : 'PO-all')], total: null } : 4));
    await nextTask();
    const { result } = renderHook(() => m.pages.useOrderPages(m.reads.listFilter(m.reads.DUE_FILTER)));
    expect(result.current.rowAt(0)?.orderSn).toBe('PO-due');
    expect(pageRequests()).toEqual([]);
  });

  it('opens on the due view in the first render when the prefetched count says orders are due', async () => {
    m.reads.prefetchFirstView();
    answer((type) => (type === 'orders/count' ? 3 : type === 'orders/page' ? { rows: [], total: null } : undefined));
    await nextTask();
    const { getByTestId } = render(<m.list.OrderList />);
    expect((getByTestId('filter-shipByDue') as HTMLInputElement).checked).toBe(true);
    expect(pageRequests()).toEqual([]);
  });

  it('opens on all orders when none is due', async () => {
    m.reads.prefetchFirstView();
    answer((type) => (type === 'orders/count' ? 0 : type === 'orders/page' ? { rows: [], total: null } : undefined));
    await nextTask();
    const { getByTestId } = render(<m.list.OrderList />);
    expect((getByTestId('filter-shipByDue') as HTMLInputElement).checked).toBe(false);
  });

  it('without a prefetch, asks for rows only once the view is chosen, and only the due view when orders are due', async () => {
    const { getByTestId } = render(<m.list.OrderList />);
    await nextTask();
    expect(pageRequests()).toEqual([]);
    expect(answer((type, due) => (type === 'orders/count' && due === true ? 5 : undefined))).toBe(1);
    await vi.waitFor(() => expect(pageRequests()).toEqual([true]));
    expect((getByTestId('filter-shipByDue') as HTMLInputElement).checked).toBe(true);
  });
});
