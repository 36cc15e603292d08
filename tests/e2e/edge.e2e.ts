import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EDGE_EXTENSION_DIR, EXTENSION_DIR, expect, test } from './harness';

/**
 * Issue 15: the Edge package (`npm run build:edge`, built by `npm run test:e2e` beside the Chrome
 * one) is checked in every run, not by hand. Edge is Chromium: the same MV3 manifest must load in
 * the same Chromium, so the check is the manifest against Chrome's (nothing added, nothing
 * loosened) and the Edge build itself loaded: worker up, popup and options rendered.
 */
test.use({ extensionDir: EDGE_EXTENSION_DIR });

type Manifest = Record<string, unknown> & { manifest_version: number; permissions: string[]; host_permissions: string[] };
const readManifest = (dir: string): Manifest => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** Every key the Chrome manifest has today; a new one (in either build) is a decision to review. */
const MANIFEST_KEYS = [
  'action',
  'background',
  'content_scripts',
  'default_locale',
  'description',
  'host_permissions',
  'icons',
  'manifest_version',
  'name',
  'optional_host_permissions',
  'options_ui',
  'permissions',
  'version',
  'web_accessible_resources',
];

test('Edge build: a valid MV3 manifest equal to Chrome’s; loads in Chromium: worker, popup and options', async ({ serviceWorker, openExtensionPage }) => {
  const edge = readManifest(EDGE_EXTENSION_DIR);
  const chromeManifest = readManifest(EXTENSION_DIR);
  expect(Object.keys(edge).sort()).toEqual(MANIFEST_KEYS);
  expect(Object.keys(chromeManifest).sort()).toEqual(MANIFEST_KEYS);
  expect(edge.manifest_version).toBe(3);
  expect(edge.background).toEqual({ service_worker: 'background.js' });
  // Same permissions, hosts, content scripts, page resources and (absent: MV3's default) CSP as Chrome's.
  for (const key of [
    'permissions',
    'host_permissions',
    'optional_host_permissions',
    'content_scripts',
    'web_accessible_resources',
    'content_security_policy',
    'externally_connectable',
  ]) {
    expect(edge[key], key).toEqual(chromeManifest[key]);
  }
  expect(edge.content_security_policy).toBeUndefined();
  // Whatever Edge shows in its store and toolbar: the same localized name, description, version and icons.
  for (const key of ['name', 'description', 'default_locale', 'version', 'icons', 'action', 'options_ui']) expect(edge[key], key).toEqual(chromeManifest[key]);
  // Every file the manifest names is in the package.
  const named = [
    'background.js',
    ...Object.values(edge.icons as Record<string, string>),
    (edge.action as { default_popup: string }).default_popup,
    (edge.options_ui as { page: string }).page,
    ...(edge.content_scripts as { js: string[] }[]).flatMap((c) => c.js),
    ...(edge.web_accessible_resources as { resources: string[] }[]).flatMap((r) => r.resources),
  ];
  for (const file of named) expect(fs.existsSync(path.join(EDGE_EXTENSION_DIR, file)), file).toBe(true);
  for (const locale of ['en', 'zh_CN']) expect(fs.existsSync(path.join(EDGE_EXTENSION_DIR, '_locales', locale, 'messages.json')), locale).toBe(true);

  // The browser loaded the Edge build, not the Chrome one: an unpacked extension's id is derived
  // from its folder's path (SHA-256 of the path, first 32 hex digits written as a-p).
  const idOf = (dir: string) => [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
  expect(idOf(EDGE_EXTENSION_DIR)).not.toBe(idOf(EXTENSION_DIR));
  expect(serviceWorker.url()).toBe(`chrome-extension://${idOf(EDGE_EXTENSION_DIR)}/background.js`);
  expect(await serviceWorker.evaluate(() => chrome.runtime.getManifest().version)).toBe(edge.version);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByText('Seller Vault for Temu')).toBeVisible();
  await expect(popup.getByTestId('VaultPanel')).toBeVisible();
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('link', { name: 'Authorization & privacy' })).toBeVisible();
  await expect(options.getByTestId('AuthorizationPage')).toBeVisible();
});
