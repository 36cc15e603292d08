import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, expect, test } from './harness';

test('the built extension loads: worker answers, popup and options render, manifest is minimal', async ({ serviceWorker, openExtensionPage }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(['alarms', 'downloads', 'notifications', 'storage', 'unlimitedStorage']);
  expect(JSON.stringify(manifest)).not.toMatch(/localhost|127\.0\.0\.1|<all_urls>/);

  expect(await serviceWorker.evaluate(() => typeof chrome.runtime.id)).toBe('string');
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByText('Seller Vault for Temu')).toBeVisible();
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('link', { name: 'Authorization & privacy' })).toBeVisible();
});
