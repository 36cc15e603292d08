import type { BackgroundDeps } from '../background-deps';
import { isShopAuthorized } from '../consent/consent-schema';
import type { AuditActor } from '../db/records';
import { MessageError } from '../messaging/envelope';
import { readMeta } from '../meta-store';
import { parseAddressPayload } from '../capture/address-payload-parser';
import { parseCapturedJson } from '../capture/camel-keys';
import { CaptureRejection } from '../capture/capture-rejection';
import { storeCapturedAddresses } from '../vault/buyer-store';
import type { CapturedAddress } from '../vault/buyer-pii';
import { type BulkFetchRefusal, bulkFetchRefusal } from './bulk-fetch-gate';
import type { BulkFetchPlanReply, BulkFetchStoreInput, BulkFetchStoreReply } from './bulk-fetch-messages';
import { planBulkFetch } from './bulk-fetch-plan';

/** The audit action of a batch: one entry per batch, counts only (issue 12). */
export const BULK_FETCH_AUDIT_ACTION = 'capture.bulk-fetch';

async function refusalFor(deps: BackgroundDeps, shopId: string | null): Promise<BulkFetchRefusal | null> {
  const [settings, consent, vault] = await Promise.all([deps.settings.read(), deps.consent.read(), readMeta(deps.db, 'vault')]);
  return bulkFetchRefusal({
    allowSellerCenterCookies: settings.allowSellerCenterCookies,
    allowBulkAddressFetch: settings.allowBulkAddressFetch,
    shopId,
    shopAuthorized: isShopAuthorized(consent, shopId),
    vaultExists: vault !== undefined,
  });
}

/** The shop's to-ship orders without an address (or those of `selected`), newest capture first, and whether a batch may run. */
export async function planShopBulkFetch(deps: BackgroundDeps, shopId: string | null, selected: string[] | null): Promise<BulkFetchPlanReply> {
  const refusal = await refusalFor(deps, shopId);
  if (!shopId) return { refusal, orderSns: [], overLimit: 0 };
  const rows = selected === null ? await deps.db.orders.where('shopId').equals(shopId).toArray() : (await deps.db.orders.bulkGet(selected)).filter((o) => o !== undefined);
  rows.sort((a, b) => b.capturedAt - a.capturedAt || (a.orderSn < b.orderSn ? 1 : -1));
  const plan = planBulkFetch(rows, shopId, selected);
  return { refusal, ...plan };
}

/**
 * A finished (or stopped) batch's answers through the same path as captured addresses: the
 * address parser and normalizer (masked values refused), the consent and cookie gate (re-checked
 * here, never trusted from the page), the vault store (merge rules, sealing, retention) and ONE
 * audit entry for the batch, counts only. One transaction: nothing is half-written.
 */
export async function storeBulkFetch(deps: BackgroundDeps, input: BulkFetchStoreInput, actor: AuditActor): Promise<BulkFetchStoreReply> {
  const refusal = await refusalFor(deps, input.shopId);
  if (refusal) throw new MessageError('forbidden', `bulk fetch refused: ${refusal}`);
  const settings = await deps.settings.read();
  const lookup = await deps.countryNames.lookup();
  const now = deps.now();
  const addresses: CapturedAddress[] = [];
  const skipped = new Map<string, number>();
  const skip = (reason: string, count = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + count);
  let invalid = 0;
  for (const answer of input.answers) {
    try {
      const parsed = parseAddressPayload('address', parseCapturedJson(answer.json), input.shopId, answer.orderSn, lookup, { now, zone: { utcOffsetMinutes: null } });
      for (const s of parsed.skipped) skip(s.reason, s.count);
      for (const a of parsed.addresses) {
        // The answer must be about the order asked for (the request named it).
        if (a.orderSn === answer.orderSn) addresses.push(a);
        else invalid++;
      }
    } catch (err) {
      if (!(err instanceof CaptureRejection)) throw err;
      invalid++;
    }
  }
  const masked = skipped.get('masked') ?? 0;
  skipped.delete('masked');
  const stored = await storeCapturedAddresses(deps, addresses, actor, {
    retentionDays: settings.retentionDays,
    batchAudit: {
      action: BULK_FETCH_AUDIT_ACTION,
      counts: {
        requested: input.requested,
        answers: input.answers.length,
        masked,
        invalid,
        notAttempted: input.notAttempted,
        reasonType: input.reasonType,
        ...Object.fromEntries([...skipped].map(([reason, count]) => [`skipped:${reason}`, count])),
      },
      detail: input.stoppedBy ?? (input.cancelled ? 'cancelled' : null),
    },
  });
  for (const s of stored.skipped) skip(s.reason, s.count);
  return { stored: stored.stored, changed: stored.changed + stored.unreviewed, masked, invalid, skipped: [...skipped].map(([reason, count]) => ({ reason, count })) };
}
