import { type AuditEvent, appendAudit, recordAudit } from '../audit/audit-log';
import type { AuditAction } from '../audit/audit-actions';
import type { BackgroundDeps } from '../background-deps';
import type { CapturedAddress, OptionalBuyerField } from './buyer-pii';
import { type BuyerPii, buyerFieldsOff, buyerPiiSchema, sameBuyerPii, withoutBuyerFields } from './buyer-pii';
import Dexie from 'dexie';
import { createShreddingSealer, createVaultOpener, SEALED_V1, shredRefOf, type Opener, type ShreddingSealer, type ShredRef } from '../crypto/sealed-box';
import { equalBytes } from '@noble/curves/utils.js';
import type { OrderShredKey } from '../shred/shred-key-store';
import type { AuditActor, BuyerRecord } from '../db/records';
import type { BuyerOpenResult, BuyersOpenReply } from './vault-messages';
import { computePurgeAt, isPurgeDue, retentionFactsOf } from '../retention/retention-rule';
import { purgeDueBeforeRead, purgeDueBuyers } from '../retention/purge-service';
import { openBuyerRecord, sealBuyerPii, shredDaysOfRows } from './buyer-seal';
import { readMeta, writeMeta } from '../meta-store';
import { requireUnlockedKeys } from './vault-service';
import { sealedWrites } from './sealed-writes';
import { MessageError } from '../messaging/envelope';

export interface StoreAddressesResult {
  stored: number;
  /** Different from the address held: waiting beside it for the seller (`addressReview: changed`). */
  changed: number;
  /** Captured while locked for an order holding an address: compared on unlock. */
  unreviewed: number;
  skipped: { reason: string; count: number }[];
}

export interface StoreAddressesOptions {
  /**
   * Pass when calling from inside your own Dexie transaction (which must include orders,
   * buyers, meta and audit): otherwise settings are read from storage.local first, and a
   * non-Dexie await inside a transaction commits it early.
   */
  retentionDays?: number;
  /**
   * One audit entry for a whole batch (issue 12, bulk fetch): written even when nothing was stored
   * (the seller center was still asked), with these counts added to the store's and no order
   * numbers (counts only). Without it, an entry `capture.addresses` is written when a row is.
   */
  batchAudit?: { action: AuditAction; counts: Record<string, number>; detail: string | null };
  /** Buyer fields turned off (settings; pass with retentionDays from inside a transaction). */
  fieldsOff?: readonly OptionalBuyerField[];
}

function countReasons(reasons: string[]): StoreAddressesResult['skipped'] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}

/** The batch's one entry: its own counts plus what the store did, no order numbers. */
function appendBatchAudit(db: BackgroundDeps['db'], now: number, actor: AuditActor, batch: NonNullable<StoreAddressesOptions['batchAudit']>, outcome: StoreAddressesResult) {
  return appendAudit(db, now, {
    actor,
    action: batch.action,
    counts: {
      ...batch.counts,
      stored: outcome.stored,
      ...(outcome.changed > 0 ? { addressChanged: outcome.changed } : {}),
      ...(outcome.unreviewed > 0 ? { addressToReview: outcome.unreviewed } : {}),
      ...Object.fromEntries(outcome.skipped.map((s) => [`skipped:${s.reason}`, s.count])),
    },
    orderSns: [],
    detail: batch.detail,
  });
}

/**
 * A vault opener for these rows: the shred keys of their days are read first (inside a Dexie
 * transaction only through Dexie.waitFor, which keeps it open across the file read).
 */
async function openerFor(deps: BackgroundDeps, secretKey: Uint8Array, rows: readonly (BuyerRecord | undefined)[]): Promise<Opener> {
  const keyring = await Dexie.waitFor(deps.shredKeys.keyring(shredDaysOfRows(rows)));
  return createVaultOpener(secretKey, keyring);
}

/**
 * One v2 sealer (one ephemeral X25519 key, hence one batch key) reused for the captures of
 * SEALER_REUSE_MS while this worker lives (issue 11). Opening costs one X25519 per distinct
 * ephemeral key (2.2 ms on this machine under load): with a sealer per capture, 500 single-order
 * address captures cost export/prepare about 1.1 s of X25519 alone. Every record still has its own
 * shred key and nonce, so shredding is per record as before. The batch key lives only in this
 * worker's memory (lost when Chromium stops it), never stored.
 */
