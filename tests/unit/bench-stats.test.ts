import { describe, expect, it } from 'vitest';
import {
  compareFigures,
  compareFootprint,
  compareTableRows,
  evaluateFigures,
  evaluateFootprint,
  figureTableRows,
  formatMs,
  formatRatio,
  formatTable,
  machineDifferences,
  machineLine,
  median,
  mergeFigures,
  orderByArea,
  parseFigureLines,
} from '../../scripts/bench-stats.mjs';

type Line = Parameters<typeof evaluateFigures>[0][number];
const fig = (id: string, samplesMs: number[], over: Partial<Line> = {}): Line => ({ id, label: `label of ${id}`, samplesMs, where: 'node', ...over });
const byId = (results: ReturnType<typeof evaluateFigures>) => Object.fromEntries(results.map((r) => [r.id, r]));

describe('median', () => {
  it('takes the middle sample of an odd count, in any order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([5, 1000, 6, 7, 4])).toBe(6);
  });
  it('averages the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('ignores non-finite samples and is null without samples', () => {
    expect(median([Number.NaN, 8, Number.POSITIVE_INFINITY, 2])).toBe(5);
    expect(median([])).toBeNull();
    expect(median([Number.NaN])).toBeNull();
  });
});

describe('parseFigureLines', () => {
  it('reads one figure a line, skips blank lines and names each bad line', () => {
    const text = [
      JSON.stringify(fig('a', [1, 2])),
      '',
      '{not json',
      JSON.stringify({ id: 'b', label: 'x', samplesMs: ['1'], where: 'node' }),
      JSON.stringify({ id: 'c', label: 'x', samplesMs: [1], where: 'firefox' }),
      JSON.stringify({ id: 'd', label: 'x', samplesMs: [1], where: 'node', target: { maxMs: '5' } }),
      JSON.stringify(fig('e', [3], { baselineId: 'a', target: { maxRatio: 2 } })),
      '',
    ].join('\n');
    const { lines, errors } = parseFigureLines(text);
    expect(lines.map((l) => l.id)).toEqual(['a', 'e']);
    expect(lines[1]).toMatchObject({ baselineId: 'a', target: { maxRatio: 2 } });
    expect(errors).toEqual([
      'line 3: not JSON',
      'line 4: b: samplesMs is not a list of numbers',
      'line 5: c: where must be "chromium" or "node"',
      'line 6: d: target.maxMs is not a number',
    ]);
  });
});

describe('mergeFigures', () => {
  it('joins the samples of a figure recorded in several rounds, first line wins', () => {
    const { figures, warnings } = mergeFigures([fig('purge', [10], { label: 'first' }), fig('other', [1]), fig('purge', [12, 11], { label: 'again' })]);
    expect(figures.map((f) => [f.id, f.label, f.samplesMs])).toEqual([
      ['purge', 'first', [10, 12, 11]],
      ['other', 'label of other', [1]],
    ]);
    expect(warnings).toEqual([]);
  });
  it('warns when a later line names another baseline or target', () => {
    const { figures, warnings } = mergeFigures([fig('x', [1], { baselineId: 'a' }), fig('x', [2], { baselineId: 'b' })]);
    expect(figures[0]?.baselineId).toBe('a');
    expect(warnings).toEqual(["x: recorded again with another baseline, target or where; the first line's are used"]);
  });
  it('does not change the lines it was given', () => {
    const line = fig('x', [1]);
    mergeFigures([line, fig('x', [2])]);
    expect(line.samplesMs).toEqual([1]);
  });
});

describe('orderByArea', () => {
  it('groups figures by the id before the first dot, areas sorted, recording order kept inside an area', () => {
    const ids = ['vault.plain', 'popup.raw', 'vault.sealed', 'capture.x', 'popup.first-row', 'popup.chromium-first-row', 'nodot'];
    expect(orderByArea(ids.map((id) => ({ id }))).map((f) => f.id)).toEqual([
      'capture.x',
      'nodot',
      'popup.raw',
      'popup.first-row',
      'popup.chromium-first-row',
      'vault.plain',
      'vault.sealed',
    ]);
  });
});

