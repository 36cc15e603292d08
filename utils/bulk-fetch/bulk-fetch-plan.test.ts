import { describe, expect, it } from 'vitest';
import { bulkFetchRefusal } from './bulk-fetch-gate';
import { type PlanCandidate, planBulkFetch } from './bulk-fetch-plan';

const order = (n: number, patch: Partial<PlanCandidate> = {}): PlanCandidate => ({
  orderSn: `PO-211-${String(n).padStart(4, '0')}`,
  shopId: 'shop1',
  status: 'to_ship',
  shippedAt: null,
  piiState: 'none',
  ...patch,
});

describe('bulk-fetch plan', () => {
  it('keeps only to-ship orders of the shop that hold no address and were never purged', () => {
    const rows = [
      order(1),
      order(2, { status: 'partially_shipped' }),
      order(3, { shopId: 'other' }),
      order(4, { status: 'shipped' }),
      order(5, { shippedAt: 1 }), // marked shipped by the seller
      order(6, { piiState: 'present' }),
      order(7, { piiState: 'purged' }), // erased (notice, retention): never fetched again in bulk
      order(8, { status: 'cancelled' }),
      order(9, { status: 'unknown' }),
      order(1), // duplicate
    ];
    expect(planBulkFetch(rows, 'shop1', null)).toEqual({ orderSns: [order(1).orderSn, order(2).orderSn], overLimit: 0 });
  });

  it('with a selection: only the selected orders, still filtered', () => {
    const rows = [order(1), order(2), order(3, { piiState: 'present' })];
    expect(planBulkFetch(rows, 'shop1', [order(2).orderSn, order(3).orderSn, 'PO-none']).orderSns).toEqual([order(2).orderSn]);
  });

  it('caps the batch and says how many were left out', () => {
    const rows = Array.from({ length: 10 }, (_, i) => order(i));
    expect(planBulkFetch(rows, 'shop1', null, 4)).toEqual({ orderSns: rows.slice(0, 4).map((r) => r.orderSn), overLimit: 6 });
  });
});

describe('bulk-fetch gate', () => {
  const allowed = { allowSellerCenterCookies: true, allowBulkAddressFetch: true, shopId: 'shop1', shopAuthorized: true, vaultExists: true };
  it('runs only with cookie use allowed, bulk fetch turned on, an authorized shop and a vault', () => {
    expect(bulkFetchRefusal(allowed)).toBeNull();
    expect(bulkFetchRefusal({ ...allowed, allowSellerCenterCookies: false })).toBe('cookies-refused');
    // Cookie use refused wins over everything: it is the policy's reason.
    expect(bulkFetchRefusal({ ...allowed, allowSellerCenterCookies: false, allowBulkAddressFetch: false, shopAuthorized: false })).toBe('cookies-refused');
    expect(bulkFetchRefusal({ ...allowed, allowBulkAddressFetch: false })).toBe('bulk-fetch-off');
    expect(bulkFetchRefusal({ ...allowed, shopId: null })).toBe('no-shop');
    expect(bulkFetchRefusal({ ...allowed, shopAuthorized: false })).toBe('not-authorized');
    expect(bulkFetchRefusal({ ...allowed, vaultExists: false })).toBe('no-vault');
  });
});