const SEALER_REUSE_MS = 10 * 60_000;
let reusedSealer: { publicKey: Uint8Array; sealer: ShreddingSealer; madeAt: number } | null = null;

/** The capture store's sealer for `publicKey` at `now` (also what bench/in-page/sealed-store-entry.ts seals with). */
export function sealerFor(publicKey: Uint8Array, now: number): ShreddingSealer {
  const reusable = reusedSealer && equalBytes(reusedSealer.publicKey, publicKey) && now >= reusedSealer.madeAt && now - reusedSealer.madeAt < SEALER_REUSE_MS;
  if (!reusable) reusedSealer = { publicKey: publicKey.slice(), sealer: createShreddingSealer(publicKey), madeAt: now };
  return reusedSealer!.sealer;
}

/** Deletes the shred keys of envelopes a row no longer holds (replaced or dropped addresses). */
async function forgetEnvelopes(deps: BackgroundDeps, envelopes: Uint8Array[]): Promise<void> {
  const refs = envelopes.map(shredRefOf).filter((r): r is ShredRef => r !== null);
  if (refs.length > 0) await Dexie.waitFor(deps.shredKeys.forgetKeys(refs));
}

/**
 * Seals captured addresses to the vault public key (works while locked) with a fresh shred key
 * each and stores the rows in one transaction with their shred keys (staged: utils/shred), the
 * orders' piiState/purgeAt and one audit entry: a worker stopped midway leaves nothing
 * half-written (at worst shred keys of rows never written, deleted with their day). Skips: `no-vault`, `unknown-order` (the order row must be
 * captured first), `invalid-address`, `already-due` (PII whose purge time has come is never
 * written, including an order purged before whose old deadline has passed). A re-capture replaces the blob; its purgeAt can only move earlier.
 */
