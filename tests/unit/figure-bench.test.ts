import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * bench/figure-bench.ts under a real `vitest bench --run` (in a planted directory, so the figures
 * land in its bench/.figures.jsonl): timed calls become samples, warm-up calls do not, and a bench
 * that throws, in warm-up or timed, records nothing and fails the run.
 */
const repo = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sv-figure-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plantedBench = `
import { writeFileSync } from 'node:fs';
import { figureBench } from ${JSON.stringify(path.join(repo, 'bench/figure-bench.ts'))};
const calls = { sync: 0, async: 0, fails: 0 };
const save = () => writeFileSync('calls.json', JSON.stringify(calls));
const busy = (ms: number) => { const t = performance.now(); while (performance.now() - t < ms); };
const once = { time: 0, warmupTime: 0 };
figureBench({ id: 't.sync' }, 'sync work', () => { calls.sync++; busy(3); }, { ...once, iterations: 4, warmupIterations: 2, teardown: save });
figureBench({ id: 't.async', baselineId: 't.sync', target: { maxRatio: 3 } }, 'async work', async () => { calls.async++; await new Promise((r) => setTimeout(r, 8)); }, { ...once, iterations: 3, warmupIterations: 1, teardown: save });
figureBench({ id: 't.fails' }, 'fails on its second timed call', () => { calls.fails++; save(); if (calls.fails === 3) throw new Error('boom in the timed phase'); }, { ...once, iterations: 3, warmupIterations: 1 });
`;
const plantedWarmupFailure = `
import { figureBench } from ${JSON.stringify(path.join(repo, 'bench/figure-bench.ts'))};
figureBench({ id: 't.warmup-fails' }, 'fails in warm-up', () => { throw new Error('boom in warm-up'); }, { time: 0, warmupTime: 0, iterations: 2, warmupIterations: 1 });
`;

describe('figureBench', () => {
  it('records the timed calls of each bench as one figure line, warm-up left out', { timeout: 120_000 }, () => {
    mkdirSync(path.join(dir, 'bench'));
    writeFileSync(path.join(dir, 'bench', 'planted.bench.ts'), plantedBench);
    writeFileSync(path.join(dir, 'bench', 'warmup.bench.ts'), plantedWarmupFailure);
    const run = spawnSync(process.execPath, [path.join(repo, 'node_modules/vitest/vitest.mjs'), 'bench', '--run'], { cwd: dir, encoding: 'utf8', timeout: 100_000 });
    // Either failure fails the run, and Vitest names both.
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('boom in the timed phase');
    expect(run.stdout + run.stderr).toContain('boom in warm-up');

    expect(JSON.parse(readFileSync(path.join(dir, 'calls.json'), 'utf8'))).toEqual({ sync: 6, async: 4, fails: 3 });
    const lines = readFileSync(path.join(dir, 'bench', '.figures.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['t.sync', 't.async']);
    const [sync, slow] = lines;
    expect(sync).toMatchObject({ label: 'sync work', where: 'node' });
    expect(sync).not.toHaveProperty('baselineId');
    expect(sync.samplesMs).toHaveLength(4);
    for (const ms of sync.samplesMs) expect(ms).toBeGreaterThanOrEqual(3);
    expect(slow).toMatchObject({ label: 'async work', where: 'node', baselineId: 't.sync', target: { maxRatio: 3 } });
    expect(slow.samplesMs).toHaveLength(3);
    for (const ms of slow.samplesMs) expect(ms).toBeGreaterThanOrEqual(7);
  });
});
