import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditRecord } from '../db/records';

/** Hash that starts the chain (no previous entry). */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntryBody = Omit<AuditRecord, 'hash' | 'prevHash'>;

/**
 * Canonical form of an entry: fixed key order, sorted count keys, so the same entry always
 * hashes the same whatever order its object keys were built in.
 */
export function canonicalAuditEntry(entry: AuditEntryBody): string {
  const counts = Object.keys(entry.counts)
    .sort()
    .map((k) => [k, entry.counts[k]]);
  return JSON.stringify([entry.seq, entry.at, entry.actor, entry.action, counts, entry.orderSns, entry.detail]);
}

/** hash = SHA-256(prevHash || canonical entry), hex. */
export function hashAuditEntry(prevHash: string, entry: AuditEntryBody): string {
  return bytesToHex(sha256(utf8ToBytes(prevHash + canonicalAuditEntry(entry))));
}

export function chainAuditEntry(prev: Pick<AuditRecord, 'seq' | 'hash'> | undefined, body: Omit<AuditEntryBody, 'seq'>): AuditRecord {
  const seq = prev ? prev.seq + 1 : 1;
  const prevHash = prev ? prev.hash : GENESIS_HASH;
  const entry: AuditEntryBody = { ...body, seq };
  return { ...entry, prevHash, hash: hashAuditEntry(prevHash, entry) };
}

export type AuditBreak = 'hash-mismatch' | 'link-broken' | 'sequence-gap' | 'truncated' | 'head-changed' | 'checkpoint-invalid';
export type AuditVerification = { ok: true; checked: number } | { ok: false; checked: number; brokenAtSeq: number; reason: AuditBreak };

/**
 * Verifies entries in seq order. `anchorHash` pins the first entry's prevHash (the genesis hash, or
 * the signed checkpoint's hash once pruned) and `firstSeq` its number; without them the first
 * entry is trusted.
 * Detects: edited entries (hash mismatch), deleted entries (sequence gap / link broken), reordering.
 */
export function verifyAuditChain(entries: readonly AuditRecord[], anchorHash?: string, firstSeq?: number): AuditVerification {
  let prev: AuditRecord | undefined;
  for (const [i, e] of entries.entries()) {
    if (prev) {
      if (e.seq !== prev.seq + 1) return { ok: false, checked: i, brokenAtSeq: e.seq, reason: 'sequence-gap' };
      if (e.prevHash !== prev.hash) return { ok: false, checked: i, brokenAtSeq: e.seq, reason: 'link-broken' };
    } else if (anchorHash !== undefined && e.prevHash !== anchorHash) {
      return { ok: false, checked: i, brokenAtSeq: e.seq, reason: 'link-broken' };
    } else if (firstSeq !== undefined && e.seq !== firstSeq) {
      return { ok: false, checked: i, brokenAtSeq: e.seq, reason: 'sequence-gap' };
    }
    const { hash, prevHash, ...body } = e;
    if (hashAuditEntry(prevHash, body) !== hash) return { ok: false, checked: i, brokenAtSeq: e.seq, reason: 'hash-mismatch' };
    prev = e;
  }
  return { ok: true, checked: entries.length };
}
