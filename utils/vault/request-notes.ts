import Dexie from 'dexie';
import { z } from '../validation/zod';
import type { BackgroundDeps } from '../background-deps';
import { utf8Bytes, utf8Text } from '../crypto/utf8';
import { createShreddingSealer, createVaultOpener, sealedAad, SealedOpenError, shredRefOf } from '../crypto/sealed-box';
import { MessageError } from '../messaging/envelope';
import { readMeta } from '../meta-store';
import { shredDayOf } from '../shred/shred-day';
import { requireUnlockedKeys } from './vault-service';

/** Table name in the associated data: a request's notes cannot be moved to a buyers row or another request. */
export const REQUESTS_TABLE = 'requests';

/** The personal part of a buyer's request: who asked, what they asked, and why an answer is late. */
export const requestNotesSchema = z.object({
  contact: z.string().check(z.trim(), z.minLength(1), z.maxLength(320)),
  details: z.string().check(z.maxLength(2000)),
  delayReason: z.nullable(z.string().check(z.maxLength(1000))),
});
export type RequestNotes = z.infer<typeof requestNotesSchema>;

/** The owner name of a request's shred key in the key store (never an order number). */
export function requestShredOwner(sealRef: string): string {
  return `request:${sealRef}`;
}

/**
 * Seals a request's notes to the vault public key (works while locked) with a fresh shred key filed
 * under the day of `keepUntil`: the daily purge deletes that day's key file whole, after which the
 * notes cannot be opened (docs/decisions.md, "Request notes expire"). The key is filed first.
 */
export async function sealRequestNotes(deps: BackgroundDeps, sealRef: string, notes: RequestNotes, keepUntil: number): Promise<Uint8Array> {
  const vault = await readMeta(deps.db, 'vault');
  if (!vault) throw new MessageError('locked', 'Set up the vault first: request notes are kept sealed');
  const { envelope, shred } = createShreddingSealer(vault.publicKey).seal(
    utf8Bytes(JSON.stringify(requestNotesSchema.parse(notes))),
    sealedAad(REQUESTS_TABLE, sealRef),
    shredDayOf(keepUntil),
  );
  await deps.shredKeys.add([{ ...shred, orderSn: requestShredOwner(sealRef) }]);
  return envelope;
}

/** Deletes the shred key of notes that were replaced: the old envelope can no longer be opened. */
export async function forgetRequestNotes(deps: BackgroundDeps, sealed: Uint8Array | null): Promise<void> {
  const ref = sealed && shredRefOf(sealed);
  if (ref) await Dexie.waitFor(deps.shredKeys.forgetKeys([ref]));
}

/** Opens the notes of these requests (unlocked only). `null` for notes that expired or cannot be opened. */
export async function openRequestNotes(deps: BackgroundDeps, rows: readonly { sealRef: string; sealed: Uint8Array | null }[]): Promise<(RequestNotes | null)[]> {
  const keys = await requireUnlockedKeys(deps);
  const days = rows.map((r) => (r.sealed ? shredRefOf(r.sealed)?.day : undefined)).filter((d): d is number => d !== undefined);
  const opener = createVaultOpener(keys.secretKey, await deps.shredKeys.keyring(new Set(days)));
  return rows.map((row) => {
    if (!row.sealed) return null;
    try {
      const parsed = requestNotesSchema.safeParse(JSON.parse(utf8Text(opener.open(row.sealed, sealedAad(REQUESTS_TABLE, row.sealRef)))));
      return parsed.success ? parsed.data : null;
    } catch (err) {
      if (err instanceof SealedOpenError || err instanceof SyntaxError) return null;
      throw err;
    }
  });
}
