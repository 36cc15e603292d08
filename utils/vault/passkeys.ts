import { bytesToHex } from '@noble/hashes/utils.js';
import { z } from '../validation/zod';
import type { PasskeyWrap } from '../crypto/passkey-wrap';

/**
 * Passkeys registered to unlock the vault (issue 15 item 8), stored in meta `vault.passkeys`.
 * Pure: the list operations and the stored shape; the service does the I/O and the audit.
 */
export interface PasskeyRecord extends PasskeyWrap {
  /** Our id for the row (random hex), used by "remove". */
  id: string;
  /** WebAuthn credential id (rawId), lower-case hex. */
  credentialId: string;
  /** Seller-given name ("Work laptop"), or "Passkey N". Shown in settings only, never audited. */
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** What pages see of a passkey: no wrapped key material. The credential id and PRF salt are not secret. */
export interface PasskeySummary {
  id: string;
  credentialId: string;
  /** Hex; the page asks the authenticator for the PRF output on this salt. */
  prfSalt: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** A few are enough (laptop, phone, a security key in a drawer); each is one more way in. */
export const MAX_PASSKEYS = 5;
export const PASSKEY_LABEL_MAX = 60;

const bytes = (len?: number) => z.instanceof(Uint8Array).check(z.refine((b) => len == null || b.length === len, `expected ${len} bytes`));

/** The stored row, checked on every read: a row that does not parse is ignored (it could open nothing). */
export const passkeyRecordSchema = z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{32}$/)),
  credentialId: z.string().check(z.regex(/^(?:[0-9a-f]{2}){1,1023}$/)),
  label: z.string().check(z.minLength(1), z.maxLength(PASSKEY_LABEL_MAX)),
  createdAt: z.number(),
  lastUsedAt: z.nullable(z.number()),
  prfSalt: bytes(32),
  kdfSalt: bytes(32),
  wrapped: bytes(),
});

export function parsePasskeys(raw: unknown): PasskeyRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((row) => {
    const parsed = passkeyRecordSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export class PasskeyListError extends Error {
  constructor(
    readonly reason: 'full' | 'duplicate' | 'not-found',
    message: string,
  ) {
    super(message);
    this.name = 'PasskeyListError';
  }
}

/** The label as stored: trimmed, control characters out, capped; empty → "Passkey N". */
export function passkeyLabel(requested: string, existing: readonly PasskeyRecord[]): string {
  const cleaned = Array.from(requested, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
    .join('')
    .trim()
    .slice(0, PASSKEY_LABEL_MAX);
  return cleaned || `Passkey ${existing.length + 1}`;
}

/** Refuses a full list and a credential already registered (PasskeyListError). */
export function assertRoomForPasskey(list: readonly PasskeyRecord[], credentialId: string): void {
  if (list.length >= MAX_PASSKEYS) throw new PasskeyListError('full', `At most ${MAX_PASSKEYS} passkeys: remove one first`);
  if (list.some((p) => p.credentialId === credentialId)) throw new PasskeyListError('duplicate', 'This passkey is already registered');
}

/** The list with `record` added; refuses a full list and a credential already registered. */
export function withPasskey(list: readonly PasskeyRecord[], record: PasskeyRecord): PasskeyRecord[] {
  assertRoomForPasskey(list, record.credentialId);
  return [...list, record];
}

export function withoutPasskey(list: readonly PasskeyRecord[], id: string): PasskeyRecord[] {
  if (!list.some((p) => p.id === id)) throw new PasskeyListError('not-found', 'No such passkey');
  return list.filter((p) => p.id !== id);
}

export function findPasskey(list: readonly PasskeyRecord[], credentialId: string): PasskeyRecord | undefined {
  return list.find((p) => p.credentialId === credentialId);
}

export function markPasskeyUsed(list: readonly PasskeyRecord[], id: string, now: number): PasskeyRecord[] {
  return list.map((p) => (p.id === id ? { ...p, lastUsedAt: now } : p));
}

export function summarizePasskeys(list: readonly PasskeyRecord[]): PasskeySummary[] {
  return list.map((p) => ({ id: p.id, credentialId: p.credentialId, prfSalt: bytesToHex(p.prfSalt), label: p.label, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt }));
}
