import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { FIXTURE_BUYERS, type FixtureBuyer } from '../fixtures/fixture-buyers';
import { DAY_MS, makeOrder, type FixtureOrder } from '../fixtures/order-fixtures';
import { isPhoneOnlyCell } from '../../utils/export/csv-safety';
import { exportFromPopup, FORMULA_BUYER, pdfPages, pdfText, saveDownloadsTo, seedShop, squash, waitForFile } from './export-helpers';
import { expect, test } from './harness';

/**
 * The daily shipping run (issue 14) in the built extension: SKU-sorted labels, pick list totals,
 * every print profile's page size and content, ZPL at 203 and 300 dpi, the address pre-check, the
 * ship-by badge and the popup's default view. Exported files are read by independent tools
 * (pdfinfo, pdftotext, a ZPL command parser; LibreOffice Calc for the CSVs).
 */

/** Two planted bad addresses: a US postcode with 4 digits, a German postcode with letters. */
const BAD_US: FixtureBuyer = { ...FIXTURE_BUYERS[5]!, name: 'Planted Badzip', postCode: '9404' };
const BAD_DE: FixtureBuyer = { ...FIXTURE_BUYERS[2]!, name: 'Planted Buchstaben', postCode: 'ABCDE' };

/** Orders in a SKU order that is not their list order; two are overdue (ship-by yesterday). */
function runOrders(now = Date.now()): FixtureOrder[] {
  const spec: { sku: string; qty: number; buyer: FixtureBuyer; overdue?: boolean; extra?: { sku: string; qty: number } }[] = [
    { sku: 'SKU-30', qty: 1, buyer: FIXTURE_BUYERS[0]! },
    { sku: 'SKU-4', qty: 2, buyer: FIXTURE_BUYERS[1]!, overdue: true },
    { sku: 'SKU-12', qty: 1, buyer: BAD_US },
    { sku: 'SKU-100', qty: 3, buyer: FIXTURE_BUYERS[3]! },
    { sku: 'SKU-4', qty: 1, buyer: FIXTURE_BUYERS[4]!, overdue: true, extra: { sku: 'SKU-30', qty: 2 } },
    { sku: 'SKU-2', qty: 5, buyer: BAD_DE },
    { sku: 'SKU-7', qty: 1, buyer: FIXTURE_BUYERS[6]! },
  ];
  return spec.map((s, index) =>
    makeOrder({
      index: 40 + index,
      status: 2,
      now,
      shipBy: s.overdue ? now - DAY_MS : now + 3 * DAY_MS,
      buyer: s.buyer,
      items: [
        { sku: s.sku, quantity: s.qty, title: `Item ${s.sku}`, spec: 'Std' },
        ...(s.extra ? [{ sku: s.extra.sku, quantity: s.extra.qty, title: `Item ${s.extra.sku}`, spec: 'Std' }] : []),
      ],
    }),
  );
}

const PLANTED = (orders: FixtureOrder[]) => orders.filter((o) => o.buyer === BAD_US || o.buyer === BAD_DE).map((o) => o.parentOrderSn);

/** The popup opens on the orders due today or overdue; the chip shows everything again; all selected. */
async function popupWithAllSelected(openExtensionPage: (p: string) => Promise<Page>, orders: FixtureOrder[]): Promise<Page> {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('filter-shipByDue')).toBeChecked({ timeout: 20_000 });
  await expect(popup.getByTestId('order-row')).toHaveCount(2);
  await popup.getByTestId('filter-shipByDue').uncheck();
  await expect(popup.getByTestId('order-row')).toHaveCount(orders.length, { timeout: 20_000 });
  await popup.getByTestId('select-all').click();
  await expect(popup.getByTestId('selected-count')).toHaveText(`${orders.length} selected`);
  return popup;
}

