import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { CapturedAddress } from './buyer-pii';
import { buyerPiiSchema } from './buyer-pii';
import { createOpener, createSealer } from '../crypto/sealed-box';
import type { AuditActor, BuyerRecord, OrderRecord } from '../db/records';
import type { BuyerOpenResult, BuyersOpenReply } from './vault-messages';
import { computePurgeAt, isPurgeDue, retentionFactsOf } from '../retention/retention-rule';
import { purgeDueBuyers } from '../retention/purge-service';
import { openBuyerRecord, sealBuyerPii } from './buyer-seal';
import { readMeta } from '../meta-store';
import { requireUnlockedKeys } from './vault-service';

export interface StoreAddressesResult {
  stored: number;
  skipped: { reason: string; count: number }[];
}

export interface StoreAddressesOptions {
  /**
   * Pass when calling from inside your own Dexie transaction (which must include orders,
   * buyers, meta and audit): otherwise settings are read from storage.local first, and a
   * non-Dexie await inside a transaction commits it early.
   */
  retentionDays?: number;
}

function countReasons(reasons: string[]): StoreAddressesResult['skipped'] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}

/**
 * Seals captured addresses to the vault public key (works while locked) and stores them in one
 * transaction with the orders' piiState/purgeAt and one audit entry: a worker stopped midway
 * leaves nothing half-written. Skips: `no-vault`, `unknown-order` (the order row must be
 * captured first), `invalid-address`, `already-due` (PII whose purge time has come is never
 * written, including an order purged before whose old deadline has passed). A re-capture replaces the blob; its purgeAt can only move earlier.
 */
export async function storeCapturedAddresses(
  deps: BackgroundDeps,
  addresses: CapturedAddress[],
  actor: AuditActor,
  options: StoreAddressesOptions = {},
): Promise<StoreAddressesResult> {
  if (addresses.length === 0) return { stored: 0, skipped: [] };
  const retentionDays = options.retentionDays ?? (await deps.settings.read()).retentionDays;
  const { db } = deps;

  // Last capture of an order in the batch wins.
  const latest = new Map(addresses.map((a) => [a.orderSn, a]));
  const orderSns = [...latest.keys()];

  const result = await db.transaction('rw', [db.orders, db.buyers, db.meta, db.audit], async () => {
    const vault = await readMeta(db, 'vault');
    if (!vault) return { stored: 0, skipped: [{ reason: 'no-vault', count: addresses.length }] };

    const now = deps.now();
    const [orders, existing] = await Promise.all([db.orders.bulkGet(orderSns), db.buyers.bulkGet(orderSns)]);
    const sealer = createSealer(vault.publicKey);
    const buyers: BuyerRecord[] = [];
    const updatedOrders: OrderRecord[] = [];
    const skipped: string[] = [];

    for (const [i, orderSn] of orderSns.entries()) {
      const address = latest.get(orderSn)!;
      const order = orders[i];
      if (!order) {
        skipped.push('unknown-order');
        continue;
      }
      const pii = buyerPiiSchema.safeParse(address.pii);
      if (!pii.success) {
        skipped.push('invalid-address');
        continue;
      }
      // The DOM fallback reads what the page shows (often partly masked); it never replaces an
      // address from the seller center's own data (address API or rawData).
      const held = existing[i];
      if (address.source === 'dom' && held && held.source !== 'dom') {
        skipped.push('kept-structured-address');
        continue;
      }
      // A purged order keeps its old deadline as the floor (purgeAt is null after a purge): data
      // purged because it was due is never stored again, whatever retentionDays says now. A floor
      // still ahead (erased early, e.g. vault reset) lets a new copy live until then, no longer.
      const floor = order.piiState === 'purged' ? (order.purgeFloor ?? now) : null;
      const heldPurgeAt = held?.purgeAt ?? order.purgeAt;
      const previous = floor === null ? heldPurgeAt : heldPurgeAt === null ? floor : Math.min(heldPurgeAt, floor);
      const purgeAt = computePurgeAt(retentionFactsOf(order), retentionDays, now, previous);
      if (isPurgeDue(purgeAt, now)) {
        skipped.push('already-due');
        continue;
      }
      buyers.push({
        orderSn,
        shopId: address.shopId,
        purgeAt,
        capturedAt: now,
        source: address.source,
        sealed: sealBuyerPii(sealer, orderSn, pii.data),
      });
      updatedOrders.push({ ...order, piiState: 'present', purgeAt });
    }

    if (buyers.length > 0) {
      await db.buyers.bulkPut(buyers);
      await db.orders.bulkPut(updatedOrders);
      const skippedCounts = countReasons(skipped);
      await appendAudit(db, now, {
        actor,
        action: 'capture.addresses',
        counts: { stored: buyers.length, ...Object.fromEntries(skippedCounts.map((s) => [`skipped:${s.reason}`, s.count])) },
        orderSns: buyers.map((b) => b.orderSn),
      });
    }
    // Addresses repeated within the batch are not "skipped": they replaced their earlier copy.
    return { stored: buyers.length, skipped: countReasons(skipped) };
  });
  if (result.stored > 0) await deps.notifyChanged();
  return result;
}

/**
 * Decrypts buyer PII for the given orders (popup list, export). Purges due rows first so a read
 * never returns due PII; `locked` error while locked; one audit entry `buyers.open`.
 * Deliberately no notifyChanged: pages refetch on change, and a read that notified would
 * make every open page re-read forever.
 */
export async function openBuyers(deps: BackgroundDeps, orderSns: string[], actor: AuditActor): Promise<BuyersOpenReply> {
  await purgeDueBuyers(deps);
  const keys = await requireUnlockedKeys(deps);
  const unique = [...new Set(orderSns)];
  const { db } = deps;
  return db.transaction('rw', [db.buyers, db.audit], async () => {
    const now = deps.now();
    const rows = await db.buyers.bulkGet(unique);
    const opener = createOpener(keys.secretKey);
    const results: Record<string, BuyerOpenResult> = {};
    const opened: string[] = [];
    let cannotDecrypt = 0;
    unique.forEach((orderSn, i) => {
      const row = rows[i];
      // Belt and braces: a due row the purge has not reached yet is treated as gone.
      if (!row || isPurgeDue(row.purgeAt, now)) {
        results[orderSn] = { state: 'none' };
        return;
      }
      const result = openBuyerRecord(opener, row);
      results[orderSn] = result;
      if (result.state === 'ok') opened.push(orderSn);
      else cannotDecrypt++;
    });
    await appendAudit(db, now, {
      actor,
      action: 'buyers.open',
      counts: { requested: unique.length, opened: opened.length, cannotDecrypt, none: unique.length - opened.length - cannotDecrypt },
      orderSns: opened,
    });
    return { results };
  });
}