export async function storeCapturedAddresses(
  deps: BackgroundDeps,
  addresses: CapturedAddress[],
  actor: AuditActor,
  options: StoreAddressesOptions = {},
): Promise<StoreAddressesResult> {
  if (addresses.length === 0 && !options.batchAudit) return { stored: 0, changed: 0, unreviewed: 0, skipped: [] };
  const settings = options.retentionDays === undefined || options.fieldsOff === undefined ? await deps.settings.read() : null;
  const retentionDays = options.retentionDays ?? settings!.retentionDays;
  // Data minimization (issue 15): a field the seller turned off is stripped before sealing, so it
  // is never stored, whatever source captured it.
  const fieldsOff = options.fieldsOff ?? buyerFieldsOff(settings!);
  const { db } = deps;

  // Last capture of an order in the batch wins.
  const latest = new Map(addresses.map((a) => [a.orderSn, a]));
  const orderSns = [...latest.keys()];

  // Unlocked keys (if any) let a re-captured address be compared with the stored one at once.
  const { keys } = await deps.sessionKeys.read();
  // The batch's shred keys are staged in its own transaction (sealed-writes.ts). If staging cannot
  // be readied (e.g. OPFS refuses the staging key's file), the transaction leaves `shredStaging`
  // out of its scope and the keys go to a file of their own (ShredKeyStore.prepareStaging).
  const staging = await deps.shredKeys.prepareStaging().then(
    () => [db.shredStaging],
    () => [],
  );
  const result = await db.transaction('rw', [db.orders, db.buyers, ...staging, db.meta, db.audit], async (): Promise<StoreAddressesResult> => {
    const vault = await readMeta(db, 'vault');
    if (!vault) {
      const noVault = { stored: 0, changed: 0, unreviewed: 0, skipped: [{ reason: 'no-vault', count: addresses.length }] };
      if (options.batchAudit) await appendBatchAudit(db, deps.now(), actor, options.batchAudit, noVault);
      return noVault;
    }

    const now = deps.now();
    const [orders, existing] = await Promise.all([db.orders.bulkGet(orderSns), db.buyers.bulkGet(orderSns)]);
    const sealer = sealerFor(vault.publicKey, now);
    const replaced: Uint8Array[] = [];
    // Rows are handed to IndexedDB in chunks as they are sealed: the browser writes one chunk while
    // this loop seals the next (issue 11: sealed capture within 0.9× of a plaintext put).
    const writes = sealedWrites(db, deps.shredKeys);
    const storedSns: string[] = [];
    const skipped: string[] = [];
    const changed: string[] = [];
    const unreviewed: string[] = [];

    const opener = keys ? await openerFor(deps, keys.secretKey, existing) : null;
    for (const [i, orderSn] of orderSns.entries()) {
      const address = latest.get(orderSn)!;
      const order = orders[i];
      if (!order) {
        skipped.push('unknown-order');
        continue;
      }
      // A capture touches only orders of the shop it is tagged with (issue 10).
      if (order.shopId !== address.shopId) {
        skipped.push('other-shop');
        continue;
      }
      const pii = buyerPiiSchema.safeParse(withoutBuyerFields(address.pii, fieldsOff));
      if (!pii.success) {
        skipped.push('invalid-address');
        continue;
      }
      // The DOM fallback reads what the page shows (often partly masked); it never replaces an
      // address from the seller center's own data (address API or rawData).
      const held = existing[i] && !isPurgeDue(existing[i].purgeAt, now) ? existing[i] : undefined;
      if (address.source === 'dom' && held && held.source !== 'dom') {
        skipped.push('kept-structured-address');
        continue;
      }
      // A purged order keeps its old deadline as the floor (purgeAt is null after a purge): data
      // purged because it was due is never stored again, whatever retentionDays says now. A floor
      // still ahead (erased early, e.g. vault reset) lets a new copy live until then, no longer.
      const floor = order.piiState === 'purged' ? (order.purgeFloor ?? now) : null;
      const heldPurgeAt = held?.purgeAt ?? order.purgeAt;
      const previous = floor === null ? heldPurgeAt : heldPurgeAt === null ? floor : Math.min(heldPurgeAt, floor);
      const purgeAt = computePurgeAt(retentionFactsOf(order), retentionDays, now, previous);
      if (isPurgeDue(purgeAt, now)) {
        skipped.push('already-due');
        continue;
      }
      const { sealed, shredKey } = sealBuyerPii(sealer, orderSn, pii.data, purgeAt);
      // A structured address (address API, rawData) replaces a DOM read, the lowest-fidelity
      // fallback, at once: the upgrade comes from the seller center's own data.
      if (!held || (held.source === 'dom' && address.source !== 'dom')) {
        // The replaced DOM read (and anything waiting beside it) is erased with its shred keys.
        if (held) replaced.push(held.sealed, ...(held.pending ? [held.pending.sealed] : []));
        writes.put(
          { orderSn, shopId: address.shopId, purgeAt, capturedAt: now, source: address.source, sealed },
          { ...order, piiState: 'present', purgeAt, addressReview: null },
          shredKey,
        );
        storedSns.push(orderSn);
        continue;
      }
      // An address already stored is never silently replaced (issue 10): a different one waits
      // beside it until the seller accepts it. While locked nothing can be compared: the new one
      // waits `unreviewed` and is compared on unlock (identical ones are then dropped).
      const review = opener ? compareWithHeld(opener, held, pii.data) : 'unreviewed';
      if (review === 'same') {
        if (held.pending) {
          replaced.push(held.pending.sealed);
          writes.put({ ...held, pending: null }, { ...order, addressReview: null }, null);
          storedSns.push(orderSn);
        }
        skipped.push('unchanged');
        continue;
      }
      if (held.pending) replaced.push(held.pending.sealed);
      writes.put({ ...held, purgeAt, pending: { sealed, source: address.source, capturedAt: now } }, { ...order, purgeAt, addressReview: review }, shredKey);
      storedSns.push(orderSn);
      (review === 'changed' ? changed : unreviewed).push(orderSn);
    }

    if (writes.count > 0) {
      // Keys staged (or filed) before the transaction commits: a row is never committed without
      // the shred key that opens it.
      await writes.finish();
      await forgetEnvelopes(deps, replaced);
      if (!options.batchAudit) {
        const skippedCounts = countReasons(skipped);
        await appendAudit(db, now, {
          actor,
          action: 'capture.addresses',
          counts: {
            stored: writes.count - changed.length - unreviewed.length,
            ...(changed.length > 0 ? { addressChanged: changed.length } : {}),
            ...(unreviewed.length > 0 ? { addressToReview: unreviewed.length } : {}),
            ...Object.fromEntries(skippedCounts.map((s) => [`skipped:${s.reason}`, s.count])),
          },
          orderSns: storedSns,
        });
      }
    }
    const outcome = { stored: writes.count - changed.length - unreviewed.length, changed: changed.length, unreviewed: unreviewed.length, skipped: countReasons(skipped) };
    if (options.batchAudit) await appendBatchAudit(db, now, actor, options.batchAudit, outcome);
    // Addresses repeated within the batch are not "skipped": they replaced their earlier copy.
    return outcome;
  });
  if (result.stored + result.changed + result.unreviewed > 0) await deps.notifyChanged();
  return result;
}

