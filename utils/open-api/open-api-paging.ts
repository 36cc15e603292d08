import { orderListPageSchema } from './open-api-answers';
import type { OpenApiClient } from './open-api-client';
import { OpenApiError } from './open-api-errors';
import type { OpenApiParamValue } from './open-api-sign';

/** `bg.order.list.v2.get` answers at most 100 orders a page (partner docs). */
export const ORDER_LIST_PAGE_SIZE = 100;
/** 200 pages = 20,000 orders in one sync: far above a day's to-ship list; stops a gateway that never ends. */
export const MAX_ORDER_LIST_PAGES = 200;

export interface PagingOutcome {
  pages: number;
  /** What the gateway said the filter matches. */
  total: number | null;
  /** Entries seen on all pages. */
  entries: number;
}

/**
 * Reads every page of the order list for `filter`, one page at a time: `onPage` stores a page
 * (its own transaction) before the next is asked for, so a sync stopped half-way keeps every
 * page it finished. Ends on an empty page (`pageItems: null` past the end), when the pages read
 * cover `totalItemNum`, or on a short page.
 */
export async function forEachOrderListPage(
  client: OpenApiClient,
  filter: Record<string, OpenApiParamValue>,
  onPage: (result: unknown, pageNumber: number) => Promise<void>,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<PagingOutcome> {
  const pageSize = options.pageSize ?? ORDER_LIST_PAGE_SIZE;
  const maxPages = options.maxPages ?? MAX_ORDER_LIST_PAGES;
  let total: number | null = null;
  let entries = 0;
  for (let pageNumber = 1; pageNumber <= maxPages; pageNumber++) {
    const result = await client.call('bg.order.list.v2.get', { ...filter, pageNumber, pageSize });
    const page = orderListPageSchema.safeParse(result ?? {});
    if (!page.success) throw new OpenApiError('invalid-answer', `bg.order.list.v2.get: unexpected page ${pageNumber}`);
    total = page.data.totalItemNum ?? total;
    if (page.data.pageItems.length === 0) return { pages: pageNumber - 1, total, entries };
    await onPage(result, pageNumber);
    entries += page.data.pageItems.length;
    if ((total !== null && pageNumber * pageSize >= total) || page.data.pageItems.length < pageSize) return { pages: pageNumber, total, entries };
  }
  return { pages: maxPages, total, entries };
}
