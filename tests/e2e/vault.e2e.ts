import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURE_BUYERS } from '../fixtures/fixture-buyers';
import { addressResponse, makeOrders, orderListResponse } from '../fixtures/order-fixtures';
import { expect, test } from './harness';

const SHOP_ID = '634418212345';
const PASSPHRASE = 'violet tractor mango 7 lantern';

/** Sends one message through the real runtime channel from an extension page. */
async function send(page: Page, type: string, data: unknown): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  return page.evaluate(([t, d]) => chrome.runtime.sendMessage({ tag: 'seller-vault/v1', type: t, data: d }), [type, data] as const);
}

/**
 * Captures orders and their addresses through the background's real `capture/payload` path,
 * with the seller center's own response shapes (tests/fixtures). Sent from an extension page
 * because the fixture seller center page (capture work) does not serve these yet.
 */
async function captureThroughMessages(page: Page, count: number) {
  const orders = makeOrders(count, { status: 2 });
  expect((await send(page, 'consent/grant', { shopId: SHOP_ID, label: 'e2e shop' })).ok).toBe(true);
  const base = { shopId: SHOP_ID, pageUrl: 'https://agentseller.temu.com/mmsos/orders.html', tzOffsetMinutes: 0 };
  const list = await send(page, 'capture/payload', { ...base, kind: 'orderList', json: JSON.stringify(orderListResponse(orders)), orderSnHint: null });
  expect(list, JSON.stringify(list)).toMatchObject({ ok: true });
  for (const order of orders) {
    const reply = await send(page, 'capture/payload', { ...base, kind: 'address', json: JSON.stringify(addressResponse(order)), orderSnHint: order.parentOrderSn });
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, data: { addresses: 1 } });
  }
  return orders;
}

/** Every file under `dir`, as bytes. */
function readAllFiles(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...readAllFiles(full));
    else if (entry.isFile()) out.push({ file: full, bytes: fs.readFileSync(full) });
  }
  return out;
}

/**
 * UTF-8 (storage.local JSON, LevelDB keys), UTF-16LE (V8-serialized two-byte strings in
 * IndexedDB) and Latin-1 (V8 stores one-byte strings such as "Élodie" as Latin-1).
 */
function encodings(text: string): Buffer[] {
  const forms = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  if ([...text].every((c) => c.charCodeAt(0) <= 0xff)) forms.push(Buffer.from(text, 'latin1'));
  return forms;
}

function findOnDisk(files: { file: string; bytes: Buffer }[], needle: string): string[] {
  const forms = encodings(needle);
  return files.filter(({ bytes }) => forms.some((f) => bytes.includes(f))).map(({ file }) => file);
}

test('vault: set up in options, capture while locked, unlock in popup, no plaintext PII anywhere in the profile', async ({
  context,
  openExtensionPage,
  profileDir,
}) => {
  // 1. Set up the vault in options (strength meter, confirmation).
  const options = await openExtensionPage('options.html#vault');
  await options.locator('input[name="new-passphrase"]').fill('password123');
  await expect(options.getByTestId('strength-meter')).toHaveAttribute('data-score', '0');
  await expect(options.getByRole('button', { name: 'Create vault' })).toBeDisabled();
  await options.locator('input[name="new-passphrase"]').fill(PASSPHRASE);
  await options.locator('input[name="confirm-passphrase"]').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Create vault' }).click();
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'unlocked', { timeout: 20_000 });

  // 2. Lock, then capture while locked: sealed to the public key, no passphrase needed.
  await options.getByRole('button', { name: 'Lock' }).click();
  await expect(options.getByTestId('vault-state')).toHaveAttribute('data-state', 'locked');
  const orders = await captureThroughMessages(options, FIXTURE_BUYERS.length);
  const locked = await send(options, 'buyers/open', { orderSns: [orders[0]!.parentOrderSn] });
  expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });

  // 3. The popup says how many addresses wait sealed; a wrong passphrase is refused generically.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('sealed-waiting')).toHaveText(`${orders.length} addresses waiting (sealed)`);
  const form = popup.getByTestId('unlock-form');
  await form.locator('input[name="passphrase"]').fill('not my passphrase at all');
  await form.getByRole('button', { name: 'Unlock' }).click();
  await expect(form.getByRole('alert')).toHaveText('Wrong passphrase.', { timeout: 20_000 });
  await form.locator('input[name="passphrase"]').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('button', { name: 'Lock' })).toBeVisible({ timeout: 20_000 });

  // 4. Names and addresses exactly as captured (accented Latin, Cyrillic, Greek, CJK).
  const opened = (await send(popup, 'buyers/open', { orderSns: orders.map((o) => o.parentOrderSn) })) as {
    ok: boolean;
    data: { results: Record<string, { state: string; pii?: { name: string; addressLine1: string; phone: string | null; email: string | null } }> };
  };
  expect(opened.ok).toBe(true);
  for (const order of orders) {
    expect(opened.data.results[order.parentOrderSn]).toMatchObject({
      state: 'ok',
      pii: { name: order.buyer.name, addressLine1: order.buyer.line1, email: order.buyer.mail },
    });
  }
  for (const name of ['Élodie Lefèvre-Noël', 'Анна Кузнецова', '王小明', '佐藤 花子']) {
    await expect(popup.getByTestId('buyer-name').filter({ hasText: name })).toBeVisible();
  }
  await expect(popup.getByTestId('buyer-address').filter({ hasText: 'ул. Тверская, д. 7, кв. 12' })).toBeVisible();

  // 5. Audit: vault events chained, verification passes, no PII in the log.
  const audit = (await send(options, 'audit/list', { limit: 200 })) as { data: { entries: { action: string }[] } };
  const actions = audit.data.entries.map((e) => e.action);
  for (const a of ['vault.setup', 'vault.lock', 'capture.addresses', 'vault.unlock-failed', 'vault.unlock', 'buyers.open']) expect(actions).toContain(a);
  expect(await send(options, 'audit/verify', {})).toMatchObject({ ok: true, data: { ok: true } });
  expect(JSON.stringify(audit)).not.toContain(orders[0]!.buyer.name);

  // 6. Plant known plaintext (self-check of the scan) in storage.local and in IndexedDB.
  const canaries = { local: 'CANARY-local-Ünïcødé-Кириллица-漢字', idbWide: 'CANARY-idb-Жук-猫', idbLatin1: 'CANARY-idb-Ölfaß-Ärger' };
  await options.evaluate(async (c) => {
    await chrome.storage.local.set({ svCanary: c.local });
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('sv-canary', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('c');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('c', 'readwrite');
        tx.objectStore('c').put({ wide: c.idbWide, latin1: c.idbLatin1 }, 1);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
  }, canaries);

  // 7. Close the browser so LevelDB is flushed, then scan every file of the profile.
  await context.close();
  const files = readAllFiles(profileDir);
  expect(files.length).toBeGreaterThan(10);
  for (const canary of Object.values(canaries)) expect(findOnDisk(files, canary), `canary ${canary}`).not.toEqual([]);

  const leaks: string[] = [];
  for (const { buyer } of orders) {
    const needles = [buyer.name, buyer.mobile, buyer.mail, buyer.line1, ...(buyer.line2 ? [buyer.line2] : [])];
    for (const needle of needles) {
      const where = findOnDisk(files, needle);
      if (where.length > 0) leaks.push(`${needle} in ${where.map((f) => path.relative(profileDir, f)).join(', ')}`);
    }
  }
  expect(leaks).toEqual([]);
});