/** Chooses the run's profile / order in the export bar, exports, answers the pre-check; returns the file. */
async function runExport(
  context: BrowserContext,
  popup: Page,
  downloadsDir: string,
  format: string,
  choices: { profile?: string; sort?: string },
  precheck: 'hold' | 'export-anyway' | 'none',
  planted: string[],
  rules = 'postcode-format',
): Promise<string> {
  await popup.getByTestId('export-format').selectOption(format);
  if (choices.profile) await popup.getByTestId('run-profile').selectOption(choices.profile);
  if (choices.sort) await popup.getByTestId('run-sort').selectOption(choices.sort);
  const tab = await exportFromPopup(context, popup, format);
  if (precheck !== 'none') {
    const review = tab.getByTestId('precheck-review');
    await expect(review).toBeVisible({ timeout: 60_000 });
    // Exactly the planted orders are flagged, for the planted reason.
    const flagged = review.getByTestId('precheck-order');
    await expect(flagged).toHaveCount(planted.length);
    expect((await flagged.evaluateAll((els) => els.map((el) => el.getAttribute('data-order-sn')))).sort()).toEqual([...planted].sort());
    for (const found of await flagged.evaluateAll((els) => els.map((el) => el.getAttribute('data-rules')))) expect(found).toBe(rules);
    if (precheck === 'export-anyway') for (const radio of await review.getByTestId('precheck-export-anyway').all()) await radio.check();
    await review.getByTestId('precheck-continue').click();
  }
  const file = await waitForFile(tab, downloadsDir);
  if (tab !== popup) await tab.close();
  return file;
}

const MM = 72 / 25.4;
const PROFILE_PAGE_PT: Record<string, [number, number]> = {
  'label-4x6': [288, 432],
  'label-4x8': [288, 576],
  'label-a6': [105 * MM, 148 * MM],
  'label-100x150': [100 * MM, 150 * MM],
  'a4-2up': [595.28, 841.89],
  'a4-4up': [595.28, 841.89],
  'letter-2up': [612, 792],
  'letter-4up': [612, 792],
};

function pdfPageSize(file: string): [number, number] {
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return [Number(match![1]), Number(match![2])];
}

const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });

test('shipping run: SKU-sorted labels, pick list totals, pre-check holds the planted addresses, badge and default view', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  downloadsDir,
}) => {
  test.setTimeout(300_000);
  const orders = runOrders();
  const planted = PLANTED(orders);
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);

  // The toolbar badge counts the two overdue to-ship orders.
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('2');

  const popup = await popupWithAllSelected(openExtensionPage, orders);

  // Labels sorted by SKU (4x6 profile): the planted orders are held, the rest come out in SKU order.
  const labels = await runExport(context, popup, downloadsDir, 'pdf-labels', { profile: 'label-4x6', sort: 'sku' }, 'hold', planted);
  const kept = orders.filter((o) => !planted.includes(o.parentOrderSn));
  const smallestSku = (o: FixtureOrder) => o.items.map((i) => i.sku).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))[0]!;
  const expected = [...kept].sort(
    (a, b) => smallestSku(a).localeCompare(smallestSku(b), 'en', { numeric: true }) || a.parentOrderSn.localeCompare(b.parentOrderSn, 'en', { numeric: true }),
  );
  expect(expected.map(smallestSku)).toEqual(['SKU-4', 'SKU-4', 'SKU-7', 'SKU-30', 'SKU-100']);
  expect(pdfPages(labels)).toBe(kept.length);
  expected.forEach((order, i) => {
    const text = squash(pageText(labels, i + 1));
    expect(text, `page ${i + 1}`).toContain(order.parentOrderSn);
    expect(text, `page ${i + 1}`).toContain(squash(order.buyer.name));
  });
  const allText = squash(pdfText(labels));
  for (const sn of planted) expect(allText).not.toContain(sn);

  // Pick list: totals per SKU over the whole run, sorted by SKU, no names.
  const pick = await runExport(context, popup, downloadsDir, 'pick-list', {}, 'none', planted);
  const rows = pdfText(pick)
    .split('\n')
    .map((line) => /^\s*(SKU-\d+)\s+.+?\s+(\d+)\s+(\d+)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], Number(m[2]), Number(m[3])]);
  expect(rows).toEqual([
    ['SKU-2', 5, 1],
    ['SKU-4', 3, 2],
    ['SKU-7', 1, 1],
    ['SKU-12', 1, 1],
    ['SKU-30', 3, 2],
    ['SKU-100', 3, 1],
  ]);
  expect(pdfText(pick)).toMatch(/Total\s+16\s+7/);
  for (const order of orders) expect(squash(pdfText(pick))).not.toContain(squash(order.buyer.name));
});

