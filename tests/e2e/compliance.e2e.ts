import fs from 'node:fs';
import type { Worker } from '@playwright/test';
import { DAY_MS, makeOrder } from '../fixtures/order-fixtures';
import { captureThroughSellerCenter, storedAddressCounts } from './capture-helpers';
import { sendOk } from './extension-messages';
import { expect, test } from './harness';
import { captureOrders, PASSPHRASE, readStored } from './retention-helpers';

/**
 * The compliance desk (issue 13) in the built extension, driven through the options page: a buyer
 * access request from record to completion, a correction the next label shows, a deletion, the
 * toolbar badge, an incident reported by email, the audit viewer catching an entry edited and the
 * newest entries deleted straight in IndexedDB, and an evidence pack with no buyer data in it.
 */

/** Raw IndexedDB write inside the worker (test-side tampering; nothing in the build helps it). */
function tamperAudit(worker: Worker, op: { update?: { seq: number; detail: string }; deleteFrom?: number }): Promise<void> {
  return worker.evaluate(
    (o) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('seller-vault');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          if (o.update) {
            const get = store.get(o.update.seq);
            get.onsuccess = () => store.put({ ...get.result, detail: o.update!.detail });
          }
          if (o.deleteFrom !== undefined) store.delete(IDBKeyRange.lowerBound(o.deleteFrom));
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    op,
  );
}

const badgeText = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));