/** Whether a newly captured address is the one already held (compared field by field). */
function compareWithHeld(opener: Opener, held: BuyerRecord, next: BuyerPii): 'same' | 'changed' {
  const current = openBuyerRecord(opener, held);
  return current.state === 'ok' && sameBuyerPii(current.pii, next) ? 'same' : 'changed';
}

/**
 * Decrypts buyer PII for the given orders (popup list, export). Purges due rows first so a read
 * never returns due PII; `locked` error while locked; one audit entry `buyers.open`.
 * Deliberately no notifyChanged: pages refetch on change, and a read that notified would
 * make every open page re-read forever.
 */
/** What a caller of `openBuyers` may add inside the read's audit transaction (export/prepare, issue 11). */
export interface OpenBuyersOptions {
  /**
   * Called in the read's audit transaction after the `buyers.open` entry, with what was read: the rows
   * (sealed, for their purge times) and `buyersWrites`, the `buyers` write count taken before the
   * read (AppDb.writeCount: the rows stay valid while it is unchanged). Its entry, if any, is
   * appended in the same transaction: export/prepare's `export` entry costs no second write
   * transaction (one full round trip of the 0.5 s CSV target).
   */
  alsoInTransaction?: (read: { rows: readonly (BuyerRecord | undefined)[]; results: Record<string, BuyerOpenResult>; buyersWrites: number }) => Promise<AuditEvent | null>;
}

export async function openBuyers(deps: BackgroundDeps, orderSns: string[], actor: AuditActor, options: OpenBuyersOptions = {}): Promise<BuyersOpenReply> {
  // Due PII is erased before the read; marking those orders purged (a list fact, a write on the
  // orders store) follows without this read waiting for it: behind another orders write (e.g. an
  // export's exportedAt marks) it kept export/prepare waiting 0.25–0.5 s (issue 11, measured).
  await purgeDueBeforeRead(deps);
  const unique = [...new Set(orderSns)];
  const { db } = deps;
  // Taken before the read exists: every write counted so far is visible to it.
  const buyersWrites = db.writeCount('buyers');
  // The sealed rows and their shred keys are read while the lock is checked: neither needs the
  // vault key, and the check is several storage round trips (30 ms on a quiet machine, 0.2–0.35 s
  // behind other meta writes: measured in export/prepare, issue 11). Nothing is opened, and
  // nothing leaves this function, before the check passed and the read is audited.
  const reading = db.transaction('r', db.buyers, () => db.buyers.bulkGet(unique)).then(async (rows) => ({ rows, keyring: await deps.shredKeys.keyring(shredDaysOfRows(rows)) }));
  reading.catch(() => undefined); // awaited below, unless the vault is locked
  const keys = await requireUnlockedKeys(deps);
  const { rows, keyring } = await reading;
  return db.transaction('rw', [db.audit], async () => {
    const now = deps.now();
    const opener = createVaultOpener(keys.secretKey, keyring);
    const results: Record<string, BuyerOpenResult> = {};
    const opened: string[] = [];
    let cannotDecrypt = 0;
    unique.forEach((orderSn, i) => {
      const row = rows[i];
      // Belt and braces: a due row the purge has not reached yet is treated as gone.
      if (!row || isPurgeDue(row.purgeAt, now)) {
        results[orderSn] = { state: 'none' };
        return;
      }
      const result = openBuyerRecord(opener, row);
      results[orderSn] = result;
      if (result.state === 'ok') opened.push(orderSn);
      else cannotDecrypt++;
    });
    await appendAudit(db, now, {
      actor,
      action: 'buyers.open',
      counts: { requested: unique.length, opened: opened.length, cannotDecrypt, none: unique.length - opened.length - cannotDecrypt },
      orderSns: opened,
    });
    if (options.alsoInTransaction) {
      // Dexie.waitFor: the caller may await work outside this transaction (its own reads).
      const also = await Dexie.waitFor(options.alsoInTransaction({ rows, results, buyersWrites }));
      if (also) await appendAudit(db, now, also);
    }
    return { results };
  });
}