test('shipping run: every print profile has its page size and every name and address; ZPL at 203 and 300 dpi', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  downloadsDir,
}) => {
  test.setTimeout(420_000);
  const orders = runOrders();
  const planted = PLANTED(orders);
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);
  const popup = await popupWithAllSelected(openExtensionPage, orders);

  for (const [profile, [width, height]] of Object.entries(PROFILE_PAGE_PT)) {
    const file = await runExport(context, popup, downloadsDir, 'pdf-labels', { profile }, 'export-anyway', planted);
    const [w, h] = pdfPageSize(file);
    expect(w, `${profile} width`).toBeCloseTo(width, 0);
    expect(h, `${profile} height`).toBeCloseTo(height, 0);
    const perPage = profile.endsWith('4up') ? 4 : profile.endsWith('2up') ? 2 : 1;
    expect(pdfPages(file), `${profile} pages`).toBe(Math.ceil(orders.length / perPage));
    const text = squash(pdfText(file));
    for (const order of orders) {
      expect(text, `${profile}: name of ${order.parentOrderSn}`).toContain(squash(order.buyer.name));
      expect(text, `${profile}: address of ${order.parentOrderSn}`).toContain(squash(order.buyer.line1));
      expect(text, `${profile}: city of ${order.parentOrderSn}`).toContain(squash(order.buyer.city));
    }
  }

  // ZPL: parsed command by command. Media size in dots of the resolution, one label per order,
  // Code 128 of each order number, module width 0.25–0.5 mm, every field inside the label.
  for (const [profile, dpi, widthDots, heightDots] of [
    ['zpl-4x6-203', 203, 812, 1218],
    ['zpl-4x6-300', 300, 1200, 1800],
  ] as const) {
    const zpl = fs.readFileSync(await runExport(context, popup, downloadsDir, 'zpl', { profile }, 'export-anyway', planted), 'utf8');
    const labels = zpl.split('^XZ').filter((block) => block.includes('^XA'));
    expect(labels).toHaveLength(orders.length);
    const barcodes: string[] = [];
    for (const label of labels) {
      const commands = label.split('^').filter(Boolean);
      const value = (cmd: string) => commands.find((c) => c.startsWith(cmd))?.slice(cmd.length);
      expect(Number(value('PW')), profile).toBe(widthDots);
      expect(Number(value('LL')), profile).toBe(heightDots);
      const module = Number(value('BY')!.split(',')[0]);
      expect((module / dpi) * 25.4).toBeGreaterThanOrEqual(0.24);
      expect((module / dpi) * 25.4).toBeLessThanOrEqual(0.51);
      const bc = commands.findIndex((c) => c.startsWith('BCN'));
      barcodes.push(
        commands
          .slice(bc)
          .find((c) => c.startsWith('FD'))!
          .slice(2),
      );
      for (const c of commands.filter((c) => c.startsWith('FO'))) {
        const [x, y] = c.slice(2).split(',').map(Number);
        expect(x).toBeLessThan(widthDots);
        expect(y).toBeLessThan(heightDots);
      }
    }
    expect(barcodes.sort()).toEqual(orders.map((o) => o.parentOrderSn).sort());
  }
});

/** LibreOffice Calc, headless (Debian libreoffice-calc-nogui; scripts/install-system-deps.sh installs it for CI). */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

/**
 * Opens CSV files in Calc with formula evaluation ON (CSV filter token 13) and saves them as
 * flat ODS: a cell Calc evaluated carries `table:formula`. Token 8 (detect special numbers) off.
 */
function calcOpen(files: string[], workDir: string): string[] {
  const profile = path.join(workDir, 'lo-profile');
  execFileSync(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--infilter=CSV:44,34,76,1,,0,false,false,false,false,false,-1,true',
      '--convert-to',
      'fods',
      '--outdir',
      workDir,
      ...files,
    ],
    {
      encoding: 'utf8',
      timeout: 240_000,
    },
  );
  return files.map((f) => fs.readFileSync(path.join(workDir, `${path.basename(f, path.extname(f))}.fods`), 'utf8'));
}

