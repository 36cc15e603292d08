import type { IncidentDataCategory } from './incident-deadlines';
import { incidentDueAt } from './incident-deadlines';

/** What the report email says; every field is the seller's own description (no buyer data by rule). */
export interface IncidentReport {
  id: number;
  detectedAt: number;
  summary: string;
  dataCategories: readonly IncidentDataCategory[];
  affectedOrderSns: readonly string[];
  actionsTaken: string;
  shopIds: readonly string[];
}

/** ISO 8601 in UTC to the minute: the marketplace reads one zone whatever the seller's. */
export function utcMinute(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The report email in English (the marketplace's security team is the reader). The subject names
 * the incident, the detection time and the 72-hour deadline, so a reply thread keeps them.
 */
export function incidentEmail(report: IncidentReport): { subject: string; body: string } {
  const due = incidentDueAt(report);
  const subject = `Security incident #${report.id} - detected ${utcMinute(report.detectedAt)} - report/resolve by ${utcMinute(due)}`;
  const lines = [
    'Security incident report (Seller Vault for Temu)',
    '',
    `Incident: #${report.id}`,
    `Shop (mall id): ${report.shopIds.length > 0 ? report.shopIds.join(', ') : 'not specified'}`,
    `Detected at: ${utcMinute(report.detectedAt)}`,
    `Deadline (72 h): ${utcMinute(due)}`,
    '',
    'What happened:',
    report.summary,
    '',
    `Data that may be affected: ${report.dataCategories.length > 0 ? report.dataCategories.join(', ') : 'under investigation'}`,
    `Orders that may be affected (${report.affectedOrderSns.length}): ${report.affectedOrderSns.join(', ') || 'none identified yet'}`,
    '',
    'Actions taken:',
    report.actionsTaken || 'none yet',
  ];
  return { subject, body: lines.join('\n') };
}

/** A mailto: URL (RFC 6068: every part percent-encoded, CRLF line breaks in the body). */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s);
  return `mailto:${to
    .split(',')
    .map((a) => enc(a.trim()))
    .filter(Boolean)
    .join(',')}?subject=${enc(subject)}&body=${enc(body.replace(/\r?\n/g, '\r\n'))}`;
}
