import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

/** axe-core on the page as rendered; serious and critical violations only (issue 15), listed by rule and target. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  // axe really looked at the page (a blank or failed render passes nothing).
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations on popup, options and onboarding (${scheme})`, async ({ openExtensionPage }) => {
    const pages = ['popup.html', 'options.html#authorize', 'options.html#vault', 'options.html#retention', 'options.html#policy', 'onboarding.html', 'onboarding.html#vault'];
    for (const path of pages) {
      const page = await openExtensionPage(path);
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('#root > *').first()).toBeVisible();
      await page.waitForTimeout(500);
      expect(await seriousViolations(page), `${path} (${scheme})`).toEqual([]);
      await page.close();
    }
  });
}
