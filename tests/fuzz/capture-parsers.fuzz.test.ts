import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddressPayload } from '../../utils/capture/address-payload-parser';
import { parseCapturedJson } from '../../utils/capture/camel-keys';
import { CaptureRejection } from '../../utils/capture/capture-rejection';
import { parseDomOrderList } from '../../utils/capture/dom-order-list-parser';
import { parseOrderList } from '../../utils/capture/order-list-parser';
import { parsePackageQuery, parseShipAction } from '../../utils/capture/package-parser';
import { countryAlpha2 } from '../../utils/geo/country-code';
import { MAX_PLAUSIBLE_MS } from '../../utils/time/seller-center-time';
import { addressResponse, mainBatchQueryResponse, makeOrders, orderListResponse, rawDataFor } from '../fixtures/order-fixtures';
import { anyText, hostileJson, mutateLeaves, mutations, RUNS } from './hostile-values';

/**
 * Issue 16: every payload parser, 10,000 hostile inputs each — arbitrary JSON and realistic answers
 * with leaves replaced by hostile values. A parser either returns data or refuses with a
 * CaptureRejection (which the background audits); nothing else may escape. What it returns holds
 * no control or bidi characters, only order numbers that are order numbers, and plausible times.
 */
const NOW = Date.UTC(2026, 11, 2, 12);
const zone = { utcOffsetMinutes: 480 };
const ORDER_SN = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point.
const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]/;

function refusesOrReturns<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (err) {
    if (err instanceof CaptureRejection) return null;
    throw err;
  }
}

function expectPlainStrings(value: unknown) {
  const text = JSON.stringify(value) ?? '';
  // JSON.stringify escapes controls as \uXXXX: look at the parsed strings themselves.
  const strings: string[] = [];
  JSON.parse(text, (_k, v) => (typeof v === 'string' && strings.push(v), v));
  for (const s of strings) expect(UNSAFE_CHAR.test(s), JSON.stringify(s)).toBe(false);
}

const orders = makeOrders(3, { now: NOW });
const bases = {
  orderList: orderListResponse(orders),
  address: addressResponse(orders[0]!),
  detail: rawDataFor(orders[1]!),
  packages: mainBatchQueryResponse(orders),
};
const inputOf = (base: unknown) =>
  fc.oneof(
    hostileJson,
    mutations.map((m) => mutateLeaves(base, m)),
  );
const opts = { numRuns: RUNS };
// 10,000 runs of a parser take 5–40 s on this 2-core machine under load.
const FUZZ_TIMEOUT = 180_000;

describe('capture parsers under 10,000 hostile inputs each (issue 16)', () => {
  it(
    'order list',
    () => {
      fc.assert(
        fc.property(inputOf(bases.orderList), (body) => {
          const out = refusesOrReturns(() => parseOrderList(body, { now: NOW, zone }));
          if (!out) return;
          expectPlainStrings(out);
          for (const o of out) {
            expect(o.orderSn).toMatch(ORDER_SN);
            for (const t of [o.shippedAt, o.shipBy, o.createdAt]) if (typeof t === 'number') expect(t).toBeLessThan(MAX_PLAUSIBLE_MS);
          }
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'address API answer',
    () => {
      fc.assert(
        fc.property(inputOf(bases.address), (body) => {
          const out = refusesOrReturns(() => parseAddressPayload('address', body, 'shop-1', orders[0]!.parentOrderSn, countryAlpha2, { now: NOW, zone }));
          if (!out) return;
          expectPlainStrings(out.addresses);
          for (const a of out.addresses) {
            expect(a.orderSn).toMatch(ORDER_SN);
            // A masked value is never stored as if it were real.
            expect(Object.values(a.pii).some((v) => typeof v === 'string' && /^\*+$/.test(v))).toBe(false);
          }
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'detail-page data counts only for the order the URL names',
    () => {
      fc.assert(
        fc.property(inputOf(bases.detail), (body) => {
          const out = refusesOrReturns(() => parseAddressPayload('orderDetail', body, 'shop-1', orders[1]!.parentOrderSn, countryAlpha2, { now: NOW, zone }));
          if (!out) return;
          expectPlainStrings(out);
          for (const a of out.addresses) expect(a.orderSn).toBe(orders[1]!.parentOrderSn);
          for (const f of out.orderFacts) expect(f.orderSn).toBe(orders[1]!.parentOrderSn);
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'DOM fallback (address and visible list)',
    () => {
      fc.assert(
        fc.property(hostileJson, anyText, (body, hint) => {
          const out = refusesOrReturns(() => parseAddressPayload('addressDom', body, 'shop-1', hint, countryAlpha2, { now: NOW, zone }));
          if (out) for (const a of out.addresses) expect(a.orderSn).toBe(hint);
          const list = refusesOrReturns(() => parseDomOrderList(body, zone));
          if (list) expectPlainStrings(list);
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'packages and ship actions',
    () => {
      fc.assert(
        fc.property(inputOf(bases.packages), fc.option(anyText), (body, requestJson) => {
          const packages = refusesOrReturns(() => parsePackageQuery(body));
          if (packages) for (const [sn, facts] of packages) expect(sn).toMatch(ORDER_SN), expectPlainStrings(facts);
          const shipped = refusesOrReturns(() => parseShipAction(requestJson, body));
          if (shipped) for (const s of shipped.shipped) expect(s.orderSn).toMatch(ORDER_SN);
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'captured JSON text',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyText, fc.json()), (text) => {
          refusesOrReturns(() => parseCapturedJson(text));
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );
});
