import { describe, expect, it } from 'vitest';
import { createOpenApiFixture, type OpenApiFixture } from '../../tests/fixtures/open-api-server';
import { makeOrders } from '../../tests/fixtures/order-fixtures';
import { createOpenApiClient, type OpenApiClientOptions } from './open-api-client';
import { OpenApiError } from './open-api-errors';
import { forEachOrderListPage } from './open-api-paging';

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

/** A client on a fixture router and a fake clock that sleeping moves forward. */
function setup(over: Partial<OpenApiClientOptions> = {}, fixtureOver: Parameters<typeof createOpenApiFixture>[0] = {}) {
  const clock = { now: T0, slept: [] as number[] };
  const fixture: OpenApiFixture = createOpenApiFixture({ now: () => clock.now, ...fixtureOver });
  const urls: string[] = [];
  const client = createOpenApiClient({
    region: 'us',
    credentials: { appKey: fixture.appKey, appSecret: fixture.appSecret, accessToken: fixture.accessToken },
    transport: {
      post: async (url, body) => {
        urls.push(url);
        clock.now += 5;
        const { status, json } = fixture.answer(body);
        return { status, text: JSON.stringify(json) };
      },
    },
    now: () => clock.now,
    sleep: async (ms) => {
      clock.slept.push(ms);
      clock.now += ms;
    },
    ...over,
  });
  return { client, fixture, clock, urls };
}

describe('Open API client', () => {
  it('posts signed JSON to the region router with the common parameters and answers the result', async () => {
    const { client, fixture, urls } = setup();
    const result = (await client.call('bg.open.accesstoken.info.get')) as { mallId: number };
    expect(String(result.mallId)).toBe(fixture.mallId);
    expect(urls).toEqual(['https://openapi-b-us.temu.com/openapi/router']);
    const [req] = fixture.requests;
    expect(req!.signOk).toBe(true);
    expect(req!.body).toMatchObject({
      type: 'bg.open.accesstoken.info.get',
      app_key: fixture.appKey,
      access_token: fixture.accessToken,
      data_type: 'JSON',
      timestamp: Math.floor(T0 / 1000),
    });
    // The secret is never sent.
    expect(JSON.stringify(req!.body)).not.toContain(fixture.appSecret);
  });

  it('a wrong secret is refused by the gateway as a bad signature, and that is not retried', async () => {
    const { client, fixture } = setup({ credentials: { appKey: 'fixture_app_key_4e7c0d9a', appSecret: 'wrong', accessToken: 'fixture_access_token_9a8b7c6d5e4f' } });
    await expect(client.call('bg.open.accesstoken.info.get')).rejects.toMatchObject({ kind: 'sign-invalid', code: 3000001 });
    expect(fixture.requests).toHaveLength(1);
    expect(fixture.requests[0]!.signOk).toBe(false);
  });

  it('an expired token is reported as token-expired at once', async () => {
    const { client, fixture } = setup();
    fixture.tokenState = 'expired';
    const err = await client.call('bg.order.list.v2.get', { pageNumber: 1, pageSize: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenApiError);
    expect(err).toMatchObject({ kind: 'token-expired', code: 3000034 });
  });

  it('keeps at least the minimum interval between requests and counts the wait', async () => {
    const { client, fixture } = setup({ minIntervalMs: 250 });
    for (let i = 0; i < 4; i++) await client.call('bg.open.accesstoken.info.get');
    const gaps = fixture.requests.slice(1).map((r, i) => r.at - fixture.requests[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(250);
    expect(client.stats.waitedMs).toBeGreaterThanOrEqual(3 * 240);
  });

  it('backs off 1 s, 2 s, 4 s on the rate limit, then succeeds; gives up after the last retry', async () => {
    const ok = setup({ minIntervalMs: 0 });
    ok.fixture.rateLimitNext = 3;
    await expect(ok.client.call('bg.open.accesstoken.info.get')).resolves.toBeTruthy();
    expect(ok.clock.slept).toEqual([1000, 2000, 4000]);
    expect(ok.client.stats).toMatchObject({ requests: 4, retries: 3 });

    const fail = setup({ minIntervalMs: 0 });
    fail.fixture.rateLimitNext = 4;
    await expect(fail.client.call('bg.open.accesstoken.info.get')).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(fail.fixture.requests).toHaveLength(4);
  });

  it('HTTP 429 and network failures are retried; other HTTP errors are not', async () => {
    let calls = 0;
    const flaky = setup({
      minIntervalMs: 0,
      transport: {
        post: async () => {
          calls++;
          if (calls === 1) throw new TypeError('Failed to fetch');
          if (calls === 2) return { status: 429, text: '' };
          return { status: 200, text: JSON.stringify({ success: true, errorCode: 1000000, result: { ok: 1 } }) };
        },
      },
    });
    await expect(flaky.client.call('x')).resolves.toEqual({ ok: 1 });
    expect(flaky.client.stats.retries).toBe(2);

    const forbidden = setup({ minIntervalMs: 0, transport: { post: async () => ({ status: 403, text: 'no' }) } });
    await expect(forbidden.client.call('x')).rejects.toMatchObject({ kind: 'http', code: 403 });
    expect(forbidden.client.stats.requests).toBe(1);
  });

  it('an answer that is not the envelope is invalid-answer', async () => {
    const { client } = setup({ transport: { post: async () => ({ status: 200, text: '<html>' }) } });
    await expect(client.call('x')).rejects.toMatchObject({ kind: 'invalid-answer' });
  });
});

describe('order list paging', () => {
  it('reads every page of 100 until totalItemNum is covered, storing each page before asking for the next', async () => {
    const { client, fixture } = setup({ minIntervalMs: 0 }, { orders: makeOrders(250, { status: 2, now: T0 }) });
    const seen: number[] = [];
    const outcome = await forEachOrderListPage(client, { parentOrderStatus: 2 }, async (result, n) => {
      // The next request has not been sent yet while this page is stored.
      expect(fixture.requests).toHaveLength(n);
      seen.push((result as { pageItems: unknown[] }).pageItems.length);
    });
    expect(seen).toEqual([100, 100, 50]);
    expect(outcome).toEqual({ pages: 3, total: 250, entries: 250 });
    expect(fixture.requests.map((r) => r.body.pageNumber)).toEqual([1, 2, 3]);
    expect(fixture.requests.every((r) => r.body.pageSize === 100 && r.body.parentOrderStatus === 2)).toBe(true);
  });

  it('stops on an empty page (pageItems: null) and on the page limit', async () => {
    const none = setup({ minIntervalMs: 0 }, { orders: [] });
    expect(await forEachOrderListPage(none.client, {}, async () => undefined)).toEqual({ pages: 0, total: 0, entries: 0 });

    const many = setup({ minIntervalMs: 0 }, { orders: makeOrders(30, { status: 2, now: T0 }) });
    const outcome = await forEachOrderListPage(many.client, {}, async () => undefined, { pageSize: 10, maxPages: 2 });
    expect(outcome).toEqual({ pages: 2, total: 30, entries: 20 });
  });

  it('an error on a later page keeps the pages already handed over and surfaces the error', async () => {
    const { client, fixture } = setup({ minIntervalMs: 0 }, { orders: makeOrders(250, { status: 2, now: T0 }) });
    fixture.expireAfterRequests = 2;
    const stored: number[] = [];
    await expect(forEachOrderListPage(client, {}, async (_r, n) => void stored.push(n))).rejects.toMatchObject({ kind: 'token-expired' });
    expect(stored).toEqual([1, 2]);
  });
});