/** One address waiting beside the held one, both opened for the seller's review. */
export interface AddressChangeView {
  orderSn: string;
  current: BuyerPii;
  proposed: BuyerPii;
  proposedSource: string;
  proposedAt: number;
}

/**
 * Compares every address captured while locked with the one held (called on unlock and before a
 * review is shown): identical ones are dropped, different ones wait as `changed` (audited once).
 */
export async function reviewPendingAddresses(deps: BackgroundDeps, actor: AuditActor): Promise<AddressChangeView[]> {
  const keys = await requireUnlockedKeys(deps);
  const { db } = deps;
  return db.transaction('rw', [db.orders, db.buyers, db.audit], async () => {
    const now = deps.now();
    const orders = await db.orders.where('addressReview').anyOf('unreviewed', 'changed').toArray();
    const rows = await db.buyers.bulkGet(orders.map((o) => o.orderSn));
    const opener = await openerFor(deps, keys.secretKey, rows);
    const droppedEnvelopes: Uint8Array[] = [];
    const views: AddressChangeView[] = [];
    const newlyChanged: string[] = [];
    const dropped: string[] = [];
    for (const [i, order] of orders.entries()) {
      const row = rows[i];
      const current = row ? openBuyerRecord(opener, row) : null;
      const proposed = row?.pending ? openBuyerRecord(opener, { orderSn: row.orderSn, sealed: row.pending.sealed }) : null;
      if (!row?.pending || current?.state !== 'ok' || proposed?.state !== 'ok' || sameBuyerPii(current.pii, proposed.pii)) {
        // Nothing (left) to decide: the proposal matches, or one side cannot be read any more.
        if (row?.pending) {
          await db.buyers.put({ ...row, pending: null });
          droppedEnvelopes.push(row.pending.sealed);
        }
        await db.orders.put({ ...order, addressReview: null });
        dropped.push(order.orderSn);
        continue;
      }
      if (order.addressReview !== 'changed') {
        await db.orders.put({ ...order, addressReview: 'changed' });
        newlyChanged.push(order.orderSn);
      }
      views.push({ orderSn: order.orderSn, current: current.pii, proposed: proposed.pii, proposedSource: row.pending.source, proposedAt: row.pending.capturedAt });
    }
    await forgetEnvelopes(deps, droppedEnvelopes);
    if (newlyChanged.length + dropped.length + views.length > 0) {
      await appendAudit(db, now, {
        actor,
        action: 'address.review',
        counts: { changed: views.length, newlyChanged: newlyChanged.length, unchanged: dropped.length },
        orderSns: views.map((v) => v.orderSn),
      });
    }
    return views;
  });
}

/**
 * The seller's decision on a changed address: `accept` puts the new one in place (labels use it
 * from now on), `keep` drops it. Audited with the order number only, never the values.
 */
export async function resolveAddressChange(deps: BackgroundDeps, orderSn: string, accept: boolean, actor: AuditActor): Promise<void> {
  await requireUnlockedKeys(deps);
  const { db } = deps;
  await db.transaction('rw', [db.orders, db.buyers, db.audit], async () => {
    const [order, row] = await Promise.all([db.orders.get(orderSn), db.buyers.get(orderSn)]);
    if (!order || !row?.pending) throw new MessageError('not-found', 'No changed address waits for this order');
    const next: BuyerRecord = accept ? { ...row, sealed: row.pending.sealed, source: row.pending.source, pending: null } : { ...row, pending: null };
    await db.buyers.put(next);
    // The address not kept is erased for good: its shred key goes.
    await forgetEnvelopes(deps, [accept ? row.sealed : row.pending.sealed]);
    await db.orders.put({ ...order, addressReview: null });
    await appendAudit(db, deps.now(), { actor, action: accept ? 'address.accept' : 'address.keep', orderSns: [orderSn] });
  });
  await deps.notifyChanged();
}

