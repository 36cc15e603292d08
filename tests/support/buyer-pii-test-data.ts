import type { BuyerPii } from '../../utils/vault/buyer-pii';

/** A complete, valid buyer address for tests (fictitious); override what a test cares about. */
export function makeBuyerPii(overrides: Partial<BuyerPii> = {}): BuyerPii {
  return {
    name: 'Jane Doe',
    phone: '+1 555 0100',
    backupPhone: null,
    email: 'buyer@example.com',
    addressLine1: '1 Main Street',
    addressLine2: null,
    addressLine3: null,
    city: 'Springfield',
    state: 'IL',
    district: null,
    postcode: '62701',
    country: 'United States',
    countryCode: 'US',
    taxCode: null,
    ...overrides,
  };
}
