import type { BackgroundDeps } from '../background-deps';
import { isShopAuthorized } from '../consent/consent-schema';
import type { AuditActor, PackageFact } from '../db/records';
import { MessageError } from '../messaging/envelope';
import type { CapturePayload, CaptureResult } from './capture-messages';
import { storeCapturedAddresses } from '../vault/buyer-store';
import type { CapturedAddress } from '../vault/buyer-pii';
import { parseAddressPayload } from './address-payload-parser';
import { parseCapturedJson } from './camel-keys';
import { exceedsPayloadCap, MAX_PAYLOAD_BYTES } from './capture-limits';
import { CaptureRejection } from './capture-rejection';
import { type CapturedOrder, parseOrderList } from './order-list-parser';
import { parseDomOrderList } from './dom-order-list-parser';
import { parsePackageQuery, parseShipAction } from './package-parser';
import { ensureOrdersExist, upsertCapturedOrders } from './order-upsert';
import type { RejectionLog } from './rejection-log';

/**
 * One `capture/payload`: re-checks consent and the cookie setting (the content script's gate is
 * not trusted alone), caps size, parses, stores. A refused payload is logged to the console and
 * audited as `capture.rejected` with its reason code; nothing of it is stored.
 */
export async function capturePayload(deps: BackgroundDeps, payload: CapturePayload, actor: AuditActor, rejections: RejectionLog): Promise<CaptureResult> {
  try {
    return await storePayload(deps, payload, actor);
  } catch (err) {
    if (!(err instanceof CaptureRejection)) throw err;
    console.warn(`[seller-vault] capture rejected (${err.reason}): ${err.message}`);
    await rejections.record(payload.kind, err.reason, payload.json.length, actor);
    throw new MessageError(err.reason === 'not-authorized' || err.reason === 'cookies-disabled' ? 'forbidden' : 'invalid-request', `${err.reason}: ${err.message}`);
  }
}

async function storePayload(deps: BackgroundDeps, payload: CapturePayload, actor: AuditActor): Promise<CaptureResult> {
  const settings = await deps.settings.read();
  if (!settings.allowSellerCenterCookies) throw new CaptureRejection('cookies-disabled', 'Capture is off: the seller refused seller-center cookie use');
  const shopId = payload.shopId;
  if (!shopId) throw new CaptureRejection('no-shop', 'The page did not say which shop (mallid) it belongs to');
  await requireAuthorizedShop(deps, shopId);
  if (exceedsPayloadCap(payload.json)) throw new CaptureRejection('too-large', `Payload over ${MAX_PAYLOAD_BYTES} bytes`);
  const body = parseCapturedJson(payload.json);
  const now = deps.now();

  const zone = { utcOffsetMinutes: payload.utcOffsetMinutes };
  const base: IngestContext = { shopId, now, retentionDays: settings.retentionDays, actor };
  switch (payload.kind) {
    case 'orderList':
      return ingestOrderFacts(deps, parseOrderList(body, { now, zone }), { ...base, trust: 'api', detail: 'orderList' });
    case 'orderListDom':
      return ingestOrderFacts(deps, parseDomOrderList(body, zone), { ...base, trust: 'page', detail: 'orderListDom' });
    case 'packages': {
      const facts = [...parsePackageQuery(body)].map(([orderSn, packages]) => factsOnly(orderSn, packages, null));
      return ingestOrderFacts(deps, facts, { ...base, trust: 'api', detail: 'packages', onlyExisting: true });
    }
    case 'shipAction': {
      // The answer confirms the ship action: now is the true shipping instant (starts the 28-day clock).
      const facts = parseShipAction(payload.requestJson, body).shipped.map((s) => factsOnly(s.orderSn, s.packages, now));
      return ingestOrderFacts(deps, facts, { ...base, trust: 'api', detail: 'shipAction', onlyExisting: true });
    }
  }

  // Capture scope (issue 15): "only orders I open" keeps the one order the page asked about.
  const parsed = withinCaptureScope(
    parseAddressPayload(payload.kind, body, shopId, payload.orderSnHint, await deps.countryNames.lookup(), { now, zone }),
    settings.captureScope,
    payload.orderSnHint,
  );
  return ingestAddresses(deps, parsed.addresses, base, { orderFacts: parsed.orderFacts, skipped: parsed.skipped });
}

/** Who stores, for which shop, when, under which retention period: the same for every source. */
export interface IngestContext {
  shopId: string;
  now: number;
  retentionDays: number;
  actor: AuditActor;
}

/**
 * The consent gate every source passes (page capture, bulk fetch, Open API): the shop must be
 * authorized under the current policy version. Throws `not-authorized`.
 */
