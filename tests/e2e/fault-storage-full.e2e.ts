import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { addressResponse, makeOrders, orderListResponse, type FixtureOrder } from '../fixtures/order-fixtures';
import { send, sendOk, type Reply } from './extension-messages';
import { stopWorker } from './fault-helpers';
import { expect, test } from './harness';
import { PASSPHRASE } from './retention-helpers';

/**
 * Issue 16, fault injection: the disk fills up under the extension. The profile lives on a 120 MB
 * tmpfs in a private mount namespace (small-disk-chromium.sh); the test fills it to ENOSPC through
 * /proc/<browser pid>/root. Measured: with unlimitedStorage, IndexedDB never throws
 * QuotaExceededError (DevTools' Storage.overrideQuotaForOrigin is ignored for the origin too); a
 * full disk gives aborted transactions and UnknownError, and Chromium then closes the connection.
 * Checked: every capture is refused with the `quota` answer and a localized notification, nothing
 * stored earlier is lost (count, open, audit chain), and capture works again once space is freed
 * and the worker has restarted (see the known gap below).
 */
const SHOP = '634418212345';
const base = { shopId: SHOP, pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', utcOffsetMinutes: 0, orderSnHint: null };

/** A private mount namespace needs root or unprivileged user namespaces. */
function canMountTmpfs(): boolean {
  try {
    execFileSync('unshare', ['--map-root-user', '--mount', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test.use({ profileDiskMb: 120 });
test.skip(!canMountTmpfs(), 'needs a private mount namespace (unshare) for the small profile disk');

test('disk full: captures refused with a clear localized message, nothing earlier lost, capture works again after space is freed and the worker restarts', async ({
  context,
  extensionId,
  serviceWorker,
  profileDir,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const options = await openExtensionPage('options.html#policy');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  await sendOk(options, 'consent/grant', { shopId: SHOP, displayName: 'fault shop' });
  const orders = makeOrders(20, { status: 2 });
  const capture = (list: FixtureOrder[]): Promise<Reply[]> =>
    Promise.all([
      send(options, 'capture/payload', { ...base, kind: 'orderList', json: JSON.stringify(orderListResponse(list)) }),
      ...list.map((o) => send(options, 'capture/payload', { ...base, kind: 'address', orderSnHint: o.parentOrderSn, json: JSON.stringify(addressResponse(o)) })),
    ]);
  const earlier = orders.slice(0, 10);
  const later = orders.slice(10);
  expect((await capture(earlier)).filter((r) => !r.ok)).toEqual([]);
  const auditBefore = await sendOk<{ checked: number }>(options, 'audit/verify', {});

  // Notifications the worker shows, recorded inside it (test side only).
  await serviceWorker.evaluate(() => {
    const g = globalThis as unknown as { __svNotices?: string[] };
    g.__svNotices = [];
    const create = chrome.notifications.create.bind(chrome.notifications) as (id: string, o: chrome.notifications.NotificationOptions) => Promise<string>;
    (chrome.notifications as unknown as { create: typeof create }).create = (id, o) => {
      g.__svNotices!.push(`${id}: ${o.title} — ${o.message}`);
      return create(id, o);
    };
  });

  // Fill the profile's disk to the last byte.
  const pid = fs.readFileSync(`${profileDir}.pid`, 'utf8').trim();
  const filler = `/proc/${pid}/root${profileDir}/fault-filler`;
  const fd = fs.openSync(filler, 'w');
  for (const size of [1 << 20, 4096, 64]) {
    for (;;) {
      try {
        fs.writeSync(fd, Buffer.alloc(size, 1));
      } catch {
        break;
      }
    }
  }
  fs.closeSync(fd);

  // Captures on the full disk: every one refused with the storage-full answer, none half-stored.
  const refused = await capture(later);
  expect(refused.filter((r) => r.ok)).toEqual([]);
  expect(new Set(refused.map((r) => r.error?.code))).toEqual(new Set(['quota']));
  // The seller sees one notification, in the browser's language.
  const notices = await serviceWorker.evaluate(() => (globalThis as unknown as { __svNotices: string[] }).__svNotices);
  expect(notices).toEqual([
    'storage-full: Seller Vault cannot save — The browser has no more disk space for Seller Vault, so nothing new was saved. Orders and addresses saved before are safe. Free some disk space; capture starts working again by itself.',
  ]);
  // Space freed. Known gap (open): the same worker keeps refusing (its IndexedDB connection stays
  // broken after the full-disk failure, although a fresh open succeeds); once the worker restarts
  // — Chromium stops an idle worker after 30 s — capture works again. Stopped here through CDP.
  fs.unlinkSync(filler);
  await stopWorker(context, options, extensionId);
  await expect.poll(async () => (await capture(later)).filter((r) => !r.ok).length, { timeout: 20_000 }).toBe(0);
  const opened = await sendOk<{ results: Record<string, { state: string }> }>(options, 'buyers/open', { orderSns: orders.map((o) => o.parentOrderSn) });
  expect(Object.values(opened.results).map((r) => r.state)).toEqual(Array(20).fill('ok'));
  const status = await sendOk<{ sealedCount: number }>(options, 'vault/status', {});
  expect(status.sealedCount).toBe(20);
  const audit = await sendOk<{ ok: boolean; checked: number }>(options, 'audit/verify', {});
  expect(audit.ok).toBe(true);
  expect(audit.checked).toBeGreaterThan(auditBefore.checked);
});