test('buyer requests: access answered with exactly that buyer, correction on the next label, deletion, badge', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  const now = Date.now();
  const orders = [0, 1].map((index) => makeOrder({ index, status: 4, now, shippedAt: now - DAY_MS }));
  const [a, b] = orders as [(typeof orders)[0], (typeof orders)[0]];
  const options = await openExtensionPage('options.html#requests');
  await sendOk(options, 'vault/setup', { passphrase: PASSPHRASE });
  // The buyer is found by e-mail below: e-mail capture is off by default (issue 15), turned on first.
  await sendOk(options, 'buyers/set-captured-fields', { captureBuyerEmail: true, captureBackupPhone: false });
  await captureThroughSellerCenter({ context, serviceWorker, sellerCenter, openExtensionPage }, orders);
  await expect.poll(() => storedAddressCounts(serviceWorker, orders)).toEqual({ [a.parentOrderSn]: 1, [b.parentOrderSn]: 1 });
  await options.reload();

  // Record an access request received 13 h ago: identity is due within 11 h, so the badge counts it.
  const form = options.getByTestId('request-form');
  await form.locator('select[name="kind"]').selectOption('access');
  const received = new Date(now - 13 * 3_600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await form.locator('input[name="receivedAt"]').fill(received);
  await form.locator('input[name="contact"]').fill(a.buyer.mail);
  await form.locator('textarea[name="details"]').fill('Please send me my data');
  await form.getByRole('button', { name: 'Record request' }).click();
  await expect(form.getByRole('status')).toContainText('recorded');
  const card = options.getByTestId('request-card').first();
  await expect(card).toHaveAttribute('data-urgency', 'due-soon');
  await expect.poll(() => badgeText(serviceWorker)).toBe('1');
  // The contact is sealed: not in the stored row.
  const rows = await serviceWorker.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('seller-vault');
        open.onsuccess = () => {
          const req = open.result.transaction('requests').objectStore('requests').getAll();
          req.onsuccess = () => resolve(JSON.stringify(req.result, (_k, v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)));
        };
      }),
  );
  expect(rows).not.toContain(a.buyer.mail);

  // Verify identity → find the buyer by email → link → export JSON → complete.
  await card.getByRole('button', { name: 'Identity verified' }).click();
  await expect(card).toHaveAttribute('data-state', 'verified');
  await card.locator('input[name="buyerQuery"]').fill(a.buyer.mail);
  await card.getByRole('button', { name: 'Find buyer' }).click();
  await expect(card.getByTestId('buyer-matches')).toContainText(a.parentOrderSn);
  await expect(card.getByTestId('buyer-matches')).not.toContainText(b.parentOrderSn);
  await card.getByRole('button', { name: 'Link selected orders' }).click();
  await expect(card.getByTestId('request-orders')).toContainText(a.parentOrderSn);
  await card.getByRole('button', { name: 'Export JSON' }).click();
  await expect(card.getByText(/^Saved 1 order/)).toBeVisible();
  const accessFile = (await readStored(serviceWorker)).exports.find((e) => e.orderSns.includes(a.parentOrderSn))!;
  const filePath = await serviceWorker.evaluate(async (id) => (await chrome.downloads.search({ id }))[0]?.filename ?? '', accessFile.downloadId!);
  const answered = JSON.parse(fs.readFileSync(filePath, 'utf8')) as { records: { orderSn: string; buyer: { name: string; email: string } }[]; fields: Record<string, unknown> };
  expect(answered.records.map((r) => r.orderSn)).toEqual([a.parentOrderSn]);
  expect(answered.records[0]!.buyer).toMatchObject({ name: a.buyer.name, email: a.buyer.mail });
  expect(JSON.stringify(answered)).not.toContain(b.buyer.name);
  expect(answered.fields).toHaveProperty('addressLine1');
  await card.getByRole('button', { name: 'Mark completed' }).click();
  await expect(card).toHaveAttribute('data-state', 'completed');
  await expect.poll(() => badgeText(serviceWorker)).toBe('');

  // Correction: the stored address changes and the next label (print view) shows it.
  const correctionId = (await sendOk<{ id: number }>(options, 'requests/record', { kind: 'correct', receivedAt: Date.now(), contact: a.buyer.mail, details: 'New street' })).id;
  const correction = options.locator(`[data-testid="request-card"][data-request-id="${correctionId}"]`);
  await correction.getByRole('button', { name: 'Identity verified' }).click();
  await correction.locator('input[name="buyerQuery"]').fill(a.parentOrderSn);
  await correction.getByRole('button', { name: 'Find buyer' }).click();
  await correction.getByRole('button', { name: 'Link selected orders' }).click();
  const fix = correction.getByTestId('correction-form');
  await fix.locator('input[name="addressLine1"]').fill('77 Corrected Avenue');
  await fix.getByRole('button', { name: 'Save correction' }).click();
  await expect(fix.getByRole('status')).toHaveText('Corrected: addressLine1.');
  const audit = (await readStored(serviceWorker)).audit.find((e) => e.action === 'buyers.correct')!;
  expect(audit.detail).toMatch(/fields:addressLine1$/);
  const label = await openExtensionPage(`print.html#orders=${a.parentOrderSn}&format=print`);
  await expect(label.getByTestId('print-label')).toContainText('77 Corrected Avenue');
  await expect(label.getByTestId('print-label')).not.toContainText(a.buyer.line1);
  await label.close();

  // Deletion: the buyer's data and the access file are removed now.
  const deletionId = (await sendOk<{ id: number }>(options, 'requests/record', { kind: 'delete', receivedAt: Date.now(), contact: a.buyer.mail, details: '' })).id;
  const deletion = options.locator(`[data-testid="request-card"][data-request-id="${deletionId}"]`);
  await deletion.getByRole('button', { name: 'Identity verified' }).click();
  await deletion.locator('input[name="buyerQuery"]').fill(a.parentOrderSn);
  await deletion.getByRole('button', { name: 'Find buyer' }).click();
  await deletion.getByRole('button', { name: 'Link selected orders' }).click();
  await deletion.getByRole('button', { name: "Delete this buyer's data now" }).click();
  // Two tracked outputs held the buyer: the access file and the print view opened above.
  await expect(deletion.getByText('Deleted 1 buyer record(s) and 2 file(s).')).toBeVisible();
  const stored = await readStored(serviceWorker);
  expect(stored.buyers.map((x) => x.orderSn)).toEqual([b.parentOrderSn]);
  expect(stored.orders.find((o) => o.orderSn === a.parentOrderSn)!.piiState).toBe('purged');
  await expect.poll(() => fs.existsSync(filePath)).toBe(false);
});

