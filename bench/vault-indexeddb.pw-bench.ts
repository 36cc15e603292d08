import { buildSync } from 'esbuild';
import path from 'node:path';
import { expect, test } from '../tests/e2e/harness';
import { median, recordFigure } from './figures';
import type { SealedStoreDriver, SealedStorePhase } from './in-page/sealed-store-entry';
import { chromiumCpu, cpuSpent, type ProcessCpu } from './process-cpu';

/**
 * Issue 11: the sealed store end to end in real Chromium — the production capture store
 * (`storeCapturedAddresses`: seal, shred keys staged in the batch's transaction, buyers + orders + audit in one
 * transaction per batch) against the same rows written in the clear into the same stores, and its
 * vault part (seal + pipelined writes) against a plain IndexedDB put of the buyers rows in the
 * clear; one transaction per batch, same page, same run. Target: plaintext time / sealed time ≥ 0.9.
 * The production modules are bundled here (esbuild) and evaluated in an extension page of the
 * built extension; the build itself is not changed. Each phase of a round writes into its own new
 * database after a pause, in an order that rotates from round to round.
 */
const BATCHES = 20;
const PER_BATCH = 500;
// Two full rotations of the four phases.
const ROUNDS = 8;
const PHASES: SealedStorePhase[] = ['plainPut', 'sealWrite', 'plainCapture', 'captureStore'];

test('sealed capture store vs plaintext put, 10,000 addresses in batches of 500', async ({ context, openExtensionPage, profileDir }) => {
  test.setTimeout(600_000);
  const bundle = buildSync({
    entryPoints: [path.resolve('bench/in-page/sealed-store-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
  });
  const page = await openExtensionPage('options.html#policy');
  // The bundle is evaluated from a string: allowed in this tab only, through the DevTools protocol.
  await (await context.newCDPSession(page)).send('Page.setBypassCSP', { enabled: true });
  await page.reload();
  // A leading statement: Playwright would otherwise take the IIFE text for a function expression.
  await page.evaluate(`void 0;\n${bundle.outputFiles[0]!.text}`);
  const samples = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<SealedStorePhase, number[]>;
  // CPU time of the browser's processes during each timed run, where /proc exists (Linux).
  const cpu = Object.fromEntries(PHASES.map((p) => [p, [] as ProcessCpu[]])) as Record<SealedStorePhase, ProcessCpu[]>;
  type InPage = { svSealedStore: SealedStoreDriver };
  for (let r = 0; r < ROUNDS; r++) {
    await page.evaluate(({ tag, batches, perBatch }) => (globalThis as unknown as InPage).svSealedStore.start(tag, batches, perBatch), {
      tag: `r${r}`,
      batches: BATCHES,
      perBatch: PER_BATCH,
    });
    // Each round starts with the next phase: every phase runs first, second, … as often as the
    // others, so no figure carries the position bias of always following the same writes.
    for (const phase of PHASES.map((_, i) => PHASES[(i + r) % PHASES.length]!)) {
      await page.evaluate((p) => (globalThis as unknown as InPage).svSealedStore.prepare(p), phase);
      const before = chromiumCpu(profileDir);
      samples[phase].push(await page.evaluate(() => (globalThis as unknown as InPage).svSealedStore.run()));
      const after = chromiumCpu(profileDir);
      if (before && after) cpu[phase].push(cpuSpent(before, after));
    }
    expect(await page.evaluate(() => (globalThis as unknown as InPage).svSealedStore.end())).toBe(BATCHES * PER_BATCH);
  }
  recordFigure({
    id: 'vault-chromium.plain-put-10k',
    label: 'plain IndexedDB put of 10,000 address rows in the clear (20 × 500), store indexed like buyers',
    samplesMs: samples.plainPut,
    where: 'chromium',
  });
  // Ratio sealed/plain ≤ 1/0.9 ≈ 1.11 is the issue's "≥ 0.9× a plaintext put".
  recordFigure({
    id: 'vault-chromium.seal-write-10k',
    label: 'the vault part alone, as capture does it: seal + pipelined writes (shred keys staged in the same transaction) of the sealed buyers rows (20 × 500)',
    samplesMs: samples.sealWrite,
    baselineId: 'vault-chromium.plain-put-10k',
    target: { maxRatio: 1 / 0.9 },
    where: 'chromium',
  });
  recordFigure({
    id: 'vault-chromium.plain-capture-10k',
    label: 'the rows the capture store writes, in the clear: buyers rows, orders rows, one audit row a batch (20 × 500, production stores)',
    samplesMs: samples.plainCapture,
    where: 'chromium',
  });
  recordFigure({
    id: 'vault-chromium.sealed-store-10k',
    label: 'capture store of the same 10,000 (seal + shred keys + orders + audit, one transaction per batch)',
    samplesMs: samples.captureStore,
    baselineId: 'vault-chromium.plain-capture-10k',
    target: { maxRatio: 1 / 0.9 },
    where: 'chromium',
  });
  const perRound = (a: number[], b: number[]) => a.map((x, i) => (x / b[i]!).toFixed(2)).join(' ');
  console.log(`[sealed store] ms per round — ${PHASES.map((p) => `${p}: ${samples[p].map(Math.round).join(', ')}`).join('; ')}`);
  console.log(
    `[sealed store] per-round ratios — seal+write/plain put: ${perRound(samples.sealWrite, samples.plainPut)}; capture store/plain capture: ${perRound(samples.captureStore, samples.plainCapture)}`,
  );
  // Where the time went: a phase whose CPU per wall-clock ms nears the machine's cores is bound by
  // CPU, and then sealing's extra work cannot hide behind the writes (docs/decisions.md
  // 2026-12-03 "Sealed capture measured per process").
  if (cpu.plainPut.length > 0) {
    const perPhase = PHASES.map((phase) => {
      const runs = cpu[phase];
      const byType = [...new Set(runs.flatMap((c) => Object.keys(c)))]
        .map((type) => [type, median(runs.map((c) => c[type] ?? 0))] as const)
        .filter(([, ms]) => ms >= 10)
        .map(([type, ms]) => `${type} ${Math.round(ms)}`);
      const total = median(runs.map((c) => Object.values(c).reduce((a, b) => a + b, 0)));
      return `${phase}: ${byType.join(', ')}; all ${Math.round(total)} ms = ${(total / median(samples[phase])).toFixed(2)} cores`;
    });
    console.log(`[sealed store] CPU of the browser's processes per timed run (median ms, /proc) — ${perPhase.join(' | ')}`);
  }
});
