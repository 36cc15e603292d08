import type { OrderRecord } from '../db/records';
import { computePurgeAt, retentionFactsOf } from '../retention/retention-rule';
import type { CapturedOrder } from './order-list-parser';
import { mergeStatus } from './order-status';

export interface MergeContext {
  shopId: string;
  now: number;
  retentionDays: number;
}

/**
 * The stored order after a re-capture (issue 3, upsert rules): facts refresh, shippedAt only ever
 * moves earlier, seller-owned fields (exportedAt, piiState) stay, and a held address's purgeAt is
 * recomputed when the shipping time arrives or moves (it can only come forward: `previous`).
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
    };
  }

  let shippedAt = existing.shippedAt;
  let shippedAtSource = existing.shippedAtSource;
  if (captured.shippedAt !== null && (shippedAt === null || captured.shippedAt < shippedAt)) {
    shippedAt = captured.shippedAt;
    shippedAtSource = 'captured';
  }
  const status = mergeStatus(existing.status, captured.status);
  const statusCode = status === captured.status ? captured.statusCode : existing.statusCode;

  let purgeAt = existing.purgeAt;
  const newlyCancelled = status === 'cancelled' && existing.status !== 'cancelled';
  if (existing.piiState === 'present' && (shippedAt !== existing.shippedAt || newlyCancelled)) {
    purgeAt = computePurgeAt(retentionFactsOf({ shippedAt, capturedAt: existing.capturedAt, status }), ctx.retentionDays, ctx.now, existing.purgeAt);
  }

  return {
    ...existing,
    status,
    statusCode,
    createdAt: captured.createdAt ?? existing.createdAt,
    shipBy: captured.shipBy ?? existing.shipBy,
    shippedAt,
    shippedAtSource,
    deliveredAt: captured.deliveredAt ?? existing.deliveredAt,
    updatedAt: ctx.now,
    purgeAt,
    itemCount,
  };
}

/** A placeholder row for an order first seen through its address (status unknown until the list is seen). */
export function minimalOrder(orderSn: string, shopId: string, now: number): OrderRecord {
  return mergeCapturedOrder(
    undefined,
    { orderSn, status: 'unknown', statusCode: null, createdAt: null, shipBy: null, shippedAt: null, deliveredAt: null, timesUncertain: false, items: [] },
    0,
    {
      shopId,
      now,
      retentionDays: 0,
    },
  );
}
