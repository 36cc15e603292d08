import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** scripts/bench-report.mjs and bench-compare.mjs run as `npm run bench` runs them, on a planted bench directory. */
const repo = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sv-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A stand-in for Chromium: the report asks `$SV_CHROMIUM --version`.
const fakeChromium = path.join(dir, 'chromium');
writeFileSync(fakeChromium, '#!/bin/sh\necho "Chromium 999.0.1.2 built on a test"\n');
chmodSync(fakeChromium, 0o755);

function node(script: string, args: string[]) {
  return spawnSync(process.execPath, [path.join(repo, 'scripts', script), ...args], { encoding: 'utf8', env: { ...process.env, SV_CHROMIUM: fakeChromium } });
}

const line = (figure: object) => `${JSON.stringify({ where: 'node', recordedAt: '2026-12-02T10:00:00.000Z', ...figure })}\n`;
const results = () => JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));

describe('bench report', () => {
  it('refuses to replace results.json when nothing was recorded', () => {
    const run = node('bench-report.mjs', ['--dir', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/problem: no figures recorded/);
    expect(existsSync(path.join(dir, 'results.json'))).toBe(false);
  });

  it('writes results.json with the machine and every figure, prints one table and the sizes', () => {
    writeFileSync(
      path.join(dir, '.figures.jsonl'),
      [
        line({ id: 'vault.store-plain-10k', label: 'plain', samplesMs: [100, 300, 90, 110, 95] }),
        line({ id: 'vault.store-sealed-10k', label: 'sealed', samplesMs: [120, 118, 400], baselineId: 'vault.store-plain-10k', target: { maxRatio: 1.25 } }),
        line({ id: 'popup.first-row', label: 'first row', samplesMs: [250], where: 'chromium', target: { maxMs: 200 } }),
        line({ id: 'popup.first-row', label: 'first row', samplesMs: [150, 260], where: 'chromium', target: { maxMs: 200 } }),
        line({ id: 'orphan', label: 'no baseline', samplesMs: [1], baselineId: 'never-recorded' }),
      ].join(''),
    );
    writeFileSync(
      path.join(dir, 'footprint-sizes.json'),
      JSON.stringify({ files: [{ id: 'popup.js', label: 'popup', bytes: 2048, gzipBytes: 1024, targetGzipBytes: 1000, baselineBytes: 1024 }] }),
    );
    const run = node('bench-report.mjs', ['--dir', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const out = run.stdout.split('\n');
    expect(out.some((l) => l.startsWith('Machine: ') && l.includes('Chromium 999.0.1.2') && l.includes(`Node ${process.version}`))).toBe(true);
    const header = out.findIndex((l) => /^id\s+median\s+baseline\s+baseline median\s+ratio\s+target\s+met\s+runs\s+where$/.test(l));
    expect(header).toBeGreaterThan(-1);
    // One row per figure, grouped by area (the id before its first dot).
    const rows = out.slice(header + 2, header + 6);
    expect(rows[0]).toMatch(/^orphan\s+1\.00 ms\s+never-recorded \(missing\)\s+—\s+1\s+node$/);
    expect(rows[1]).toMatch(/^popup\.first-row\s+250 ms\s+≤ 200 ms\s+NO\s+3\s+chromium$/);
    expect(rows[2]).toMatch(/^vault\.store-plain-10k\s+100 ms\s+5\s+node$/);
    expect(rows[3]).toMatch(/^vault\.store-sealed-10k\s+120 ms\s+vault\.store-plain-10k\s+100 ms\s+1\.20×\s+ratio ≤ 1\.25\s+yes\s+3\s+node$/);
    expect(out[header + 6]).toBe('');
    // Columns line up: every median ends where the header's "median" ends.
    const medianEnd = out[header]!.indexOf('median') + 'median'.length;
    for (const row of rows) expect(row!.slice(medianEnd - 3, medianEnd)).toBe(' ms');
    expect(out).toContain('note: orphan: baseline never-recorded missing in this run');
    expect(out.some((l) => /^popup\.js\s+2,048\s+1,024\s+1,000\s+NO\s+1,024\s+2\.00×$/.test(l))).toBe(true);

    const r = results();
    expect(r.machine).toMatchObject({ cpuCount: expect.any(Number), node: process.version, chromium: 'Chromium 999.0.1.2 built on a test' });
    // Run alone, the report dates the run by its first figure.
    expect(r.machine.date).toBe('2026-12-02T10:00:00.000Z');
    expect(r.machine.loadAverageStart).toHaveLength(3);
    expect(r.machine.loadAverageEnd).toHaveLength(3);
    expect(r.figures.map((f: { id: string }) => f.id)).toEqual(['orphan', 'popup.first-row', 'vault.store-plain-10k', 'vault.store-sealed-10k']);
    expect(r.figures[0]).toMatchObject({ baselineMissing: true, ratio: null, status: 'none' });
    expect(r.figures[1]).toMatchObject({ runs: 3, medianMs: 250, status: 'missed', where: 'chromium', samplesMs: [250, 150, 260] });
    expect(r.figures[3]).toMatchObject({ medianMs: 120, baselineMedianMs: 100, ratio: 1.2, status: 'met', samplesMs: [120, 118, 400] });
    expect(r.footprint.files[0]).toMatchObject({ id: 'popup.js', status: 'missed', ratio: 2 });
    expect(existsSync(path.join(dir, 'results.previous.json'))).toBe(false);
  });

  it('keeps the previous results, and bench:compare shows the change', () => {
    const first = readFileSync(path.join(dir, 'results.json'), 'utf8');
    writeFileSync(
      path.join(dir, '.figures.jsonl'),
      [
        line({ id: 'vault.store-plain-10k', label: 'plain', samplesMs: [80] }),
        line({ id: 'vault.store-sealed-10k', label: 'sealed', samplesMs: [90], baselineId: 'vault.store-plain-10k', target: { maxRatio: 1.25 } }),
        line({ id: 'capture.parse-500', label: 'parse', samplesMs: [15] }),
      ].join(''),
    );
    rmSync(path.join(dir, 'footprint-sizes.json'));
    expect(node('bench-report.mjs', ['--dir', dir]).status).toBe(0);
    expect(readFileSync(path.join(dir, 'results.previous.json'), 'utf8')).toBe(first);
    expect(results().footprint).toBeNull();

    const compare = node('bench-compare.mjs', [path.join(dir, 'results.previous.json'), path.join(dir, 'results.json')]);
    expect(compare.status).toBe(0);
    const out = compare.stdout.split('\n');
    expect(out.some((l) => /^vault\.store-sealed-10k\s+120 ms\s+90\.0 ms\s+-25 %\s+1\.20×\s+1\.13×\s+-6\.2 %$/.test(l))).toBe(true);
    expect(out.some((l) => /^capture\.parse-500\s+15\.0 ms\s+new$/.test(l))).toBe(true);
    expect(out.some((l) => /^popup\.first-row\s+250 ms\s+removed$/.test(l))).toBe(true);
    expect(out.some((l) => /^popup\.js\s+1,024\s+—\s+removed$/.test(l))).toBe(true);
  });

  it('bench:compare says which file is missing', () => {
    const run = node('bench-compare.mjs', [path.join(dir, 'nope.json'), path.join(dir, 'results.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/nope\.json does not exist/);
  });

  it('reports unreadable figure lines and exits 1, still writing what it could read', () => {
    writeFileSync(path.join(dir, '.figures.jsonl'), `${line({ id: 'ok', label: 'ok', samplesMs: [1] })}{broken\n`);
    const run = node('bench-report.mjs', ['--dir', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('problem: .figures.jsonl line 2: not JSON');
    expect(results().figures.map((f: { id: string }) => f.id)).toEqual(['ok']);
  });
});
