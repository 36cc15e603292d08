import { BUYER_FIELDS } from '../processing/processing-records';
import type { BuyerPii } from '../vault/buyer-pii';
import type { AccessAnswer } from './access-export';

/** The access file the buyer receives: the background's answer, titled, with what each buyer field is and why it is held. */
export interface AccessExport extends AccessAnswer {
  title: string;
  /** What each buyer field is and why it is held (the records of processing). */
  fields: Record<string, { meaning: string; source: string }>;
}

export function accessExportOf(answer: AccessAnswer): AccessExport {
  return {
    title: 'Your personal data held by this seller (Seller Vault for Temu)',
    requestId: answer.requestId,
    generatedAt: answer.generatedAt,
    fields: Object.fromEntries(Object.entries(BUYER_FIELDS).map(([k, f]) => [k, { meaning: f.purpose, source: f.source }])),
    records: answer.records,
  };
}

/** The CSV columns: order facts, then every buyer field in the schema's order. */
export function accessCsvRows(data: AccessExport): string[][] {
  const buyerKeys = Object.keys(BUYER_FIELDS) as (keyof BuyerPii)[];
  const header = ['orderSn', 'shopId', 'status', 'createdAt', 'shippedAt', 'deliveredAt', 'deletedBy', 'items', ...buyerKeys];
  const rows = data.records.map((r) => [
    r.orderSn,
    r.shopId,
    r.status,
    r.createdAt ?? '',
    r.shippedAt ?? '',
    r.deliveredAt ?? '',
    r.deletedBy ?? '',
    r.items.map((i) => `${i.quantity} x ${i.title}`).join('; '),
    ...buyerKeys.map((k) => r.buyer[k] ?? ''),
  ]);
  return [header, ...rows];
}
