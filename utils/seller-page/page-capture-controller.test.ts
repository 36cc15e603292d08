import { describe, expect, it } from 'vitest';
import type { ConsentMap } from '../consent/consent-schema';
import { createPageCaptureController, RATE_LIMIT_MAX, type PayloadInput } from './page-capture-controller';
import { POLICY_VERSION } from '../policy/policy-document';

const SECRET = 'secret-1';
const SHOP = '634418212';
const consentFor = (...shops: string[]): ConsentMap => Object.fromEntries(shops.map((s) => [s, { shopId: s, displayName: '', authorizedAt: 1, policyVersion: POLICY_VERSION }]));
const settings = { allowSellerCenterCookies: true, allowBulkAddressFetch: false, showInPageBanner: true };

function setup() {
  const sent: PayloadInput[] = [];
  const rejected: string[] = [];
  const reports: { kind: string; reason: string; chars: number; count: number }[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  const shops: string[] = [];
  const banner: (string | null)[] = [];
  let now = 1000;
  const c = createPageCaptureController(
    {
      sendPayload: async (p) => void sent.push(p),
      reportRejected: async (kind, _shop, reason, chars, count) => {
        rejected.push(`${kind}:${reason}`);
        reports.push({ kind, reason, chars, count });
      },
      reportShop: async (s) => void shops.push(s),
      setBanner: (s) => void banner.push(s),
      log: () => undefined,
      now: () => now,
      setTimer: (fn, ms) => void timers.push({ at: now + ms, fn }),
    },
    { pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', pageZone: 480 },
    SECRET,
  );
  /** The fake clock: moves time and runs the timers that came due. */
  const tick = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    return now;
  };
  return { c, sent, rejected, reports, shops, banner, tick };
}
const capture = (json = '{"success":true}', mallId: string | null = SHOP, kind = 'orderList') => ({ secret: SECRET, type: 'capture', kind, mallId, json, orderSnHint: null });

describe('page capture controller (consent gate on the page)', () => {
  it('forwards nothing for an unauthorized shop and offers the banner', () => {
    const t = setup();
    t.c.setConsentState({ consent: {}, settings });
    t.c.onHookMessage(capture());
    expect(t.sent).toEqual([]);
    expect(t.shops).toEqual([SHOP]);
    expect(t.banner.at(-1)).toBe(SHOP);
  });

  it("forwards an authorized shop's capture, waiting for the consent state at page load", () => {
    const t = setup();
    t.c.onHookMessage(capture('{"a":1}'));
    expect(t.sent).toEqual([]);
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    expect(t.sent).toEqual([
      { kind: 'orderList', shopId: SHOP, pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', utcOffsetMinutes: 480, json: '{"a":1}', requestJson: null, orderSnHint: null },
    ]);
    expect(t.banner.at(-1)).toBeNull();
  });

  it('stops at once on revoke and when cookie use is refused', () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onHookMessage(capture());
    t.c.setConsentState({ consent: {}, settings });
    t.c.onHookMessage(capture());
    t.c.setConsentState({ consent: consentFor(SHOP), settings: { ...settings, allowSellerCenterCookies: false } });
    t.c.onHookMessage(capture());
    expect(t.sent).toHaveLength(1);
    expect(t.banner).not.toContain(undefined);
  });

  it("ignores messages without this load's secret or with junk shapes", () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onHookMessage({ ...capture(), secret: 'guess' });
    t.c.onHookMessage({ ...capture(), kind: 'somethingElse' });
    t.c.onHookMessage({ ...capture(), json: { not: 'text' } });
    t.c.onHookMessage(null);
    t.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: '<b>x</b>' });
    expect(t.sent).toEqual([]);
    expect(t.shops).toEqual([]);
  });

  it('refuses payloads over 5 MB in the page and reports them without the body', () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onHookMessage(capture('x'.repeat(5 * 1024 * 1024 + 1)));
    expect(t.sent).toEqual([]);
    expect(t.rejected).toEqual(['orderList:too-large']);
  });

  it('holds shop-less page captures (rawData) until the shop is known, and drops them after 15 s', () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onHookMessage(capture('{"first":1}', null, 'orderDetail'));
    expect(t.sent).toEqual([]);
    t.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: SHOP });
    expect(t.sent.map((p) => p.json)).toEqual(['{"first":1}']);

    const u = setup();
    u.c.setConsentState({ consent: consentFor(SHOP), settings });
    u.c.onHookMessage(capture('{"late":1}', null, 'orderDetail'));
    u.tick(16_000);
    u.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: SHOP });
    expect(u.sent).toEqual([]);
  });

  it('sends a DOM address once per distinct content, only when authorized, never the banner after dismiss', () => {
    const t = setup();
    t.c.setConsentState({ consent: {}, settings });
    t.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: SHOP });
    t.c.onDomAddress('PO-1-1', { receiptName: 'Anna', addressLine1: '1 Main St' });
    expect(t.sent).toEqual([]);
    t.c.dismissBanner();
    t.c.setConsentState({ consent: {}, settings });
    expect(t.banner.at(-1)).toBeNull();

    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onDomAddress('PO-1-1', { receiptName: 'Anna', addressLine1: '1 Main St' });
    t.c.onDomAddress('PO-1-1', { receiptName: 'Anna', addressLine1: '1 Main St' });
    t.c.onDomAddress('PO-1-1', { receiptName: 'Anna' });
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({ kind: 'addressDom', orderSnHint: 'PO-1-1' });
    expect(JSON.parse(t.sent[0]!.json)).toEqual({ parentOrderSn: 'PO-1-1', address: { receiptName: 'Anna', addressLine1: '1 Main St' } });
  });

  it("an API answer goes under the shop of its own request, never the page's current shop", () => {
    const OTHER = '999000111';
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: OTHER });
    t.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: SHOP });
    // An API answer whose request named no shop is not given the current (authorized) one.
    t.c.onHookMessage(capture('{"from":"nobody"}', null));
    expect(t.sent).toEqual([]);
    // The unauthorized shop's answer lands after the switch: dropped, and the page's shop stays.
    t.c.onHookMessage(capture('{"from":"other"}', OTHER));
    expect(t.c.shopId).toBe(SHOP);
    t.c.onHookMessage(capture('{"from":"authorized"}', SHOP));
    expect(t.sent.map((p) => `${p.json}@${p.shopId}`)).toEqual([`{"from":"authorized"}@${SHOP}`]);
    expect(t.shops).toEqual([OTHER, SHOP]);
  });

  it('E: at most RATE_LIMIT_MAX (60) captures per 10 s per tab (all kinds together); refusals merged into one report per 10 s with the count', () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    // The attack: 300 malformed captures in 9 s.
    for (let i = 0; i < 300; i++) {
      t.c.onHookMessage(capture(`{"n":${i}`, SHOP, i % 2 ? 'address' : 'orderList'));
      t.tick(30);
    }
    expect(t.sent).toHaveLength(RATE_LIMIT_MAX);
    // One report at the first refusal, then one carrying the rest when the window ends.
    expect(t.reports).toEqual([{ kind: expect.any(String), reason: 'rate-limited', chars: expect.any(Number), count: 1 }]);
    t.tick(10_000);
    expect(t.reports.map((r) => [r.reason, r.count])).toEqual([
      ['rate-limited', 1],
      ['rate-limited', 300 - RATE_LIMIT_MAX - 1],
    ]);
    // Sliding window: once 10 s passed since the last sends, captures go out again.
    t.c.onHookMessage(capture('{"later":1}'));
    expect(t.sent.at(-1)!.json).toBe('{"later":1}');
    // DOM captures count too.
    for (let i = 0; i < RATE_LIMIT_MAX; i++) t.c.onHookMessage(capture(`{"m":${i}}`));
    t.c.onDomAddress('PO-1-1', { receiptName: 'Anna', addressLine1: '1 Main St' });
    expect(t.sent.filter((p) => p.kind === 'addressDom')).toEqual([]);
  });

  it('E: too-large refusals are merged per reason too', () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    const big = 'x'.repeat(5 * 1024 * 1024 + 1);
    for (let i = 0; i < 5; i++) t.c.onHookMessage(capture(big));
    t.c.onHookMessage(capture('{"ok":1}'));
    expect(t.sent).toHaveLength(1);
    expect(t.reports).toEqual([{ kind: 'orderList', reason: 'too-large', chars: big.length, count: 1 }]);
    t.tick(10_000);
    expect(t.reports.map((r) => [r.reason, r.count])).toEqual([
      ['too-large', 1],
      ['too-large', 4],
    ]);
  });

  it('F: sends the visible order list once per distinct content, only when allowed', () => {
    const t = setup();
    const orders = [{ parentOrderSn: 'PO-211-1', statusText: 'To ship', shipByText: null }];
    t.c.setConsentState({ consent: {}, settings });
    t.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: SHOP });
    t.c.onDomOrderList(orders);
    expect(t.sent).toEqual([]);
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onDomOrderList(orders);
    t.c.onDomOrderList([...orders]);
    t.c.onDomOrderList([]);
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]).toMatchObject({ kind: 'orderListDom', shopId: SHOP, orderSnHint: null });
    expect(JSON.parse(t.sent[0]!.json)).toEqual({ orders });
    t.c.onDomOrderList([{ ...orders[0], statusText: 'Shipped' }]);
    expect(t.sent).toHaveLength(2);
  });
});

