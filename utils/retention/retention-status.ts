import type { BackgroundDeps } from '../background-deps';
import { nextRetentionDeadline } from './next-deadline';
import { localDayStart } from '../time/local-day';
import { groupPurgesByLocalDay, type PurgeDay } from './purge-schedule';
import { readMeta } from '../meta-store';
import type { LastPurge } from './purge-service';
import { DAY_MS } from './retention-rule';

export interface ShopRetention {
  shopId: string;
  withPii: number;
  nextPurgeAt: number | null;
}

export interface RetentionStatus {
  ordersWithPii: number;
  nextPurgeAt: number | null;
  upcoming: PurgeDay[];
  lastPurge: LastPurge | null;
  shops: ShopRetention[];
  liveFiles: number;
}

export interface NextPurge {
  nextPurgeAt: number | null;
  /** Orders whose PII goes on the same local day as the next purge. */
  countThatDay: number;
  ordersWithPii: number;
}

/**
 * The retention page's numbers. Reads buyers rows' plaintext columns only (purgeAt, shopId,
 * never the sealed blob's contents). Options page only: cost is one pass over held rows.
 */
export async function readRetentionStatus(deps: BackgroundDeps, utcOffsetMinutes: number, days: number): Promise<RetentionStatus> {
  const { db } = deps;
  const [held, lastPurge, liveFiles, deadline] = await Promise.all([
    db.buyers.orderBy('purgeAt').toArray(),
    readMeta(db, 'retention.lastPurge'),
    db.exports.where('state').equals('live').count(),
    nextRetentionDeadline(db),
  ]);
  const shops = new Map<string, ShopRetention>();
  for (const buyer of held) {
    const shop = shops.get(buyer.shopId) ?? { shopId: buyer.shopId, withPii: 0, nextPurgeAt: null };
    shop.withPii++;
    shop.nextPurgeAt ??= buyer.purgeAt;
    shops.set(buyer.shopId, shop);
  }
  return {
    ordersWithPii: held.length,
    nextPurgeAt: deadline,
    upcoming: groupPurgesByLocalDay(
      held.map((b) => b.purgeAt),
      utcOffsetMinutes,
      days,
    ),
    lastPurge: lastPurge ?? null,
    shops: [...shops.values()].sort((a, b) => a.shopId.localeCompare(b.shopId)),
    liveFiles,
  };
}

/** The popup's one line: index lookups only. */
export async function readNextPurge(deps: BackgroundDeps, utcOffsetMinutes: number): Promise<NextPurge> {
  const { db } = deps;
  const [first, ordersWithPii] = await Promise.all([db.buyers.orderBy('purgeAt').first(), db.buyers.count()]);
  if (!first) return { nextPurgeAt: null, countThatDay: 0, ordersWithPii };
  const dayStart = localDayStart(first.purgeAt, utcOffsetMinutes);
  const countThatDay = await db.buyers
    .where('purgeAt')
    .between(dayStart, dayStart + DAY_MS, true, false)
    .count();
  return { nextPurgeAt: first.purgeAt, countThatDay, ordersWithPii };
}
