/** Shared fixtures for the vault's unit tests (not imported by production code). */
import { memoryShredFiles, memoryShredKeys } from './memory-shred-files';
import { expect, vi } from 'vitest';
import type { BackgroundDeps } from '../../utils/background-deps';
import type { BuyerPii, CapturedAddress } from '../../utils/vault/buyer-pii';
import { testBrowserPorts } from './test-ports';
import { AppDb } from '../../utils/db/app-db';
import type { OrderRecord } from '../../utils/db/records';
import { makeBuyerPii } from './buyer-pii-test-data';
import { MessageError } from '../../utils/messaging/envelope';

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
export const GOOD_PASSPHRASE = 'violet tractor mango 7 lantern';

export interface TestDeps extends BackgroundDeps {
  clock: { now: number };
  notifyChanged: ReturnType<typeof vi.fn<() => Promise<void>>>;
}

export function makeDeps(db = new AppDb(`test-${crypto.randomUUID()}`)): TestDeps {
  const clock = { now: T0 };
  return { ...testBrowserPorts, shredKeys: memoryShredKeys(memoryShredFiles(), db), db, clock, now: () => clock.now, notifyChanged: vi.fn(async () => undefined) };
}

export function makeOrder(orderSn: string, overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderSn,
    shopId: '634418212345',
    status: 'to_ship',
    statusCode: 2,
    createdAt: T0 - DAY,
    shipBy: T0 + 2 * DAY,
    shippedAt: null,
    shippedAtSource: null,
    deliveredAt: null,
    capturedAt: T0,
    updatedAt: T0,
    purgeAt: null,
    exportedAt: null,
    exportFormat: null,
    piiState: 'none',
    itemCount: 1,
    ...overrides,
  };
}

export function makePii(name: string, overrides: Partial<BuyerPii> = {}): BuyerPii {
  return makeBuyerPii({ name, ...overrides });
}

export function makeAddress(orderSn: string, pii: BuyerPii): CapturedAddress {
  return { orderSn, shopId: '634418212345', source: 'api', pii };
}

/** Awaits a rejection with this MessageError code and returns the error. */
export async function expectError(promise: Promise<unknown>, code: string): Promise<MessageError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MessageError);
  expect((err as MessageError).code).toBe(code);
  return err as MessageError;
}
