import { utf8Bytes, utf8InScratch, utf8Text } from '../crypto/utf8';
import { sealedAad, SealedOpenError, shredRefOf, type Opener, type ShredRef, type ShreddingSealer } from '../crypto/sealed-box';
import type { OrderShredKey } from '../shred/shred-key-store';
import { shredDayOf } from '../shred/shred-day';
import { buyerPiiSchema, type BuyerPii } from './buyer-pii';
import type { BuyerRecord } from '../db/records';
import type { BuyerOpenResult } from './vault-messages';

/** Table name in the associated data: a `buyers` blob cannot be replayed into another table or order. */
export const BUYERS_TABLE = 'buyers';

/**
 * Plaintext layout v1: a JSON array `[1, name, phone, …]` in this field order. Positional rather
 * than an object because field names were ~half of every sealed record and sealing cost grows
 * with bytes (bench/vault.bench.ts). New fields are appended with a new layout number.
 */
const PII_FIELDS_V1 = [
  'name',
  'phone',
  'backupPhone',
  'email',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'state',
  'district',
  'postcode',
  'country',
  'countryCode',
  'taxCode',
] as const satisfies readonly (keyof BuyerPii)[];
// Compile-time check that the list names every BuyerPii field.
type MissingField = Exclude<keyof BuyerPii, (typeof PII_FIELDS_V1)[number]>;
const allFieldsListed: [MissingField] extends [never] ? true : never = true;
void allFieldsListed;

const LAYOUT_V1 = 1;

function buyerPiiJson(pii: BuyerPii): string {
  // A loop into one new array rather than map + spread: ~0.5 µs less a record in Node, where a
  // whole seal takes ~15 µs (capture seals thousands in a row, issue 11).
  const values: unknown[] = new Array(PII_FIELDS_V1.length + 1);
  values[0] = LAYOUT_V1;
  for (let i = 0; i < PII_FIELDS_V1.length; i++) values[i + 1] = pii[PII_FIELDS_V1[i]!];
  return JSON.stringify(values);
}

export function encodeBuyerPii(pii: BuyerPii): Uint8Array {
  return utf8Bytes(buyerPiiJson(pii));
}

/** Null when the bytes are not a layout this version knows. */
export function decodeBuyerPii(bytes: Uint8Array): BuyerPii | null {
  const values: unknown = JSON.parse(utf8Text(bytes));
  if (!Array.isArray(values) || values[0] !== LAYOUT_V1 || values.length !== PII_FIELDS_V1.length + 1) return null;
  const parsed = buyerPiiSchema.safeParse(Object.fromEntries(PII_FIELDS_V1.map((f, i) => [f, values[i + 1]])));
  return parsed.success ? parsed.data : null;
}

// Each record's plaintext and associated data are encoded into these (utf8InScratch), not into
// new arrays: capture seals thousands in a row (issue 11). The address bytes are wiped after sealing.
const plaintextScratch = new Uint8Array(16_384);
const aadScratch = new Uint8Array(512);

/**
 * Seals an address to the vault with a fresh shred key filed under the day of `purgeAt`: the caller
 * stores `shredKey` (utils/shred) before the row, and deleting it erases the address for good.
 */
export function sealBuyerPii(sealer: ShreddingSealer, orderSn: string, pii: BuyerPii, purgeAt: number): { sealed: Uint8Array; shredKey: OrderShredKey } {
  const plaintext = utf8InScratch(buyerPiiJson(pii), plaintextScratch);
  try {
    const { envelope, shred } = sealer.seal(plaintext, sealedAad(BUYERS_TABLE, orderSn, aadScratch), shredDayOf(purgeAt));
    // Named fields, not `{ ...shred, orderSn }`: a spread cost ~0.7 µs a record in Node.
    return { sealed: envelope, shredKey: { orderSn, day: shred.day, keyId: shred.keyId, key: shred.key } };
  } finally {
    plaintext.fill(0);
  }
}

/** The shred keys a row's envelopes need (held and pending); legacy v1 envelopes need none. */
export function shredRefsOfRow(row: Pick<BuyerRecord, 'sealed' | 'pending'> | undefined): ShredRef[] {
  if (!row) return [];
  return [shredRefOf(row.sealed), row.pending ? shredRefOf(row.pending.sealed) : null].filter((r): r is ShredRef => r !== null);
}

/** The shred days a set of rows needs opened. */
export function shredDaysOfRows(rows: readonly (Pick<BuyerRecord, 'sealed' | 'pending'> | undefined)[]): number[] {
  return [...new Set(rows.flatMap((r) => shredRefsOfRow(r).map((ref) => ref.day)))];
}

/** Wrong key, tampered or moved blob, or a payload that is not BuyerPii → `cannot-decrypt`. */
export function openBuyerRecord(opener: Opener, record: Pick<BuyerRecord, 'orderSn' | 'sealed'>): BuyerOpenResult {
  try {
    const pii = decodeBuyerPii(opener.open(record.sealed, sealedAad(BUYERS_TABLE, record.orderSn)));
    return pii ? { state: 'ok', pii } : { state: 'cannot-decrypt' };
  } catch (err) {
    if (err instanceof SealedOpenError || err instanceof SyntaxError) return { state: 'cannot-decrypt' };
    throw err;
  }
}