const RESEAL_BATCH = 500;

/**
 * Rows sealed before shred keys existed (envelope v1) open with the vault key alone, so deleting
 * them could not make them unrecoverable. On unlock they are re-sealed once with shred keys, in
 * batches of one transaction each (keys filed first); meta `vault.legacyResealed` ends the scan for
 * good. Copies of the v1 rows that LevelDB still holds stay openable until it compacts them
 * (docs/threat-model.md, residual risks).
 */
export async function resealLegacyEnvelopes(deps: BackgroundDeps, actor: AuditActor): Promise<number> {
  const { db } = deps;
  if (await readMeta(db, 'vault.legacyResealed')) return 0;
  const keys = await requireUnlockedKeys(deps);
  const isLegacy = (row: BuyerRecord) => row.sealed[0] === SEALED_V1 || row.pending?.sealed[0] === SEALED_V1;
  const legacy = (await db.buyers.filter(isLegacy).primaryKeys()) as string[];
  let resealed = 0;
  for (let i = 0; i < legacy.length; i += RESEAL_BATCH) {
    resealed += await db.transaction('rw', [db.buyers, db.audit], async () => {
      const rows = (await db.buyers.bulkGet(legacy.slice(i, i + RESEAL_BATCH))).filter((r): r is BuyerRecord => r !== undefined && isLegacy(r));
      const opener = await openerFor(deps, keys.secretKey, rows);
      const sealer = sealerFor(keys.publicKey, deps.now());
      const shredKeys: OrderShredKey[] = [];
      const reseal = (orderSn: string, envelope: Uint8Array, purgeAt: number): Uint8Array | null => {
        if (envelope[0] !== SEALED_V1) return envelope;
        const opened = openBuyerRecord(opener, { orderSn, sealed: envelope });
        if (opened.state !== 'ok') return null;
        const next = sealBuyerPii(sealer, orderSn, opened.pii, purgeAt);
        shredKeys.push(next.shredKey);
        return next.sealed;
      };
      const next: BuyerRecord[] = [];
      for (const row of rows) {
        const sealed = reseal(row.orderSn, row.sealed, row.purgeAt);
        // A blob that no longer opens stays as it is (it shows as cannot-decrypt, as before).
        if (!sealed) continue;
        const pendingSealed = row.pending ? reseal(row.orderSn, row.pending.sealed, row.purgeAt) : null;
        next.push({ ...row, sealed, pending: row.pending && pendingSealed ? { ...row.pending, sealed: pendingSealed } : null });
      }
      if (shredKeys.length > 0) await Dexie.waitFor(deps.shredKeys.add(shredKeys));
      await db.buyers.bulkPut(next);
      await appendAudit(db, deps.now(), { actor, action: 'vault.reseal', counts: { rows: next.length } });
      return next.length;
    });
  }
  await writeMeta(db, 'vault.legacyResealed', true);
  return resealed;
}

/** The fields a correction changed (names only: the audit log never holds values). */
export interface BuyerCorrectionResult {
  orderSn: string;
  changedFields: (keyof BuyerPii)[];
}

/**
 * A buyer's correction request (issue 13): the stored address is opened, patched, validated with
 * the same schema as a capture, and re-sealed under a fresh shred key filed under the row's purge
 * day (so it is erased on the same day as before); the old envelope's key is deleted, so the
 * uncorrected data is unrecoverable. Labels and the popup read the corrected row from now on.
 * One audit entry naming the fields changed, never their values.
 */