export async function requireAuthorizedShop(deps: BackgroundDeps, shopId: string): Promise<void> {
  if (!isShopAuthorized(await deps.consent.read(), shopId)) throw new CaptureRejection('not-authorized', `Shop ${shopId} is not authorized for capture`);
}

/**
 * The one store path for non-personal order facts, whatever their source (DIRECTION "one ingest
 * path"): consent gate, merge by parent order number (re-capture updates, never duplicates), one
 * transaction with its audit entry, then the change signal that re-arms retention.
 */
export async function ingestOrderFacts(
  deps: BackgroundDeps,
  orders: CapturedOrder[],
  ctx: IngestContext & { trust: 'api' | 'page'; detail: string; onlyExisting?: boolean },
): Promise<CaptureResult> {
  if (orders.length === 0) return { orders: 0, items: 0, addresses: 0, skipped: [] };
  await requireAuthorizedShop(deps, ctx.shopId);
  const outcome = await upsertCapturedOrders(deps.db, orders, ctx);
  await deps.notifyChanged();
  const skipped = [
    ...(outcome.otherShop > 0 ? [{ reason: 'other-shop', count: outcome.otherShop }] : []),
    ...(outcome.held > 0 ? [{ reason: 'held-for-seller', count: outcome.held }] : []),
  ];
  return { orders: outcome.created + outcome.updated, items: outcome.items, addresses: 0, skipped };
}

/**
 * The one store path for buyer addresses, whatever their source: consent gate, a placeholder
 * order for an address seen before its order (with the shipping facts read beside it first, so an
 * address of an order shipped long ago is already due), then sealing, the already-due and
 * never-silently-replaced rules and the audit entry of utils/vault/buyer-store.
 * Addresses must have passed the normalizer's masked-value check (utils/capture/address-normalizer).
 */
export async function ingestAddresses(
  deps: BackgroundDeps,
  addresses: CapturedAddress[],
  ctx: IngestContext,
  extra: { orderFacts?: CapturedOrder[]; skipped?: CaptureResult['skipped'] } = {},
): Promise<CaptureResult> {
  const skipped = extra.skipped ?? [];
  if (addresses.length === 0) return { orders: 0, items: 0, addresses: 0, skipped };
  await requireAuthorizedShop(deps, ctx.shopId);
  if (addresses.some((a) => a.shopId !== ctx.shopId)) throw new CaptureRejection('invalid-shape', 'An address names another shop than its capture');
  const created = await ensureOrdersExist(
    deps.db,
    addresses.map((a) => a.orderSn),
    { shopId: ctx.shopId, now: ctx.now, actor: ctx.actor, retentionDays: ctx.retentionDays },
    extra.orderFacts ?? [],
  );
  // Fields the seller turned off (issue 15) are dropped there, from the settings, for every source.
  const stored = await storeCapturedAddresses(deps, addresses, ctx.actor, { retentionDays: ctx.retentionDays });
  await deps.notifyChanged();
  return { orders: created, items: 0, addresses: stored.stored, skipped: [...skipped, ...stored.skipped] };
}

/** Facts that change only packages (and, for a ship action, the shipping time) of a known order. */
function factsOnly(orderSn: string, packages: PackageFact[], shippedAt: number | null): CapturedOrder {
  return {
    orderSn,
    // A ship action may cover some lines only: `partially_shipped` is the least it proves, and a
    // later list capture can still move it forward (a status never moves backwards).
    status: shippedAt === null ? 'unknown' : 'partially_shipped',
    statusCode: null,
    createdAt: null,
    shipBy: null,
    shippedAt,
    deliveredAt: null,
    timesUncertain: false,
    packages,
    items: [],
  };
}

/**
 * Capture scope (issue 15, privacy settings). 'opened': only the address of the order the seller
 * opened (the page's order number), so one answer that carries many buyers' addresses (a bulk
 * shipping page, a list) adds none of the others. 'list': every address of the answer.
 */
export function withinCaptureScope<T extends { addresses: { orderSn: string }[]; skipped: { reason: string; count: number }[] }>(
  parsed: T,
  scope: 'opened' | 'list',
  openedOrderSn: string | null | undefined,
): T {
  if (scope === 'list' || parsed.addresses.length <= 1) return parsed;
  const kept = parsed.addresses.filter((a) => !!openedOrderSn && a.orderSn === openedOrderSn);
  const left = parsed.addresses.length - kept.length;
  return { ...parsed, addresses: kept, skipped: [...parsed.skipped, ...(left > 0 ? [{ reason: 'outside-capture-scope', count: left }] : [])] };
}
