import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { ingestAddresses, ingestOrderFacts } from '../capture/capture-service';
import { CaptureRejection } from '../capture/capture-rejection';
import { parseOrderList } from '../capture/order-list-parser';
import { TO_SHIP_STATUSES } from '../capture/order-status';
import { isShopAuthorized } from '../consent/consent-schema';
import { UnwrapError } from '../crypto/key-wrap';
import type { VaultKeys } from '../crypto/vault-keys';
import type { AuditActor } from '../db/records';
import { MessageError } from '../messaging/envelope';
import { deleteMeta, readMeta, writeMeta } from '../meta-store';
import type { CapturedAddress } from '../vault/buyer-pii';
import { enforceIdleLock, requireUnlockedKeys } from '../vault/vault-service';
import { missingScopes, OPEN_API_OK_CODE, tokenFactsOf } from './open-api-answers';
import { createOpenApiClient, type OpenApiClient, type OpenApiCredentials } from './open-api-client';
import { maskedTail, openCredentials, sealCredentials } from './open-api-credentials';
import { isPerOrder, OpenApiError } from './open-api-errors';
import type { OpenApiCheckReply, OpenApiProblem, OpenApiStatus, OpenApiSyncReport, OpenApiTokenCheck } from './open-api-messages';
import { forEachOrderListPage } from './open-api-paging';
import type { OpenApiRegion } from './open-api-regions';
import { readShippingInfo } from './open-api-shipping-info';

/** What the `meta` row `openApi.connection` holds: secrets sealed, the rest plain (no PII). */
export interface OpenApiConnection {
  version: 1;
  region: OpenApiRegion;
  shopId: string;
  /** app key, app secret and access token, sealed under the vault data key (open-api-credentials.ts). */
  sealed: Uint8Array;
  masked: { appKey: string; appSecret: string; accessToken: string };
  scopes: string[];
  tokenExpiresAt: number | null;
  connectedAt: number;
}

/** Sync on the alarm this often while unlocked: new to-ship orders reach the vault within the quarter hour. */
export const SYNC_EVERY_MINUTES = 15;
/** Pass 2 looks back this much before the last successful sync (clock skew, late updates). */
const UPDATE_OVERLAP_MS = 10 * 60_000;
/** Open API times are unix seconds: no page zone is involved. */
const UTC = { utcOffsetMinutes: 0 };

export interface OpenApiInput extends OpenApiCredentials {
  region: OpenApiRegion;
}

function clientFor(deps: BackgroundDeps, region: OpenApiRegion, credentials: OpenApiCredentials): OpenApiClient {
  return createOpenApiClient({ region, credentials, transport: deps.openApi.transport, now: deps.now, sleep: deps.openApi.sleep });
}

const problem = (kind: OpenApiProblem['kind'], detail = ''): OpenApiProblem => ({ kind, detail });

function problemOf(err: unknown): OpenApiProblem {
  if (err instanceof OpenApiError) return problem(err.kind, err.message);
  if (err instanceof CaptureRejection) return problem(err.reason === 'not-authorized' ? 'shop-not-authorized' : 'invalid-answer', err.message);
  throw err;
}

/** `test connection`: the token's shop, expiry and permissions, read with the values as typed. */
export async function checkOpenApiToken(deps: BackgroundDeps, input: OpenApiInput): Promise<OpenApiCheckReply> {
  if (!(await deps.openApi.hasHostAccess(input.region))) return { ok: false, problem: problem('no-host-access') };
  try {
    const facts = tokenFactsOf(await clientFor(deps, input.region, input).call('bg.open.accesstoken.info.get'));
    if (!facts) return { ok: false, problem: problem('invalid-answer', 'bg.open.accesstoken.info.get: no shop in the answer') };
    const token: OpenApiTokenCheck = { ...facts, missingScopes: missingScopes(facts.scopes), shopAuthorized: isShopAuthorized(await deps.consent.read(), facts.shopId) };
    return { ok: true, token };
  } catch (err) {
    return { ok: false, problem: problemOf(err) };
  }
}