describe('the zone of a request', () => {
  it('is read from the request body on this (isolated) side; the page URL zone is the fallback; only the ship action body goes on', () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onHookMessage({ ...capture(), requestJson: '{"pageNumber":1,"timeZone":"UTC-5"}' });
    t.c.onHookMessage({ ...capture(), requestJson: '{"pageNumber":2}' });
    t.c.onHookMessage({ ...capture('{"success":true}', SHOP, 'shipAction'), requestJson: '{"send_request_list":[]}' });
    expect(t.sent.map((p) => [p.kind, p.utcOffsetMinutes, p.requestJson])).toEqual([
      ['orderList', -300, null],
      ['orderList', 480, null],
      ['shipAction', 480, '{"send_request_list":[]}'],
    ]);
  });
});

describe('the visible list is a fallback', () => {
  it('is sent on a cold load, and no longer once the order-list API answer went through the hook', () => {
    const t = setup();
    t.c.setConsentState({ consent: consentFor(SHOP), settings });
    t.c.onHookMessage({ secret: SECRET, type: 'shop', mallId: SHOP });
    t.c.onDomOrderList([{ parentOrderSn: 'PO-211-1000001', statusText: 'To ship', shipByText: null }]);
    expect(t.sent.map((p) => p.kind)).toEqual(['orderListDom']);
    t.c.onHookMessage(capture());
    t.c.onDomOrderList([{ parentOrderSn: 'PO-211-1000002', statusText: 'To ship', shipByText: null }]);
    expect(t.sent.map((p) => p.kind)).toEqual(['orderListDom', 'orderList']);
  });
});
