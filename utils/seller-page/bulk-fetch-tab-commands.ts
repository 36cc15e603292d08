import { isNoteReasonCode } from '../bulk-fetch/note-reasons';
import { clampRequestInterval } from '../bulk-fetch/request-pacer';
import type { BulkFetchStatus } from './bulk-fetch-runner';

/**
 * Extension page (popup) → seller-center tab (`tabs.sendMessage`): start, read or cancel the tab's
 * bulk fetch. Read by hand (the content script bundles no zod, issue 11); only extension pages are
 * listened to (bulk-fetch-tab-adapter.ts).
 */
export const BULK_FETCH_TAB_TAG = 'seller-vault/bulk-fetch-tab/v1';

export type BulkFetchTabRequest = { type: 'start'; reasonType: number; intervalMs: number; orderSns: string[] | null } | { type: 'status' } | { type: 'cancel' };

/** The tab's answer: its shop (null: not known yet) and the runner's status (null: no batch since the page loaded). */
export interface BulkFetchTabReply {
  shopId: string | null;
  status: BulkFetchStatus | null;
}

const ORDER_SN = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

export function readBulkFetchTabRequest(raw: unknown): BulkFetchTabRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (m.tag !== BULK_FETCH_TAB_TAG) return null;
  if (m.type === 'status' || m.type === 'cancel') return { type: m.type };
  if (m.type !== 'start' || !isNoteReasonCode(m.reasonType)) return null;
  let orderSns: string[] | null = null;
  if (Array.isArray(m.orderSns)) {
    if (m.orderSns.length > 100_000 || !m.orderSns.every((sn) => typeof sn === 'string' && ORDER_SN.test(sn))) return null;
    orderSns = m.orderSns as string[];
  } else if (m.orderSns !== null && m.orderSns !== undefined) return null;
  return { type: 'start', reasonType: m.reasonType, intervalMs: clampRequestInterval(m.intervalMs), orderSns };
}
