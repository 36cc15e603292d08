import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { isShopAuthorized } from '../consent/consent-schema';
import type { AuditActor } from '../db/records';
import { MessageError } from '../messaging/envelope';
import type { CapturePayload, CaptureResult } from './capture-messages';
import { storeCapturedAddresses } from '../vault/buyer-store';
import { parseAddressPayload } from './address-payload-parser';
import { parseCapturedJson } from './camel-keys';
import { exceedsPayloadCap, MAX_PAYLOAD_BYTES } from './capture-limits';
import { CaptureRejection } from './capture-rejection';
import { parseOrderList } from './order-list-parser';
import { ensureOrdersExist, upsertCapturedOrders } from './order-upsert';

/**
 * One `capture/payload`: re-checks consent and the cookie setting (the content script's gate is
 * not trusted alone), caps size, parses, stores. A refused payload is logged to the console and
 * audited as `capture.rejected` with its reason code; nothing of it is stored.
 */
export async function capturePayload(deps: BackgroundDeps, payload: CapturePayload, actor: AuditActor): Promise<CaptureResult> {
  try {
    return await storePayload(deps, payload, actor);
  } catch (err) {
    if (!(err instanceof CaptureRejection)) throw err;
    console.warn(`[seller-vault] capture rejected (${err.reason}): ${err.message}`);
    await recordAudit(deps.db, deps.now(), {
      actor,
      action: 'capture.rejected',
      counts: { chars: payload.json.length },
      detail: `${payload.kind}:${err.reason}`,
    });
    await deps.notifyChanged();
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

  if (payload.kind === 'orderList') {
    const zone = { utcOffsetMinutes: payload.utcOffsetMinutes };
    const orders = parseOrderList(body, { now, zone });
    if (orders.length === 0) return { orders: 0, items: 0, addresses: 0, skipped: [] };
    const outcome = await upsertCapturedOrders(deps.db, orders, { shopId, now, retentionDays: settings.retentionDays, actor });
    await deps.notifyChanged();
    return { orders: orders.length, items: outcome.items, addresses: 0, skipped: [] };
  }

  if (payload.kind !== 'address' && payload.kind !== 'orderDetail' && payload.kind !== 'addressDom') {
    throw new CaptureRejection('invalid-shape', `${payload.kind}: not read yet`);
  }
  const parsed = parseAddressPayload(payload.kind, body, shopId, payload.orderSnHint, { now, zone: { utcOffsetMinutes: payload.utcOffsetMinutes } });
  if (parsed.addresses.length === 0) return { orders: 0, items: 0, addresses: 0, skipped: parsed.skipped };
  // The vault stores addresses only for known orders: an address seen before its order gets a placeholder row.
  // Shipping facts read with the address go in first, so an address of an order shipped long ago is already due.
  const created = await ensureOrdersExist(
    deps.db,
    parsed.addresses.map((a) => a.orderSn),
    { shopId, now, actor, retentionDays: settings.retentionDays },
    parsed.orderFacts,
  );
  const stored = await storeCapturedAddresses(deps, parsed.addresses, actor, { retentionDays: settings.retentionDays });
  await deps.notifyChanged();
  return { orders: created, items: 0, addresses: stored.stored, skipped: [...parsed.skipped, ...stored.skipped] };
}