describe('evaluateFigures', () => {
  it('ratio = median / median of the baseline in the same run, wherever the baseline is listed', () => {
    const r = byId(evaluateFigures([fig('sealed', [130, 120, 500], { baselineId: 'plain' }), fig('plain', [100, 80, 90, 110])]));
    expect(r.sealed).toMatchObject({ medianMs: 130, baselineMedianMs: 95, baselineMissing: false, runs: 3, status: 'none' });
    expect(r.sealed?.ratio).toBeCloseTo(130 / 95, 10);
    expect(r.plain).toMatchObject({ baselineId: null, ratio: null, status: 'none' });
  });

  it('maxMs: met at the limit, missed above it', () => {
    const r = byId(evaluateFigures([fig('at', [300], { target: { maxMs: 300 } }), fig('over', [301, 299, 302], { target: { maxMs: 300 } })]));
    expect(r.at?.status).toBe('met');
    expect(r.over?.status).toBe('missed');
    expect(r.over?.checks).toEqual([{ kind: 'maxMs', limit: 300, value: 301, met: false }]);
  });

  it('maxRatio and minRatio are judged on the ratio, every bound must hold', () => {
    const r = byId(
      evaluateFigures([
        fig('base', [100]),
        fig('flat', [140], { baselineId: 'base', target: { maxRatio: 1.5 } }),
        fig('steep', [160], { baselineId: 'base', target: { maxRatio: 1.5 } }),
        fig('fastEnough', [80], { baselineId: 'base', target: { minRatio: 0.8 } }),
        fig('tooFast', [79], { baselineId: 'base', target: { minRatio: 0.8 } }),
        fig('slowButFlat', [140], { baselineId: 'base', target: { maxMs: 120, maxRatio: 1.5 } }),
      ]),
    );
    expect(r.flat?.status).toBe('met');
    expect(r.steep?.status).toBe('missed');
    expect(r.fastEnough?.status).toBe('met');
    expect(r.tooFast?.status).toBe('missed');
    expect(r.slowButFlat?.status).toBe('missed');
    expect(r.slowButFlat?.checks.map((c) => c.met)).toEqual([false, true]);
  });

  it('a missing baseline is said, and a ratio target cannot be judged without it', () => {
    const r = byId(
      evaluateFigures([
        fig('orphan', [50], { baselineId: 'gone', target: { maxRatio: 2 } }),
        fig('orphanSlow', [50], { baselineId: 'gone', target: { maxMs: 10, maxRatio: 2 } }),
        fig('empty', []),
        fig('onEmpty', [5], { baselineId: 'empty' }),
      ]),
    );
    expect(r.orphan).toMatchObject({ baselineMissing: true, baselineMedianMs: null, ratio: null, status: 'unknown' });
    expect(r.orphan?.notes).toEqual(['baseline gone missing in this run']);
    // Another bound already missed: the figure misses its target whatever the ratio.
    expect(r.orphanSlow?.status).toBe('missed');
    expect(r.empty).toMatchObject({ medianMs: null, runs: 0, notes: ['no samples'] });
    expect(r.onEmpty).toMatchObject({ baselineMissing: true, notes: ['baseline empty has no samples'] });
  });

  it('the table shows median, baseline, ratio, target and whether it was met', () => {
    const rows = figureTableRows(
      evaluateFigures([fig('plain', [1000]), fig('sealed', [1100], { baselineId: 'plain', target: { maxRatio: 1.25 } }), fig('lost', [3], { baselineId: 'nope' })]),
    );
    expect(rows).toEqual([
      ['plain', '1,000 ms', '', '', '', '', '', '1', 'node'],
      ['sealed', '1,100 ms', 'plain', '1,000 ms', '1.10×', 'ratio ≤ 1.25', 'yes', '1', 'node'],
      ['lost', '3.00 ms', 'nope (missing)', '', '—', '', '', '1', 'node'],
    ]);
  });
});

describe('evaluateFootprint', () => {
  it('checks gzip bytes against the target and gives bytes / baselineBytes', () => {
    const { files, errors } = evaluateFootprint({
      files: [
        { id: 'popup.js', label: 'popup', bytes: 300_000, gzipBytes: 90_000, targetGzipBytes: 100_000, baselineBytes: 200_000 },
        { id: 'background.js', label: 'worker', bytes: 50_000, gzipBytes: 20_001, targetGzipBytes: 20_000 },
        { id: 'content.js', label: 'content', bytes: 1000, gzipBytes: 500 },
      ],
    });
    expect(errors).toEqual([]);
    expect(files.map((f) => [f.id, f.status, f.ratio])).toEqual([
      ['popup.js', 'met', 1.5],
      ['background.js', 'missed', null],
      ['content.js', 'none', null],
    ]);
  });
  it('names malformed entries and a missing list', () => {
    expect(evaluateFootprint({}).errors).toEqual(['footprint sizes: no "files" list']);
    const { files, errors } = evaluateFootprint({
      files: [
        { id: 'a', label: 'a', bytes: 1 },
        { id: 'b', label: 'b', bytes: 1, gzipBytes: 1, targetGzipBytes: '2' },
      ],
    });
    expect(files).toEqual([]);
    expect(errors).toEqual(['footprint sizes: file 1 needs id, label, bytes and gzipBytes', 'footprint sizes: b: targetGzipBytes and baselineBytes must be numbers']);
  });
});

