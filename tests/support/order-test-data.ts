import type { BuyerRecord, OrderRecord, OrderStatus } from '../../utils/db/records';
import type { BuyerPii } from '../../utils/vault/buyer-pii';
import { makeBuyerPii } from './buyer-pii-test-data';

/** Test/bench data only (imported by *.test.ts and bench/): a valid order with overrides. */
export function makeOrder(over: Partial<OrderRecord> & Pick<OrderRecord, 'orderSn'>): OrderRecord {
  return {
    shopId: '1001',
    status: 'to_ship',
    statusCode: 2,
    createdAt: null,
    shipBy: null,
    shippedAt: null,
    shippedAtSource: null,
    deliveredAt: null,
    capturedAt: 1_000,
    updatedAt: 1_000,
    purgeAt: null,
    exportedAt: null,
    exportFormat: null,
    piiState: 'none',
    itemCount: 1,
    ...over,
  };
}

const STATUSES: OrderStatus[] = ['to_ship', 'to_ship', 'to_ship', 'shipped', 'delivered', 'cancelled', 'partially_shipped', 'pending'];

/** Deterministic mixed orders (shops, statuses, ship-by around `now`, some exported/shipped). */
export function makeMixedOrders(count: number, now: number, seed = 1): OrderRecord[] {
  let s = seed;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const hour = 3_600_000;
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[Math.floor(rand() * STATUSES.length)]!;
    const shipped = status === 'shipped' || status === 'delivered' || rand() < 0.05;
    return makeOrder({
      orderSn: `PO-211-${String(10_000_000 + i).padStart(14, '0')}`,
      shopId: rand() < 0.7 ? '1001' : '2002',
      status,
      shipBy: rand() < 0.1 ? null : now + Math.floor((rand() - 0.5) * 96) * hour,
      shippedAt: shipped ? now - Math.floor(rand() * 200) * hour : null,
      // Some ties on capturedAt on purpose (list order falls back to the order number).
      capturedAt: now - Math.floor(rand() * 5000) * hour,
      exportedAt: rand() < 0.3 ? now - hour : null,
      piiState: 'present',
    });
  });
}

/** A buyer as the order list shows it after opening (no e-mail, one address line). */
export function listedBuyerPii(name: string): BuyerPii {
  return makeBuyerPii({ name, email: null, addressLine1: '1 Main St' });
}

/** A stored buyers row whose sealed blob is a placeholder (handlers under test never open it). */
export function sealedBuyerRow(orderSn: string, purgeAt: number, capturedAt: number): BuyerRecord {
  return { orderSn, shopId: '1001', purgeAt, capturedAt, source: 'api', sealed: new Uint8Array([1]) };
}