test('incident reported by email; audit viewer catches an edited entry and deleted newest entries; evidence pack holds no buyer data', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  const now = Date.now();
  const order = makeOrder({ index: 2, status: 4, now, shippedAt: now - DAY_MS });
  const options = await openExtensionPage('options.html#incidents');
  await captureOrders({ context, serviceWorker, sellerCenter, openExtensionPage }, options, [order]);
  await expect.poll(() => storedAddressCounts(serviceWorker, [order])).toEqual({ [order.parentOrderSn]: 1 });
  await options.reload();

  // Incident: contact set, recorded (badge lit while unreported), email pre-filled, marked reported.
  await options.getByTestId('security-contact-form').locator('input[name="securityContact"]').fill('security@marketplace.example');
  await options.getByTestId('security-contact-form').getByRole('button', { name: 'Save' }).click();
  const detected = new Date(now - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const form = options.getByTestId('incident-form');
  await form.locator('input[name="detectedAt"]').fill(detected);
  await form.locator('textarea[name="summary"]').fill('Shared computer left unlocked');
  await form.locator('input[name="data-buyer-address"]').check();
  await form.locator('textarea[name="orderSns"]').fill(order.parentOrderSn);
  await form.getByRole('button', { name: 'Record incident' }).click();
  const card = options.getByTestId('incident-card').first();
  await expect(card).toHaveAttribute('data-state', 'open');
  await expect.poll(() => badgeText(serviceWorker)).toBe('1');
  const detectedAt = new Date(detected).getTime();
  const due = new Date(detectedAt + 72 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  // The list is re-read after each write; the contact saved just before the incident may land in the
  // next re-read, so wait for it (a contact lost to the form, as CI once caught, never shows up).
  await expect(card.getByTestId('incident-mailto')).toHaveAttribute('href', /^mailto:security(@|%40)marketplace\.example\?/);
  const mailto = new URL((await card.getByTestId('incident-mailto').getAttribute('href'))!);
  expect(decodeURIComponent(mailto.pathname)).toBe('security@marketplace.example');
  expect(mailto.searchParams.get('subject')).toBe(
    `Security incident #1 - detected ${new Date(detectedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC - report/resolve by ${due} UTC`,
  );
  expect(mailto.searchParams.get('body')).toContain(order.parentOrderSn);
  await card.getByRole('button', { name: 'Mark reported' }).click();
  await expect(card).toHaveAttribute('data-state', 'reported');
  await expect.poll(() => badgeText(serviceWorker)).toBe('');

  // Evidence pack: the JSON file holds no buyer name, phone, email or address line.
  await options.goto(options.url().replace(/#.*$/, '#evidence'));
  await expect(options.getByTestId('processing-records')).toContainText('buyers.addressLine1');
  const [json, pdf] = await Promise.all([
    options.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.json')),
    options.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.pdf')),
    options.getByTestId('evidence-export').click(),
  ]);
  const packText = fs.readFileSync((await json.path())!, 'utf8');
  const pack = JSON.parse(packText) as { incidents: { state: string }[]; audit: { intact: boolean; head: { seq: number } | null }; retention: { ordersHoldingBuyerData: number } };
  expect(pack.incidents[0]!.state).toBe('reported');
  expect(pack.audit.intact).toBe(true);
  expect(pack.retention.ordersHoldingBuyerData).toBe(1);
  for (const value of [order.buyer.name, order.buyer.mobile, order.buyer.mail, order.buyer.line1, order.buyer.line2].filter((v): v is string => !!v))
    expect(packText).not.toContain(value);
  expect(
    fs
      .readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // Audit viewer: intact; an entry edited in IndexedDB is named; deleting the newest entries is detected.
  await options.goto(options.url().replace(/#.*$/, '#audit'));
  const verify = options.getByRole('button', { name: 'Verify chain' });
  await verify.click();
  await expect(options.getByTestId('audit-verify-result')).toHaveText(/Chain intact/);
  await expect(options.getByTestId('audit-head')).toBeVisible();
  const entries = (await readStored(serviceWorker)).audit;
  const target = 3;
  // The page names the entry by its action's label; the table shows the same label, the recorded action in its title.
  const actionLabel =
    (await options
      .locator(`[data-testid="audit-table"] td[title="${entries[target - 1]!.action}"]`)
      .first()
      .textContent()) ?? '';
  expect(actionLabel).not.toBe('');
  await tamperAudit(serviceWorker, { update: { seq: target, detail: 'forged' } });
  await verify.click();
  await expect(options.getByTestId('audit-verify-result')).toHaveText(
    new RegExp(`Chain broken at entry ${target} \\(entry changed\\)\\. — ${actionLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `),
  );
  await tamperAudit(serviceWorker, { update: { seq: target, detail: entries[target - 1]!.detail as string } });
  await verify.click();
  await expect(options.getByTestId('audit-verify-result')).toHaveText(/Chain intact/);
  const last = (await readStored(serviceWorker)).audit.length;
  await tamperAudit(serviceWorker, { deleteFrom: last - 1 });
  await verify.click();
  await expect(options.getByTestId('audit-verify-result')).toHaveText(
    new RegExp(`Chain broken at entry ${last - 1} \\(newest entries deleted\\).*#${last}, the log ends at #${last - 2}`),
  );
});