/**
 * Connect: the token is checked first (it must be allowed every API a sync calls), then the three
 * values are sealed under the unlocked vault's data key and the sync alarm starts. A connection
 * for a shop not yet authorized is kept, but syncs stop at the consent gate until it is.
 */
export async function connectOpenApi(deps: BackgroundDeps, input: OpenApiInput, actor: AuditActor): Promise<OpenApiCheckReply> {
  const keys = await requireUnlockedKeys(deps);
  const check = await checkOpenApiToken(deps, input);
  if (!check.ok) return check;
  if (check.token.missingScopes.length > 0) return { ok: false, problem: problem('missing-scopes', check.token.missingScopes.join(', ')) };
  const connection: OpenApiConnection = {
    version: 1,
    region: input.region,
    shopId: check.token.shopId,
    sealed: sealCredentials(keys.dataKey, input, input.region, check.token.shopId),
    masked: { appKey: maskedTail(input.appKey), appSecret: maskedTail(input.appSecret), accessToken: maskedTail(input.accessToken) },
    scopes: check.token.scopes,
    tokenExpiresAt: check.token.expiresAt,
    connectedAt: deps.now(),
  };
  const { db } = deps;
  await db.transaction('rw', [db.meta, db.audit], async () => {
    await writeMeta(db, 'openApi.connection', connection);
    await deleteMeta(db, 'openApi.lastSync');
    await appendAudit(db, deps.now(), { actor, action: 'open-api.connect', detail: `region ${input.region}, shop ${connection.shopId}` });
  });
  await deps.openApi.scheduleSync(SYNC_EVERY_MINUTES);
  await deps.notifyChanged();
  return check;
}

/** Disconnect: credentials and last report gone, alarm cleared, host permission removed (the install's minimal permissions again). */
export async function disconnectOpenApi(deps: BackgroundDeps, actor: AuditActor): Promise<void> {
  const { db } = deps;
  const had = await db.transaction('rw', [db.meta, db.audit], async () => {
    const connection = await readMeta(db, 'openApi.connection');
    await deleteMeta(db, 'openApi.connection', 'openApi.lastSync');
    if (connection) await appendAudit(db, deps.now(), { actor, action: 'open-api.disconnect', detail: `region ${connection.region}, shop ${connection.shopId}` });
    return connection !== undefined;
  });
  await deps.openApi.scheduleSync(null);
  await deps.openApi.removeHostAccess();
  if (had) await deps.notifyChanged();
}

let running: Promise<OpenApiSyncReport> | null = null;

export async function getOpenApiStatus(deps: BackgroundDeps): Promise<OpenApiStatus> {
  const connection = await readMeta(deps.db, 'openApi.connection');
  if (!connection) return { connected: false };
  const [hostAccess, consent, session, lastSync] = await Promise.all([
    deps.openApi.hasHostAccess(connection.region),
    deps.consent.read(),
    deps.sessionKeys.read(),
    readMeta(deps.db, 'openApi.lastSync'),
  ]);
  return {
    connected: true,
    region: connection.region,
    shopId: connection.shopId,
    masked: connection.masked,
    scopes: connection.scopes,
    missingScopes: missingScopes(connection.scopes),
    tokenExpiresAt: connection.tokenExpiresAt,
    connectedAt: connection.connectedAt,
    hostAccess,
    shopAuthorized: isShopAuthorized(consent, connection.shopId),
    unlocked: session.keys !== null,
    syncing: running !== null,
    syncEveryMinutes: SYNC_EVERY_MINUTES,
    lastSync: lastSync ?? null,
  };
}

/**
 * One sync (on demand or on the alarm; one at a time — a second request joins the running one).
 * The alarm does nothing while locked and does not count as vault activity (auto-lock still runs).
 */
