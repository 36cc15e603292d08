import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeOrder } from '../fixtures/order-fixtures';
import { exportFromPopup, seedShop } from './export-helpers';
import { sendOk } from './extension-messages';
import { expect, test } from './harness';

/** axe-core on the page as rendered; serious and critical violations only (issue 15), listed by rule and target. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  // axe really looked at the page (a blank or failed render passes nothing).
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('axe finds no serious violations on popup, options and onboarding (light and dark)', async ({ openExtensionPage }) => {
  // Seven pages, each rendered once and analysed by axe in both colour schemes (one launch and one
  // render per page, not two: suite time budget, docs/decisions.md).
  test.setTimeout(240_000);
  const pages = ['popup.html', 'options.html#authorize', 'options.html#vault', 'options.html#retention', 'options.html#policy', 'onboarding.html', 'onboarding.html#vault'];
  for (const path of pages) {
    const page = await openExtensionPage(path);
    await expect(page.locator('#root > *').first()).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      await page.waitForTimeout(500);
      expect(await seriousViolations(page), `${path} (${scheme})`).toEqual([]);
    }
    await page.close();
  }
});

/**
 * README screenshots (docs/screenshots/*.{en,zh_CN}.png), written by the run that also checks the
 * print view: the states worth showing need a vault with captured orders, and seeding that once
 * per language is the costly part. Fixture buyers only (invented people). Deterministic enough to
 * commit: one zone for the browser, a fixed viewport, and the pages that show dates read a fixed
 * clock that the fixture orders are made against.
 */
const SCREENSHOT_DIR = path.resolve('docs/screenshots');
/** 2026-12-02 09:00 UTC; the fixture orders are created two days before and due three days after. */
const SHOT_NOW = Date.UTC(2026, 11, 2, 9, 0);
const SHIP_FROM = {
  name: 'Acme Goods',
  company: '',
  addressLine1: '1 Harbour Road',
  addressLine2: '',
  city: 'Shenzhen',
  state: 'Guangdong',
  postcode: '518000',
  country: 'CN',
  phone: '',
};

test.describe('print view and README screenshots', () => {
  test.use({ browserTimezone: 'UTC' });

  for (const lang of ['en', 'zh_CN'] as const) {
    test(`print view with real labels: axe finds no serious violations (light, dark); screenshots (${lang})`, async ({
      context,
      serviceWorker,
      sellerCenter,
      openExtensionPage,
    }) => {
      test.setTimeout(150_000);
      const orders = [0, 1, 3, 5].map((index) => makeOrder({ index, status: 2, now: SHOT_NOW }));
      const options = await openExtensionPage('options.html');
      await sendOk(options, 'settings/update', { uiLanguage: lang });

      /** An extension page whose Date reads SHOT_NOW (set before its scripts run). */
      const openAtShotTime = async (pagePath: string, viewport: { width: number; height: number }) => {
        const page = await context.newPage();
        await page.clock.setFixedTime(SHOT_NOW);
        await page.setViewportSize(viewport);
        await page.goto(`chrome-extension://${new URL(serviceWorker.url()).host}/${pagePath}`);
        await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh_CN' ? 'zh-CN' : 'en');
        return page;
      };
      const shoot = async (page: Page, name: string) => {
        await page.evaluate(() => document.fonts.ready);
        // No caret, focus or hover state in a committed picture.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.${lang}.png`), animations: 'disabled', caret: 'hide' });
      };

      // The first onboarding screen as a fresh install shows it (no step done yet).
      const onboarding = await openAtShotTime('onboarding.html', { width: 1000, height: 560 });
      await expect(onboarding.getByTestId('onboarding')).toHaveAttribute('data-screen', 'welcome');
      await shoot(onboarding, 'onboarding');
      await onboarding.close();

      await sendOk(options, 'settings/update', { returnAddress: SHIP_FROM });
      await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);
      await options.close();

      const popup = await openAtShotTime('popup.html', { width: 560, height: 540 });
      await expect(popup.getByTestId('order-row')).toHaveCount(orders.length, { timeout: 20_000 });
      await expect(popup.getByTestId('buyer-name').first()).not.toBeEmpty();
      await popup.getByTestId('select-all').click();
      await shoot(popup, 'popup');

      // The print tab the "print view" export opens, with the four decrypted labels in it.
      const print = await exportFromPopup(context, popup, 'print');
      await print.setViewportSize({ width: 1100, height: 900 });
      await expect(print.getByTestId('print-label')).toHaveCount(orders.length, { timeout: 20_000 });
      for (const order of orders) await expect(print.locator(`[data-order-sn="${order.parentOrderSn}"] [data-testid="print-name"]`)).toHaveText(order.buyer.name);
      // The pick list (a table) is part of the page the seller works in: checked with the labels.
      await print.getByTestId('print-pick-list').check();
      await expect(print.locator('table')).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        await print.emulateMedia({ colorScheme: scheme });
        await print.waitForTimeout(300);
        expect(await seriousViolations(print), `print view (${lang}, ${scheme})`).toEqual([]);
      }
      await print.emulateMedia({ colorScheme: 'light' });
      await print.getByTestId('print-pick-list').uncheck();
      await shoot(print, 'print-view');
      await print.close();
      // The rows now say when and how they were exported, in the page's language (not the browser's en-US default, nor the stored format id).
      const exported = lang === 'zh_CN' ? /^已导出 \d{4}年\d{1,2}月\d{1,2}日 · 打印视图$/ : /^Exported [A-Z][a-z]{2} \d{1,2}, \d{4} · Print view$/;
      await expect(popup.getByTestId('order-exported').first()).toHaveText(exported);

      // Options › Privacy & cookies: captured fields, capture scope, cookie use (issue 15).
      const privacy = await openAtShotTime('options.html#policy', { width: 1100, height: 900 });
      await expect(privacy.getByTestId('PrivacyPolicyPage')).toBeVisible();
      await privacy.waitForTimeout(300);
      await shoot(privacy, 'options-privacy');

      for (const name of ['popup', 'print-view', 'options-privacy', 'onboarding'])
        expect(fs.statSync(path.join(SCREENSHOT_DIR, `${name}.${lang}.png`)).size).toBeGreaterThan(10_000);
    });
  }
});
