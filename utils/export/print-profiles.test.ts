import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { label, scriptLabels } from '../../tests/support/label-test-data';
import { loadFontsFromDisk } from '../../tests/support/node-font-provider';
import type { FontProvider } from './fonts';
import { renderLabelsPdf } from './label-pdf';
import { cellsToSkip, mediaDots, PDF_PROFILE_IDS, pdfProfile, profilePageSizePt, ZPL_PROFILE_IDS, zplProfile } from './print-profiles';
import { renderLabelsZpl } from './zpl';

let fonts: FontProvider;
beforeAll(async () => {
  fonts = await loadFontsFromDisk();
});

const MM = 72 / 25.4;
const EXPECTED_PAGE_PT: Record<(typeof PDF_PROFILE_IDS)[number], [number, number]> = {
  'label-4x6': [288, 432],
  'label-4x8': [288, 576],
  'label-a6': [105 * MM, 148 * MM],
  'label-100x150': [100 * MM, 150 * MM],
  'a4-2up': [595.28, 841.89],
  'a4-4up': [595.28, 841.89],
  'letter-2up': [612, 792],
  'letter-4up': [612, 792],
};

describe('print profiles (issue 14)', () => {
  it.each(PDF_PROFILE_IDS)('%s: page size, labels per page, every address on the pages', async (id) => {
    const profile = pdfProfile(id);
    const [w, h] = profilePageSizePt(profile);
    expect(w).toBeCloseTo(EXPECTED_PAGE_PT[id][0], 1);
    expect(h).toBeCloseTo(EXPECTED_PAGE_PT[id][1], 1);
    const labels = scriptLabels();
    const bytes = await renderLabelsPdf(labels, { profile, fonts });
    const doc = await PDFDocument.load(bytes);
    const perPage = profile.kind === 'label' ? 1 : profile.layout === '2up' ? 2 : 4;
    expect(doc.getPageCount()).toBe(Math.ceil(labels.length / perPage));
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(w, 1);
      expect(page.getHeight()).toBeCloseTo(h, 1);
    }
    if (!existsSync('/usr/bin/pdftotext')) return;
    const dir = mkdtempSync(join(tmpdir(), 'sv-profile-'));
    writeFileSync(join(dir, 'p.pdf'), bytes);
    const text = execFileSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const l of labels) {
      expect(text, `${id}: ${l.shipTo.name}`).toContain(l.shipTo.name.replace(/\s+/g, ''));
      expect(text, `${id}: ${l.shipTo.addressLine1}`).toContain(l.shipTo.addressLine1.replace(/\s+/g, ''));
    }
  });

  it('start position leaves the first cells of a partly used sheet empty', async () => {
    expect(cellsToSkip(pdfProfile('a4-4up'), 3)).toBe(2);
    expect(cellsToSkip(pdfProfile('a4-4up'), 9)).toBe(3);
    expect(cellsToSkip(pdfProfile('a4-4up'), 0)).toBe(0);
    expect(cellsToSkip(pdfProfile('letter-2up'), 2)).toBe(1);
    expect(cellsToSkip(pdfProfile('label-4x6'), 3)).toBe(0);
    const labels = [1, 2, 3].map((n) => label({ orderSn: `PO-211-000${n}` }));
    // Starting at cell 3 of 4: two labels on page 1 (cells 3, 4), one on page 2.
    const doc = await PDFDocument.load(await renderLabelsPdf(labels, { profile: pdfProfile('a4-4up'), startPosition: 3, fonts }));
    expect(doc.getPageCount()).toBe(2);
    if (!existsSync('/usr/bin/pdftotext')) return;
    const dir = mkdtempSync(join(tmpdir(), 'sv-start-'));
    writeFileSync(join(dir, 's.pdf'), await doc.save());
    const page = (n: number, crop: string[]) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), ...crop, join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
    // The top half of page 1 (cells 1 and 2) is empty; the bottom half holds the first two labels.
    expect(page(1, ['-x', '0', '-y', '0', '-W', '596', '-H', '420'])).not.toContain('PO-211-000');
    expect(page(1, ['-x', '0', '-y', '421', '-W', '596', '-H', '421'])).toMatch(/PO-211-0001[\s\S]*PO-211-0002/);
    expect(page(2, [])).toContain('PO-211-0003');
  });

  it.each(ZPL_PROFILE_IDS)('%s: ZPL width/length in dots of the media at that resolution, barcode and text scaled', (id) => {
    const profile = zplProfile(id);
    const zpl = renderLabelsZpl([label()], { dpi: profile.dpi, media: profile.media });
    const dots = mediaDots(profile.media, profile.dpi);
    expect(zpl).toContain(`^PW${dots.width}`);
    expect(zpl).toContain(`^LL${dots.height}`);
    const module = Number(/\^BY(\d+)/.exec(zpl)![1]);
    // 0.25–0.5 mm modules at both resolutions.
    expect((module / profile.dpi) * 25.4).toBeGreaterThanOrEqual(0.24);
    expect((module / profile.dpi) * 25.4).toBeLessThanOrEqual(0.51);
    // Every field origin inside the media.
    for (const [, x, y] of zpl.matchAll(/\^FO(\d+),(\d+)/g)) {
      expect(Number(x)).toBeLessThan(dots.width);
      expect(Number(y)).toBeLessThan(dots.height);
    }
  });

  it('a 300 dpi label is the 203 dpi label scaled: same text, larger dot counts', () => {
    const at203 = renderLabelsZpl([label()], { dpi: 203 });
    const at300 = renderLabelsZpl([label()], { dpi: 300 });
    const fieldData = (zpl: string) => [...zpl.matchAll(/\^FD([^^]*)\^FS/g)].map((m) => m[1]);
    expect(fieldData(at300)).toEqual(fieldData(at203));
    const nameHeight = (zpl: string) => Number(/\^A0N,(\d+),\d+\^FB\d+,2,/.exec(zpl)![1]);
    expect(nameHeight(at300) / nameHeight(at203)).toBeCloseTo(300 / 203, 1);
  });
});