export function syncOpenApi(deps: BackgroundDeps, actor: AuditActor, trigger: 'manual' | 'alarm'): Promise<OpenApiSyncReport | null> {
  if (running) return running;
  return (async () => {
    const connection = await readMeta(deps.db, 'openApi.connection');
    if (!connection) {
      if (trigger === 'alarm') return null;
      throw new MessageError('not-found', 'The Temu Open API is not connected');
    }
    let keys: VaultKeys | null;
    if (trigger === 'manual') keys = await requireUnlockedKeys(deps);
    else {
      await enforceIdleLock(deps);
      keys = (await deps.sessionKeys.read()).keys;
      if (!keys) return null;
    }
    if (running) return running;
    running = runSync(deps, connection, keys, actor, trigger);
    try {
      return await running;
    } finally {
      running = null;
    }
  })();
}

async function runSync(deps: BackgroundDeps, connection: OpenApiConnection, keys: VaultKeys, actor: AuditActor, trigger: 'manual' | 'alarm'): Promise<OpenApiSyncReport> {
  const report: OpenApiSyncReport = {
    trigger,
    startedAt: deps.now(),
    finishedAt: 0,
    problem: null,
    toShip: 0,
    addresses: 0,
    decrypted: 0,
    stillMasked: 0,
    alreadyHeld: 0,
    failedOrders: 0,
    updated: 0,
    skipped: [],
    requests: 0,
    retries: 0,
    waitedMs: 0,
  };
  const previous = await readMeta(deps.db, 'openApi.lastSync');
  let client: OpenApiClient | null = null;
  try {
    report.problem = await gatesProblem(deps, connection);
    if (!report.problem) {
      let credentials: OpenApiCredentials;
      try {
        credentials = openCredentials(keys.dataKey, connection.sealed, connection.region, connection.shopId);
      } catch (err) {
        if (!(err instanceof UnwrapError)) throw err;
        throw new SyncStop(problem('credentials-unreadable'));
      }
      client = clientFor(deps, connection.region, credentials);
      await syncToShip(deps, client, connection, actor, report);
      // Orders that changed since the last good sync: shipping times, cancellations, packages.
      const since = previous && !previous.problem ? previous.startedAt - UPDATE_OVERLAP_MS : null;
      if (since !== null) await syncUpdates(deps, client, connection, actor, report, since);
    }
  } catch (err) {
    report.problem = err instanceof SyncStop ? err.problem : problemOf(err);
  }
  if (client) Object.assign(report, { requests: client.stats.requests, retries: client.stats.retries, waitedMs: client.stats.waitedMs });
  report.finishedAt = deps.now();
  const { db } = deps;
  await db.transaction('rw', [db.meta, db.audit], async () => {
    await writeMeta(db, 'openApi.lastSync', report);
    await appendAudit(db, report.finishedAt, {
      actor,
      action: 'open-api.sync',
      counts: {
        toShip: report.toShip,
        addresses: report.addresses,
        decrypted: report.decrypted,
        stillMasked: report.stillMasked,
        failedOrders: report.failedOrders,
        updated: report.updated,
        requests: report.requests,
      },
      detail: report.problem ? `stopped: ${report.problem.kind}` : trigger,
    });
  });
  await deps.notifyChanged();
  return report;
}

class SyncStop extends Error {
  constructor(readonly problem: OpenApiProblem) {
    super(problem.kind);
  }
}

/** The extension's own gates, before any request: host access still granted, a vault to seal into, the shop authorized. */
async function gatesProblem(deps: BackgroundDeps, connection: OpenApiConnection): Promise<OpenApiProblem | null> {
  if (!(await deps.openApi.hasHostAccess(connection.region))) return problem('no-host-access');
  if (!(await readMeta(deps.db, 'vault'))) return problem('no-vault');
  if (!isShopAuthorized(await deps.consent.read(), connection.shopId)) return problem('shop-not-authorized', connection.shopId);
  return null;
}

/** The list answer as the capture parser reads it (the envelope was checked by the client). */
const asListAnswer = (result: unknown) => ({ success: true, errorCode: OPEN_API_OK_CODE, result });

/**
 * Pass 1: every to-ship order, a page at a time. Each page goes through the capture path's order
 * merge (same parent order number = same row as the page's), then the addresses of its orders
 * that hold none are asked one by one (decrypt where masked) and stored together through the
 * capture path's address ingest: normalizer, consent gate, seal, purge rules, audit.
 */
