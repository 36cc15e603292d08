import type { AuditExport } from '../../utils/audit/audit-messages';
import { csvText } from './csv-text';

/** The audit export as CSV: one row per entry, then the head and checkpoint rows that prove it complete. */
export function auditCsv(data: AuditExport): string {
  const rows: string[][] = [['seq', 'at', 'actor', 'action', 'counts', 'orderSns', 'detail', 'prevHash', 'hash']];
  for (const e of data.entries) {
    rows.push([String(e.seq), new Date(e.at).toISOString(), e.actor, e.action, JSON.stringify(e.counts), e.orderSns.join(' '), e.detail ?? '', e.prevHash, e.hash]);
  }
  if (data.head) rows.push(['head', new Date(data.head.at).toISOString(), '', '', '', '', `seq ${data.head.seq}`, '', data.head.hash]);
  if (data.checkpoint)
    rows.push([
      'checkpoint',
      new Date(data.checkpoint.prunedAt).toISOString(),
      '',
      '',
      '',
      '',
      `through ${data.checkpoint.throughSeq} signed ${data.checkpoint.publicKey} ${data.checkpoint.signature}`,
      '',
      data.checkpoint.throughHash,
    ]);
  return csvText(rows);
}
