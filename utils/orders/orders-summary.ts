import type { AppDb } from '../db/app-db';
import { toSummaryRow } from './order-page-query';
import { SHIPPED_SUMMARY_STATUSES, TO_SHIP_STATUSES } from '../capture/order-status';
import { ORDER_STATUSES } from './order-filter';
import { countAll, countSource, memoOf } from './order-index-reads';
import { rowListUpdate } from './order-memo-updates';
import type { OrdersSummary } from './orders-messages';

/** Statuses that are not "shipped" in the summary: few orders each, so they are what is counted. */
const NOT_SHIPPED = ORDER_STATUSES.filter((s) => !SHIPPED_SUMMARY_STATUSES.includes(s));

/**
 * Counts for the popup (non-personal facts only) and the most recently captured orders. All
 * shops: native index counts, kept until the next write to `orders` (shared with `orders/count`):
 * the total, each status that is not shipped, and shipped = total − those (every stored status is
 * one of ORDER_STATUSES), so the largest ranges are never counted twice.
 */
export async function summarizeOrders(db: AppDb, shopId: string | undefined, limit: number): Promise<OrdersSummary> {
  if (shopId === undefined) {
    const [total, counts, latest] = await Promise.all([
      countAll(db),
      Promise.all(NOT_SHIPPED.map((status) => countSource(db, { kind: 'statuses', statuses: [status] }))),
      memoOf(db).get(
        `latest:${limit}`,
        () => db.orders.orderBy('capturedAt').reverse().limit(limit).toArray(),
        rowListUpdate(() => true, limit),
      ),
    ]);
    const countOf = (status: (typeof NOT_SHIPPED)[number]) => counts[NOT_SHIPPED.indexOf(status)] ?? 0;
    return {
      total,
      toShip: TO_SHIP_STATUSES.reduce((n, status) => n + countOf(status), 0),
      shipped: total - counts.reduce((a, b) => a + b, 0),
      latest: latest.map(toSummaryRow),
    };
  }
  return db.transaction('r', db.orders, async () => {
    const rows = await db.orders.where('shopId').equals(shopId).toArray();
    rows.sort((a, b) => b.capturedAt - a.capturedAt);
    return {
      total: rows.length,
      toShip: rows.filter((o) => TO_SHIP_STATUSES.includes(o.status)).length,
      shipped: rows.filter((o) => SHIPPED_SUMMARY_STATUSES.includes(o.status)).length,
      latest: rows.slice(0, limit).map(toSummaryRow),
    };
  });
}