async function syncToShip(deps: BackgroundDeps, client: OpenApiClient, connection: OpenApiConnection, actor: AuditActor, report: OpenApiSyncReport): Promise<void> {
  const { retentionDays } = await deps.settings.read();
  const countryAlpha2 = await deps.countryNames.lookup();
  await forEachOrderListPage(client, { parentOrderStatus: 2 }, async (result) => {
    const now = deps.now();
    const ctx = { shopId: connection.shopId, now, retentionDays, actor };
    const orders = parseOrderList(asListAnswer(result), { now, zone: UTC });
    report.toShip += orders.length;
    await ingestOrderFacts(deps, orders, { ...ctx, trust: 'api', detail: 'openApi.orderList' });
    const stored = await deps.db.orders.bulkGet(orders.map((o) => o.orderSn));
    const wanted = stored.filter((o) => o !== undefined && o.shopId === connection.shopId && TO_SHIP_STATUSES.includes(o.status));
    const needing = wanted.filter((o) => o!.piiState === 'none').map((o) => o!.orderSn);
    report.alreadyHeld += wanted.length - needing.length;

    const addresses: CapturedAddress[] = [];
    try {
      for (const orderSn of needing) {
        const address = await fetchAddress(client, orderSn, connection.shopId, countryAlpha2, report);
        if (address) addresses.push(address);
      }
    } finally {
      // A sync stopped half-way keeps what it fetched: this page's addresses are stored in one go.
      const stored = await ingestAddresses(deps, addresses, { ...ctx, now: deps.now() });
      report.addresses += stored.addresses;
      report.skipped = mergeCounts(report.skipped, stored.skipped);
    }
  });
}

async function fetchAddress(
  client: OpenApiClient,
  orderSn: string,
  shopId: string,
  countryAlpha2: Awaited<ReturnType<BackgroundDeps['countryNames']['lookup']>>,
  report: OpenApiSyncReport,
): Promise<CapturedAddress | null> {
  try {
    let reading = readShippingInfo(await client.call('bg.order.shippinginfo.v2.get', { parentOrderSn: orderSn }), orderSn, shopId, countryAlpha2);
    if (reading.kind === 'masked') {
      reading = readShippingInfo(await client.call('bg.order.decryptshippinginfo.get', { parentOrderSn: orderSn }), orderSn, shopId, countryAlpha2);
      if (reading.kind === 'address') report.decrypted++;
    }
    if (reading.kind === 'address') return reading.address;
    if (reading.kind === 'masked') report.stillMasked++;
    else report.failedOrders++;
    return null;
  } catch (err) {
    if (err instanceof OpenApiError && isPerOrder(err.kind)) {
      report.failedOrders++;
      return null;
    }
    throw err;
  }
}

/** Pass 2: stored orders updated since `since` (any status): facts only, never new orders or addresses. */
async function syncUpdates(deps: BackgroundDeps, client: OpenApiClient, connection: OpenApiConnection, actor: AuditActor, report: OpenApiSyncReport, since: number): Promise<void> {
  const { retentionDays } = await deps.settings.read();
  const end = deps.now();
  await forEachOrderListPage(client, { updateAtStart: Math.floor(since / 1000), updateAtEnd: Math.floor(end / 1000) }, async (result) => {
    const now = deps.now();
    const orders = parseOrderList(asListAnswer(result), { now, zone: UTC });
    const outcome = await ingestOrderFacts(deps, orders, { shopId: connection.shopId, now, retentionDays, actor, trust: 'api', detail: 'openApi.updates', onlyExisting: true });
    report.updated += outcome.orders;
  });
}

function mergeCounts(a: { reason: string; count: number }[], b: { reason: string; count: number }[]): { reason: string; count: number }[] {
  const m = new Map(a.map((x) => [x.reason, x.count]));
  for (const x of b) m.set(x.reason, (m.get(x.reason) ?? 0) + x.count);
  return [...m].map(([reason, count]) => ({ reason, count }));
}
