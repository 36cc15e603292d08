import type { BackgroundDeps } from '../background-deps';
import { isShopAuthorized } from '../consent/consent-schema';
import type { AuditActor, PackageFact } from '../db/records';
import { MessageError } from '../messaging/envelope';
import type { CapturePayload, CaptureResult } from './capture-messages';
import { storeCapturedAddresses } from '../vault/buyer-store';
import { buyerFieldsOff } from '../vault/buyer-pii';
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
  if (!isShopAuthorized(await deps.consent.read(), shopId)) throw new CaptureRejection('not-authorized', `Shop ${shopId} is not authorized for capture`);
  if (exceedsPayloadCap(payload.json)) throw new CaptureRejection('too-large', `Payload over ${MAX_PAYLOAD_BYTES} bytes`);
  const body = parseCapturedJson(payload.json);
  const now = deps.now();

  const zone = { utcOffsetMinutes: payload.utcOffsetMinutes };
  const base = { shopId, now, retentionDays: settings.retentionDays, actor };
  const storeOrders = async (orders: CapturedOrder[], ctx: Omit<Parameters<typeof upsertCapturedOrders>[2], keyof typeof base>) => {
    if (orders.length === 0) return { orders: 0, items: 0, addresses: 0, skipped: [] };
    const outcome = await upsertCapturedOrders(deps.db, orders, { ...base, ...ctx });
    await deps.notifyChanged();
    const skipped = [
      ...(outcome.otherShop > 0 ? [{ reason: 'other-shop', count: outcome.otherShop }] : []),
      ...(outcome.held > 0 ? [{ reason: 'held-for-seller', count: outcome.held }] : []),
    ];
    return { orders: outcome.created + outcome.updated, items: outcome.items, addresses: 0, skipped };
  };

  switch (payload.kind) {
    case 'orderList':
      return storeOrders(parseOrderList(body, { now, zone }), { trust: 'api', detail: 'orderList' });
    case 'orderListDom':
      return storeOrders(parseDomOrderList(body, zone), { trust: 'page', detail: 'orderListDom' });
    case 'packages': {
      const facts = [...parsePackageQuery(body)].map(([orderSn, packages]) => factsOnly(orderSn, packages, null));
      return storeOrders(facts, { trust: 'api', detail: 'packages', onlyExisting: true });
    }
    case 'shipAction': {
      // The answer confirms the ship action: now is the true shipping instant (starts the 28-day clock).
      const facts = parseShipAction(payload.requestJson, body).shipped.map((s) => factsOnly(s.orderSn, s.packages, now));
      return storeOrders(facts, { trust: 'api', detail: 'shipAction', onlyExisting: true });
    }
  }

  const parsed = withinCaptureScope(
    parseAddressPayload(payload.kind, body, shopId, payload.orderSnHint, await deps.countryNames.lookup(), { now, zone }),
    settings.captureScope,
    payload.orderSnHint,
  );
  if (parsed.addresses.length === 0) return { orders: 0, items: 0, addresses: 0, skipped: parsed.skipped };
  // The vault stores addresses only for known orders: an address seen before its order gets a placeholder row.
  // Shipping facts read with the address go in first, so an address of an order shipped long ago is already due.
  const created = await ensureOrdersExist(
    deps.db,
    parsed.addresses.map((a) => a.orderSn),
    { shopId, now, actor, retentionDays: settings.retentionDays },
    parsed.orderFacts,
  );
  const stored = await storeCapturedAddresses(deps, parsed.addresses, actor, { retentionDays: settings.retentionDays, fieldsOff: buyerFieldsOff(settings) });
  await deps.notifyChanged();
  return { orders: created, items: 0, addresses: stored.stored, skipped: [...parsed.skipped, ...stored.skipped] };
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
