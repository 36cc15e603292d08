import { foldName } from '../orders/buyer-name-match';
import type { BuyerPii } from '../vault/buyer-pii';

/** Digits only: "+1 (555) 010-0199" and "15550100199" are the same phone. */
function digits(text: string): string {
  return text.replace(/\D+/g, '');
}

export type MatchedOn = 'orderSn' | 'name' | 'phone' | 'email';

/**
 * Whether a stored buyer matches what a requester gave: an order number (exact, case-insensitive),
 * an email (whole address, case-insensitive), a phone (same digits; at least 6, or the stored
 * number ends with them, for virtual numbers with an extension) or a name (accent- and
 * case-insensitive part of the name). Returns what matched, or null.
 */
export function matchBuyer(query: string, orderSn: string, pii: BuyerPii): MatchedOn | null {
  const q = query.trim();
  if (q.length === 0) return null;
  if (q.toLowerCase() === orderSn.toLowerCase()) return 'orderSn';
  if (q.includes('@')) return pii.email !== null && pii.email.trim().toLowerCase() === q.toLowerCase() ? 'email' : null;
  const qDigits = digits(q);
  if (qDigits.length >= 6 && qDigits.length >= q.replace(/[\s()+.-]/g, '').length) {
    const phones = [pii.phone, pii.backupPhone].filter((p): p is string => p !== null).map(digits);
    return phones.some((p) => p === qDigits || p.startsWith(qDigits) || p.endsWith(qDigits)) ? 'phone' : null;
  }
  const needle = foldName(q);
  return needle.length >= 2 && foldName(pii.name).includes(needle) ? 'name' : null;
}
