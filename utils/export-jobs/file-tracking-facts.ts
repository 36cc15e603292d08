import type { AppDb } from '../db/app-db';
import type { BuyerRecord, OrderRecord } from '../db/records';

/** What tracking a file needs of one order (no PII): the order's row and its buyers row (undefined: none). */
export interface OrderTrackingFacts {
  order: Pick<OrderRecord, 'orderSn' | 'purgeAt' | 'piiState'> | undefined;
  buyer: Pick<BuyerRecord, 'purgeAt'> | undefined;
}

/**
 * The orders a file tracks and when it must go (issue 6): the file holds every order's PII, so it
 * goes with the first of them; an order whose PII is purged (or whose buyers row is gone) means
 * the file already holds data past its deletion, so it is due at once, as is a file with no purge
 * time or one recorded `dueNow`. Unknown orders are left out; null when none is known.
 */
export function fileTrackingOf(
  orderSns: readonly string[],
  factsOf: (orderSn: string) => OrderTrackingFacts,
  now: number,
  dueNow = false,
): { orderSns: string[]; purgeAt: number } | null {
  const known: string[] = [];
  const times: number[] = [];
  let alreadyGone = false;
  for (const orderSn of new Set(orderSns)) {
    const { order, buyer } = factsOf(orderSn);
    if (!order) continue;
    known.push(order.orderSn);
    if (order.piiState === 'purged' || buyer === undefined) alreadyGone = true;
    if (order.purgeAt !== null) times.push(order.purgeAt);
    if (buyer?.purgeAt != null) times.push(buyer.purgeAt);
  }
  if (known.length === 0) return null;
  return { orderSns: known, purgeAt: dueNow || alreadyGone || times.length === 0 ? now : Math.min(...times) };
}

/**
 * The tracking facts export/prepare read (issue 11: reading 500 orders and 500 buyers rows again
 * was most of export/save's transaction, 0.1–0.3 s on the CSV path), with the write counts of
 * `orders` and `buyers` taken before each read (AppDb.writeCount). They stand for a fresh read
 * only while both counts are unchanged; any write in between (a capture, a purge, a notice, the
 * exported marks) sends export/save back to reading the rows. Worker memory only; one per db.
 */
export interface RememberedTrackingFacts {
  ordersWrites: number;
  buyersWrites: number;
  facts: ReadonlyMap<string, OrderTrackingFacts>;
}

const remembered = new WeakMap<AppDb, RememberedTrackingFacts>();

export function rememberTrackingFacts(db: AppDb, facts: RememberedTrackingFacts): void {
  remembered.set(db, facts);
}

/**
 * The remembered facts for `orderSns`, if they cover every one and no write to `orders` or
 * `buyers` was counted since they were read; else null (read the rows). Call inside the tracking
 * transaction (over orders and buyers) after its first answer: by then every earlier transaction
 * that wrote to them has committed, so each of its writes was counted.
 */
export function currentTrackingFacts(db: AppDb, orderSns: readonly string[]): ((orderSn: string) => OrderTrackingFacts) | null {
  const memo = remembered.get(db);
  if (!memo || memo.ordersWrites !== db.writeCount('orders') || memo.buyersWrites !== db.writeCount('buyers')) return null;
  if (!orderSns.every((sn) => memo.facts.has(sn))) return null;
  return (sn) => memo.facts.get(sn)!;
}
