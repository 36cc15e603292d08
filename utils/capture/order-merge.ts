import type { OrderRecord } from '../db/records';
import { computePurgeAt, retentionFactsOf } from '../retention/retention-rule';
import { mergePackages } from './package-facts';
import type { CapturedOrder } from './order-list-parser';
import { mergeStatus } from './order-status';

export interface MergeContext {
  shopId: string;
  now: number;
  retentionDays: number;
  /**
   * Where the facts come from. `api`: an answer of the seller center's own API, read by the hook
   * with the built-ins it kept at document_start. `page`: page-controlled data (detail-page
   * rawData, the visible list), which any script on the page can forge (issue 10). Defaults to `api`.
   */
  trust?: 'api' | 'page';
}

/**
 * The stored order after a re-capture (issue 3, upsert rules): facts refresh, shippedAt only ever
 * moves earlier, seller-owned fields (exportedAt, piiState) stay, and a held address's purgeAt is
 * recomputed when the shipping time arrives or moves (it can only come forward: `previous`).
 * Page-sourced facts never delete a stored address on their own: a cancellation or shipping time
 * from the page that would make the address due now is held for the seller (`heldPageFact`).
 */
export function mergeCapturedOrder(existing: OrderRecord | undefined, captured: CapturedOrder, itemCount: number, ctx: MergeContext): OrderRecord {
  if (!existing) {
    return {
      orderSn: captured.orderSn,
      shopId: ctx.shopId,
      status: captured.status,
      statusCode: captured.statusCode,
      createdAt: captured.createdAt,
      shipBy: captured.shipBy,
      shippedAt: captured.shippedAt,
      shippedAtSource: captured.shippedAt === null ? null : 'captured',
      deliveredAt: captured.deliveredAt,
      capturedAt: ctx.now,
      updatedAt: ctx.now,
      purgeAt: null,
      exportedAt: null,
      exportFormat: null,
      piiState: 'none',
      itemCount,
      timesUncertain: captured.timesUncertain,
      packages: mergePackages(undefined, captured.packages),
    };
  }

  let shippedAt = existing.shippedAt;
  let shippedAtSource = existing.shippedAtSource;
  if (captured.shippedAt !== null && (shippedAt === null || captured.shippedAt < shippedAt)) {
    shippedAt = captured.shippedAt;
    shippedAtSource = 'captured';
  }
  let status = mergeStatus(existing.status, captured.status);
  let heldPageFact = existing.heldPageFact ?? null;

  const purgeWith = (at: number | null, st: typeof status) =>
    computePurgeAt(retentionFactsOf({ shippedAt: at, capturedAt: existing.capturedAt, status: st }), ctx.retentionDays, ctx.now, existing.purgeAt);
  if ((ctx.trust ?? 'api') === 'page' && existing.piiState === 'present') {
    if (status === 'cancelled' && existing.status !== 'cancelled') {
      heldPageFact = { kind: 'cancelled', at: ctx.now, seenAt: ctx.now };
      status = existing.status;
    }
    if (shippedAt !== existing.shippedAt && shippedAt !== null && purgeWith(shippedAt, status) <= ctx.now) {
      heldPageFact = { kind: 'shipped', at: shippedAt, seenAt: ctx.now };
      shippedAt = existing.shippedAt;
      shippedAtSource = existing.shippedAtSource;
    }
  }
  const statusCode = status === captured.status ? captured.statusCode : existing.statusCode;

  let purgeAt = existing.purgeAt;
  const newlyCancelled = status === 'cancelled' && existing.status !== 'cancelled';
  if (existing.piiState === 'present' && (shippedAt !== existing.shippedAt || newlyCancelled)) purgeAt = purgeWith(shippedAt, status);

  // Page data fills gaps only; it never overwrites a time the seller center's API gave.
  const fill = <T>(fromCapture: T | null, stored: T | null) => ((ctx.trust ?? 'api') === 'page' ? (stored ?? fromCapture) : (fromCapture ?? stored));
  return {
    ...existing,
    status,
    statusCode,
    createdAt: fill(captured.createdAt, existing.createdAt),
    shipBy: fill(captured.shipBy, existing.shipBy),
    shippedAt,
    shippedAtSource,
    deliveredAt: fill(captured.deliveredAt, existing.deliveredAt),
    updatedAt: ctx.now,
    purgeAt,
    itemCount,
    timesUncertain: (existing.timesUncertain ?? false) || captured.timesUncertain,
    packages: mergePackages(existing.packages, captured.packages),
    heldPageFact,
  };
}

/** A placeholder row for an order first seen through its address (status unknown until the list is seen). */
export function minimalOrder(orderSn: string, shopId: string, now: number): OrderRecord {
  return mergeCapturedOrder(
    undefined,
    { orderSn, status: 'unknown', statusCode: null, createdAt: null, shipBy: null, shippedAt: null, deliveredAt: null, timesUncertain: false, packages: [], items: [] },
    0,
    { shopId, now, retentionDays: 0 },
  );
}
