import type { Page } from '@playwright/test';
import { expect, test } from './harness';

/**
 * Latin words a Chinese screen may show: names and formats (Temu, PDF, JSON, the carriers' tools
 * ShippingEasy and Ship&co, the US "Letter" paper size), the words Chinese sellers use as written
 * (Cookie, SKU, ID, mall, API as in Temu 开放平台 API), and the language picker's own "English".
 */
const SAME_IN_CHINESE = new Set(['Temu', 'Cookie', 'cookies', 'mall', 'PDF', 'JSON', 'CSV', 'ZPL', 'SKU', 'ID', 'API', 'Letter', 'ShippingEasy', 'Ship', 'co', 'English', 'dpi']);
/** Temu Open API's own names for the three credentials, shown beside their Chinese gloss. */
const OPEN_API_TERMS = /^(App|Key|Secret|Access|Token)$/;

async function englishWordsOn(page: Page): Promise<string[]> {
  // innerText, not textContent: only what is rendered (a closed <details> or hidden option text is not shown).
  // Cells marked data-recorded (the audit log's count names and detail: setting names, error codes,
  // kept as recorded like the JSON export) are left out; nothing else is.
  const text = (
    await page.evaluate(() => {
      const recorded = [...document.querySelectorAll<HTMLElement>('[data-recorded]')];
      for (const el of recorded) el.style.display = 'none';
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
      const shown = document.body.innerText;
      for (const el of recorded) el.style.display = '';
      return shown;
    })
  ).replace(/[\w-]+(\.[\w-]+)+/g, ' '); // host names are names
  return [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !SAME_IN_CHINESE.has(w));
}

test('the language follows the manual choice: Chinese pages show no English, and back', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('link', { name: 'Authorization & privacy' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');

  await options.getByTestId('ui-language').selectOption('zh_CN');
  await expect(options.getByRole('link', { name: '授权与隐私' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(options.getByTestId('AuthorizationPage')).toBeVisible();
  expect(await englishWordsOn(options), 'English on the Chinese options page').toEqual([]);

  await expect(options).toHaveTitle('卖家保险库 — 设置');
  // Every section, the audit log and the records of processing included: both show labels in the
  // chosen language (the audit log's recorded identifiers only in a title, which innerText leaves out;
  // field names such as buyers.addressLine1 are dotted names, removed like host names).
  for (const section of ['vault', 'retention', 'notices', 'requests', 'incidents', 'labels', 'history', 'open-api', 'policy', 'audit', 'evidence']) {
    await options.goto(`${options.url().split('#')[0]}#${section}`);
    await expect(options.locator('main section')).toBeVisible();
    await options.waitForTimeout(300);
    // The audit log has entries by now (the language choice itself is one), so its labels are checked.
    if (section === 'audit') await expect(options.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
    if (section === 'evidence') await expect(options.getByTestId('processing-records')).toContainText('收货地址');
    const words = await englishWordsOn(options);
    // The policy text names the cipher (XChaCha20-Poly1305) and hash functions; those stay as written.
    expect(
      words.filter((w) => !/^(XChaCha|Poly|SHA|scrypt|HKDF|IndexedDB|DELETE|id)$/.test(w) && !OPEN_API_TERMS.test(w)),
      `English on the Chinese options page #${section}`,
    ).toEqual([]);
  }

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByText('Temu 卖家保险库')).toBeVisible();
  await expect(popup.getByTestId('setup-checklist')).toContainText('完成设置');
  await popup.waitForTimeout(500);
  expect(await englishWordsOn(popup), 'English on the Chinese popup').toEqual([]);
  await expect(popup).toHaveTitle('Temu 卖家保险库');
  // The toolbar tooltip is the manifest's localized name (chrome.i18n: the browser's language, English here), not a fixed English string.
  expect(await popup.evaluate(() => chrome.action.getTitle({}))).toBe('Seller Vault for Temu');

  // Every onboarding screen, skipped through to the last.
  const onboarding = await openExtensionPage('onboarding.html');
  await expect(onboarding).toHaveTitle('欢迎使用卖家保险库');
  for (const screen of ['welcome', 'vault', 'address', 'shop', 'sellerCenter', 'finished']) {
    await expect(onboarding.getByTestId('onboarding')).toHaveAttribute('data-screen', screen);
    await onboarding.waitForTimeout(200);
    expect(await englishWordsOn(onboarding), `English on the Chinese onboarding screen ${screen}`).toEqual([]);
    if (screen !== 'finished') await onboarding.getByTestId('onboarding-next').click();
  }

  await options.goto(`${options.url().split('#')[0]}#authorize`);
  await options.getByTestId('ui-language').selectOption('en');
  await expect(options.getByRole('link', { name: 'Authorization & privacy' })).toBeVisible();
});