describe('compareFigures', () => {
  const previous = {
    figures: [
      { id: 'kept', label: 'k', medianMs: 200, ratio: 2 },
      { id: 'gone', label: 'g', medianMs: 5, ratio: null },
    ],
  };
  const current = {
    figures: [
      { id: 'fresh', label: 'f', medianMs: 7, ratio: null },
      { id: 'kept', label: 'k', medianMs: 150, ratio: 2.5 },
    ],
  };

  it('gives the change of each figure in both runs, then new, then removed ones', () => {
    const changes = compareFigures(previous, current);
    expect(changes.map((c) => [c.id, c.change])).toEqual([
      ['kept', 'both'],
      ['fresh', 'new'],
      ['gone', 'removed'],
    ]);
    expect(changes[0]).toMatchObject({ previousMs: 200, currentMs: 150, changePct: -25, previousRatio: 2, currentRatio: 2.5, ratioChangePct: 25 });
    expect(changes[1]).toMatchObject({ previousMs: null, currentMs: 7, changePct: null });
    expect(changes[2]).toMatchObject({ previousMs: 5, currentMs: null, changePct: null });
  });

  it('prints a change only where both runs have the number', () => {
    expect(compareTableRows(compareFigures(previous, current))).toEqual([
      ['kept', '200 ms', '150 ms', '-25 %', '2.00×', '2.50×', '+25 %', ''],
      ['fresh', '', '7.00 ms', '', '', '', '', 'new'],
      ['gone', '5.00 ms', '', '', '', '', '', 'removed'],
    ]);
  });

  it('a previous median of 0 or a missing ratio gives no percentage', () => {
    const [c] = compareFigures({ figures: [{ id: 'x', label: 'x', medianMs: 0, ratio: null }] }, { figures: [{ id: 'x', label: 'x', medianMs: 3, ratio: 1 }] });
    expect(c).toMatchObject({ changePct: null, ratioChangePct: null });
  });

  it('compares footprint files by gzip bytes', () => {
    const rows = compareFootprint(
      {
        footprint: {
          files: [
            { id: 'a.js', label: 'a', gzipBytes: 1000 },
            { id: 'old.js', label: 'o', gzipBytes: 1 },
          ],
        },
      },
      {
        footprint: {
          files: [
            { id: 'a.js', label: 'a', gzipBytes: 1100 },
            { id: 'new.js', label: 'n', gzipBytes: 2 },
          ],
        },
      },
    );
    expect(rows.map((r) => [r.id, r.change, r.previousGzip, r.currentGzip])).toEqual([
      ['a.js', 'both', 1000, 1100],
      ['new.js', 'new', null, 2],
      ['old.js', 'removed', 1, null],
    ]);
    expect(rows[0]?.changePct).toBeCloseTo(10, 10);
    expect(compareFootprint({ footprint: null }, {})).toEqual([]);
  });
});

describe('formatting', () => {
  it('pads every column to its widest cell, numbers right-aligned', () => {
    const table = formatTable(
      ['id', 'median'],
      [
        ['a', '1.00 ms'],
        ['longer.id', '1,234 ms'],
      ],
      ['left', 'right'],
    );
    expect(table.split('\n')).toEqual(['id           median', '---------  --------', 'a           1.00 ms', 'longer.id  1,234 ms']);
  });

  it('milliseconds and ratios keep about three significant digits', () => {
    expect([0.4123, 6.634, 45.23, 1534.4, null].map(formatMs)).toEqual(['0.412', '6.63', '45.2', '1,534', '—']);
    expect([0.904, 25.94, 1376.1, null].map(formatRatio)).toEqual(['0.90×', '25.9×', '1,376×', '—']);
  });

  it('states the machine in one line and names what differs between two', () => {
    const m = {
      cpuModel: 'AMD EPYC 7B13',
      cpuCount: 2,
      memoryBytes: 8 * 2 ** 30,
      loadAverageStart: [0.5, 0.4, 0.333],
      loadAverageEnd: [1.9, 1.2, 0.6],
      node: 'v20.20.2',
      chromium: 'Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)',
      os: 'Debian GNU/Linux 12 (bookworm)',
      date: '2026-12-02T10:00:00.000Z',
      gitCommit: '725576c0123456789',
      gitDirty: true,
    };
    expect(machineLine(m)).toBe(
      '2 × AMD EPYC 7B13, 8.0 GiB RAM, load 0.50/0.40/0.33 → 1.90/1.20/0.60, Node v20.20.2, Chromium 156.0.8078.114, Debian GNU/Linux 12 (bookworm), 2026-12-02, commit 725576c + uncommitted changes',
    );
    expect(machineDifferences(m, { ...m, loadAverageEnd: [9, 9, 9], date: 'later' })).toEqual([]);
    expect(machineDifferences(m, { ...m, cpuCount: 4 })).toEqual(['cpuCount: 2 → 4']);
  });
});