/** Text of every string cell of a flat ODS file (entities decoded). */
function stringCells(fods: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...fods.matchAll(/<table:table-cell[^>]*office:value-type="string"[^>]*>\s*<text:p>([\s\S]*?)<\/text:p>/g)].map((m) => decode(m[1]!.replace(/<[^>]+>/g, '')));
}

test('shipping run: CSV files open in LibreOffice Calc with no formula evaluated and phone numbers intact', async ({
  context,
  serviceWorker,
  sellerCenter,
  openExtensionPage,
  downloadsDir,
}) => {
  test.skip(!SOFFICE, 'LibreOffice Calc (soffice) is not installed: run scripts/install-system-deps.sh');
  test.setTimeout(360_000);
  const PHONE = '+49 151 55512345';
  const buyers: FixtureBuyer[] = [
    { ...FIXTURE_BUYERS[2]!, mobile: PHONE },
    FORMULA_BUYER,
    // Full-width "＝" and "＋": formulas after NFKC normalization.
    { ...FIXTURE_BUYERS[0]!, name: '＝HYPERLINK("http://evil.example","x")', line1: '＋SUM(1+1) Rue', mobile: '+33 6 12 34 56 78' },
    { ...FIXTURE_BUYERS[5]!, name: '-2+3', line1: '@cmd 1 Main St' },
  ];
  const orders = buyers.map((buyer, index) => makeOrder({ index: 60 + index, status: 2, buyer }));
  const options = await openExtensionPage('options.html');
  await saveDownloadsTo(context, options, downloadsDir);
  await seedShop({ context, serviceWorker, sellerCenter, openExtensionPage }, options, orders);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('order-row')).toHaveCount(orders.length, { timeout: 20_000 });
  await popup.getByTestId('select-all').click();

  const files: string[] = [];
  // Ship&co allows 35 characters a line: the pre-check flags the two 37-character formula names.
  const longNames = orders.filter((o) => Array.from(o.buyer.name).length > 35).map((o) => o.parentOrderSn);
  expect(longNames).toHaveLength(2);
  for (const format of ['csv-generic', 'csv-shippingeasy', 'csv-shipandco']) {
    const shipAndCo = format === 'csv-shipandco';
    const file = await runExport(context, popup, downloadsDir, format, {}, shipAndCo ? 'export-anyway' : 'none', shipAndCo ? longNames : [], 'line-too-long');
    const copy = path.join(downloadsDir, `${format}.csv`);
    fs.copyFileSync(file, copy);
    files.push(copy);
  }
  // Control: the same engine and options do evaluate a plain formula, so "no formula" below means something.
  const control = path.join(downloadsDir, 'control.csv');
  fs.writeFileSync(control, 'a,b\r\n=1+1,x\r\n');
  const workDir = fs.mkdtempSync(path.join(downloadsDir, 'calc-'));
  const [controlOds, ...opened] = calcOpen([control, ...files], workDir);
  expect(controlOds).toContain('table:formula="of:=1+1"');

  for (const [i, ods] of opened.entries()) {
    expect(ods, files[i]).not.toContain('table:formula');
    const cells = stringCells(ods);
    // The phone number arrives as it was typed, as text.
    expect(cells, files[i]).toContain(PHONE);
    expect(cells, files[i]).toContain('+33 6 12 34 56 78');
    // The formula-like names are text, apostrophe first; nothing else starts like a formula.
    if (!files[i]!.includes('shipandco')) {
      expect(cells).toContain(`'${FORMULA_BUYER.name}`);
      expect(cells).toContain(`'＝HYPERLINK("http://evil.example","x")`);
    }
    for (const cell of cells) if (!isPhoneOnlyCell(cell)) expect(cell.normalize('NFKC'), `${files[i]}: ${cell}`).not.toMatch(/^\s*[=+\-@]/);
  }
});