export async function correctBuyerPii(deps: BackgroundDeps, orderSn: string, patch: Partial<BuyerPii>, actor: AuditActor, detail: string): Promise<BuyerCorrectionResult> {
  await purgeDueBuyers(deps);
  const keys = await requireUnlockedKeys(deps);
  const { db } = deps;
  const result = await db.transaction('rw', [db.buyers, db.audit], async () => {
    const now = deps.now();
    const row = await db.buyers.get(orderSn);
    if (!row || isPurgeDue(row.purgeAt, now)) throw new MessageError('not-found', 'No buyer data is stored for this order');
    const opener = await openerFor(deps, keys.secretKey, [row]);
    const current = openBuyerRecord(opener, row);
    if (current.state !== 'ok') throw new MessageError('conflict', 'The stored buyer data cannot be opened');
    const next = buyerPiiSchema.safeParse({ ...current.pii, ...patch });
    if (!next.success) throw new MessageError('invalid-request', `Invalid value for ${next.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const changedFields = (Object.keys(buyerPiiSchema.shape) as (keyof BuyerPii)[]).filter((k) => (current.pii[k] ?? null) !== (next.data[k] ?? null));
    if (changedFields.length === 0) return { orderSn, changedFields };
    const { sealed, shredKey } = sealBuyerPii(sealerFor(keys.publicKey, now), orderSn, next.data, row.purgeAt);
    await Dexie.waitFor(deps.shredKeys.add([shredKey]));
    await db.buyers.put({ ...row, sealed });
    await forgetEnvelopes(deps, [row.sealed]);
    await appendAudit(db, now, {
      actor,
      action: 'buyers.correct',
      counts: { fields: changedFields.length },
      orderSns: [orderSn],
      detail: `${detail} fields:${changedFields.join(',')}`.slice(0, 500),
    });
    return { orderSn, changedFields };
  });
  if (result.changedFields.length > 0) await deps.notifyChanged();
  return result;
}

/**
 * A buyer field turned off is removed from every stored record at once (issue 15, data
 * minimization): each record (and any address waiting beside it) that holds the field is opened,
 * re-sealed without it under a NEW shred key (filed first), and the old envelope's shred key is
 * deleted, so the old blob cannot be opened even where LevelDB still holds a copy. Batches of one
 * transaction each, like the legacy re-seal. Needs the vault unlocked. A record that cannot be
 * opened cannot hold a readable field and stays as it is. Audited with counts and field names only.
 */
export async function removeBuyerFields(deps: BackgroundDeps, fields: readonly OptionalBuyerField[], actor: AuditActor): Promise<number> {
  if (fields.length === 0) return 0;
  const keys = await requireUnlockedKeys(deps);
  const { db } = deps;
  const all = (await db.buyers.toCollection().primaryKeys()) as string[];
  const holds = (pii: BuyerPii) => fields.some((f) => pii[f] !== null && pii[f] !== undefined);
  let resealed = 0;
  for (let i = 0; i < all.length; i += RESEAL_BATCH) {
    resealed += await db.transaction('rw', [db.buyers, db.audit], async () => {
      const rows = (await db.buyers.bulkGet(all.slice(i, i + RESEAL_BATCH))).filter((r): r is BuyerRecord => r !== undefined);
      const opener = await openerFor(deps, keys.secretKey, rows);
      const sealer = sealerFor(keys.publicKey, deps.now());
      const shredKeys: OrderShredKey[] = [];
      const dropped: Uint8Array[] = [];
      const reseal = (orderSn: string, envelope: Uint8Array, purgeAt: number): Uint8Array => {
        const opened = openBuyerRecord(opener, { orderSn, sealed: envelope });
        if (opened.state !== 'ok' || !holds(opened.pii)) return envelope;
        const next = sealBuyerPii(sealer, orderSn, withoutBuyerFields(opened.pii, fields), purgeAt);
        shredKeys.push(next.shredKey);
        dropped.push(envelope);
        return next.sealed;
      };
      const next: BuyerRecord[] = [];
      for (const row of rows) {
        const sealed = reseal(row.orderSn, row.sealed, row.purgeAt);
        const pendingSealed = row.pending ? reseal(row.orderSn, row.pending.sealed, row.purgeAt) : null;
        if (sealed === row.sealed && pendingSealed === (row.pending?.sealed ?? null)) continue;
        next.push({ ...row, sealed, pending: row.pending && pendingSealed ? { ...row.pending, sealed: pendingSealed } : null });
      }
      if (next.length === 0) return 0;
      // Keys first: a row is never committed without the shred key that opens it.
      await Dexie.waitFor(deps.shredKeys.add(shredKeys));
      await db.buyers.bulkPut(next);
      await forgetEnvelopes(deps, dropped);
      return next.length;
    });
  }
  await recordAudit(db, deps.now(), { actor, action: 'buyers.minimize', counts: { resealed }, detail: [...fields].sort().join(',') });
  await deps.notifyChanged();
  return resealed;
}
