// @ts-check
/**
 * The pure half of `npm run bench` and `npm run bench:compare` (issue 11): figure lines →
 * medians, in-run ratios and target status; two results files → changes; aligned text tables.
 * No I/O here: scripts/bench-report.mjs and scripts/bench-compare.mjs read and write the files,
 * tests/unit/bench-stats.test.ts checks the rules.
 */

/**
 * @typedef {{ maxMs?: number, maxRatio?: number, minRatio?: number }} Target
 * @typedef {{ id: string, label: string, samplesMs: number[], baselineId?: string, target?: Target, where: 'chromium' | 'node', recordedAt?: string }} FigureLine
 * @typedef {'met' | 'missed' | 'unknown' | 'none'} TargetStatus
 * @typedef {{ kind: 'maxMs' | 'maxRatio' | 'minRatio', limit: number, value: number | null, met: boolean | null }} TargetCheck
 * @typedef {{
 *   id: string, label: string, where: string, samplesMs: number[], runs: number, medianMs: number | null,
 *   baselineId: string | null, baselineMedianMs: number | null, baselineMissing: boolean, ratio: number | null,
 *   target: Target | null, checks: TargetCheck[], status: TargetStatus, notes: string[]
 * }} FigureResult
 * @typedef {{ id: string, label: string, bytes: number, gzipBytes: number, targetGzipBytes?: number, baselineBytes?: number }} FootprintFile
 * @typedef {FootprintFile & { ratio: number | null, status: TargetStatus }} FootprintResult
 */

/**
 * Median of the finite samples; null when there is none.
 * @param {readonly number[]} samples
 * @returns {number | null}
 */
export function median(samples) {
  const sorted = samples.filter((s) => Number.isFinite(s)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  const at = (/** @type {number} */ i) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * Reads `bench/.figures.jsonl` text: one JSON figure a line. Blank lines are skipped; a line that
 * is not a figure is reported (by line number) and left out.
 * @param {string} text
 * @returns {{ lines: FigureLine[], errors: string[] }}
 */
export function parseFigureLines(text) {
  /** @type {FigureLine[]} */
  const lines = [];
  /** @type {string[]} */
  const errors = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    /** @type {unknown} */
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push(`line ${i + 1}: not JSON`);
      return;
    }
    const problem = figureProblem(value);
    if (problem) errors.push(`line ${i + 1}: ${problem}`);
    else lines.push(/** @type {FigureLine} */ (value));
  });
  return { lines, errors };
}

/**
 * @param {unknown} value
 * @returns {string | null}
 */
function figureProblem(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const f = /** @type {Record<string, unknown>} */ (value);
  if (typeof f.id !== 'string' || f.id === '') return 'no id';
  if (typeof f.label !== 'string') return `${f.id}: no label`;
  if (!Array.isArray(f.samplesMs) || !f.samplesMs.every((s) => typeof s === 'number')) return `${f.id}: samplesMs is not a list of numbers`;
  if (f.where !== 'chromium' && f.where !== 'node') return `${f.id}: where must be "chromium" or "node"`;
  if (f.baselineId !== undefined && typeof f.baselineId !== 'string') return `${f.id}: baselineId is not a string`;
  if (f.target !== undefined) {
    if (typeof f.target !== 'object' || f.target === null) return `${f.id}: target is not an object`;
    const t = /** @type {Record<string, unknown>} */ (f.target);
    for (const key of ['maxMs', 'maxRatio', 'minRatio']) {
      if (t[key] !== undefined && typeof t[key] !== 'number') return `${f.id}: target.${key} is not a number`;
    }
  }
  return null;
}

/**
 * One figure per id, in order of first appearance. A figure recorded more than once in a run
 * (e.g. interleaved rounds of the same measurement) gets all the samples; its label, baseline
 * and target come from the first line, and a later line that disagrees is reported.
 * @param {readonly FigureLine[]} lines
 * @returns {{ figures: FigureLine[], warnings: string[] }}
 */
export function mergeFigures(lines) {
  /** @type {Map<string, FigureLine>} */
  const byId = new Map();
  /** @type {string[]} */
  const warnings = [];
  for (const line of lines) {
    const first = byId.get(line.id);
    if (!first) {
      byId.set(line.id, { ...line, samplesMs: [...line.samplesMs] });
      continue;
    }
    first.samplesMs.push(...line.samplesMs);
    if ((line.baselineId ?? null) !== (first.baselineId ?? null) || JSON.stringify(line.target ?? null) !== JSON.stringify(first.target ?? null) || line.where !== first.where) {
      warnings.push(`${line.id}: recorded again with another baseline, target or where; the first line's are used`);
    }
  }
  return { figures: [...byId.values()], warnings };
}

/**
 * The table's order: by area (the id up to its first dot: capture, export, popup …), areas in
 * alphabetical order, and within an area in the order recorded. Stable from run to run although
 * Vitest and Playwright order files as they like, and a Chromium figure sits beside the Node
 * figures of its area.
 * @template {{ id: string }} T
 * @param {readonly T[]} figures
 * @returns {T[]}
 */
export function orderByArea(figures) {
  const area = (/** @type {string} */ id) => id.split('.')[0] ?? id;
  return figures
    .map((f, i) => ({ f, i }))
    .sort((a, b) => area(a.f.id).localeCompare(area(b.f.id), 'en') || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * Median, in-run baseline median, ratio (median / baseline median) and target status of every
 * figure. A target is met when every bound it sets holds; a ratio bound whose baseline is missing
 * cannot be judged (status "unknown", unless another bound is already missed).
 * @param {readonly FigureLine[]} figures merged figures (one per id)
 * @returns {FigureResult[]}
 */
export function evaluateFigures(figures) {
  /** @type {Map<string, number | null>} */
  const medians = new Map(figures.map((f) => [f.id, median(f.samplesMs)]));
  return figures.map((f) => {
    const medianMs = medians.get(f.id) ?? null;
    /** @type {string[]} */
    const notes = [];
    if (medianMs === null) notes.push('no samples');
    const baselineId = f.baselineId ?? null;
    const baselineMedianMs = baselineId === null ? null : (medians.get(baselineId) ?? null);
    const baselineMissing = baselineId !== null && baselineMedianMs === null;
    if (baselineMissing) notes.push(medians.has(/** @type {string} */ (baselineId)) ? `baseline ${baselineId} has no samples` : `baseline ${baselineId} missing in this run`);
    if (baselineId === f.id) notes.push('is its own baseline');
    const ratio = medianMs !== null && baselineMedianMs !== null && baselineMedianMs > 0 ? medianMs / baselineMedianMs : null;
    const target = f.target && Object.keys(f.target).length > 0 ? f.target : null;
    /** @type {TargetCheck[]} */
    const checks = [];
    if (target?.maxMs !== undefined) checks.push({ kind: 'maxMs', limit: target.maxMs, value: medianMs, met: medianMs === null ? null : medianMs <= target.maxMs });
    if (target?.maxRatio !== undefined) checks.push({ kind: 'maxRatio', limit: target.maxRatio, value: ratio, met: ratio === null ? null : ratio <= target.maxRatio });
    if (target?.minRatio !== undefined) checks.push({ kind: 'minRatio', limit: target.minRatio, value: ratio, met: ratio === null ? null : ratio >= target.minRatio });
    if (checks.some((c) => (c.kind === 'maxRatio' || c.kind === 'minRatio') && baselineId === null)) notes.push('ratio target without a baselineId');
    return {
      id: f.id,
      label: f.label,
      where: f.where,
      samplesMs: f.samplesMs,
      runs: f.samplesMs.filter((s) => Number.isFinite(s)).length,
      medianMs,
      baselineId,
      baselineMedianMs,
      baselineMissing,
      ratio,
      target,
      checks,
      status: targetStatus(checks),
      notes,
    };
  });
}

/**
 * @param {readonly TargetCheck[]} checks
 * @returns {TargetStatus}
 */
export function targetStatus(checks) {
  if (checks.length === 0) return 'none';
  if (checks.some((c) => c.met === false)) return 'missed';
  if (checks.some((c) => c.met === null)) return 'unknown';
  return 'met';
}

/**
 * Checks `bench/footprint-sizes.json` (shape in bench/figures.ts, `FootprintSizes`) and adds the
 * ratio (bytes / baselineBytes) and the gzip target status of every file.
 * @param {unknown} value
 * @returns {{ files: FootprintResult[], errors: string[] }}
 */
export function evaluateFootprint(value) {
  /** @type {string[]} */
  const errors = [];
  /** @type {FootprintResult[]} */
  const files = [];
  const list = typeof value === 'object' && value !== null ? /** @type {{ files?: unknown }} */ (value).files : undefined;
  if (!Array.isArray(list)) return { files, errors: ['footprint sizes: no "files" list'] };
  list.forEach((raw, i) => {
    const f = /** @type {Record<string, unknown>} */ (typeof raw === 'object' && raw !== null ? raw : {});
    const optionalNumber = (/** @type {string} */ key) => f[key] === undefined || (typeof f[key] === 'number' && f[key] >= 0);
    if (typeof f.id !== 'string' || typeof f.label !== 'string' || typeof f.bytes !== 'number' || typeof f.gzipBytes !== 'number') {
      errors.push(`footprint sizes: file ${i + 1} needs id, label, bytes and gzipBytes`);
      return;
    }
    if (!optionalNumber('targetGzipBytes') || !optionalNumber('baselineBytes')) {
      errors.push(`footprint sizes: ${f.id}: targetGzipBytes and baselineBytes must be numbers`);
      return;
    }
    const file = /** @type {FootprintFile} */ (/** @type {unknown} */ (f));
    const ratio = file.baselineBytes ? file.bytes / file.baselineBytes : null;
    /** @type {TargetStatus} */
    const status = file.targetGzipBytes === undefined ? 'none' : file.gzipBytes <= file.targetGzipBytes ? 'met' : 'missed';
    files.push({ ...file, ratio, status });
  });
  return { files, errors };
}

/**
 * @typedef {{ id: string, label: string, medianMs: number | null, ratio: number | null }} ComparableFigure
 * @typedef {{
 *   id: string, label: string, change: 'both' | 'new' | 'removed',
 *   previousMs: number | null, currentMs: number | null, changePct: number | null,
 *   previousRatio: number | null, currentRatio: number | null, ratioChangePct: number | null
 * }} FigureChange
 * @typedef {{ id: string, label: string, change: 'both' | 'new' | 'removed', previousGzip: number | null, currentGzip: number | null, changePct: number | null }} FootprintChange
 */

/**
 * (current − previous) / previous in percent; null when either is unknown or previous is 0.
 * @param {number | null | undefined} previous
 * @param {number | null | undefined} current
 * @returns {number | null}
 */
export function changePercent(previous, current) {
  if (previous === null || previous === undefined || current === null || current === undefined || previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/**
 * Figure by figure: the current run against a previous one. Figures present in both come first
 * in the current run's order, then new ones (current only), then removed ones (previous only).
 * @param {{ figures?: readonly ComparableFigure[] }} previous
 * @param {{ figures?: readonly ComparableFigure[] }} current
 * @returns {FigureChange[]}
 */
export function compareFigures(previous, current) {
  const prev = new Map((previous.figures ?? []).map((f) => [f.id, f]));
  const curr = new Map((current.figures ?? []).map((f) => [f.id, f]));
  /** @type {FigureChange[]} */
  const both = [];
  /** @type {FigureChange[]} */
  const added = [];
  for (const f of curr.values()) {
    const p = prev.get(f.id);
    if (!p) {
      added.push({
        id: f.id,
        label: f.label,
        change: 'new',
        previousMs: null,
        currentMs: f.medianMs,
        changePct: null,
        previousRatio: null,
        currentRatio: f.ratio,
        ratioChangePct: null,
      });
      continue;
    }
    both.push({
      id: f.id,
      label: f.label,
      change: 'both',
      previousMs: p.medianMs,
      currentMs: f.medianMs,
      changePct: changePercent(p.medianMs, f.medianMs),
      previousRatio: p.ratio,
      currentRatio: f.ratio,
      ratioChangePct: changePercent(p.ratio, f.ratio),
    });
  }
  /** @type {FigureChange[]} */
  const removed = [...prev.values()]
    .filter((p) => !curr.has(p.id))
    .map((p) => ({
      id: p.id,
      label: p.label,
      change: /** @type {const} */ ('removed'),
      previousMs: p.medianMs,
      currentMs: null,
      changePct: null,
      previousRatio: p.ratio,
      currentRatio: null,
      ratioChangePct: null,
    }));
  return [...both, ...added, ...removed];
}

/**
 * The footprint files of two results, by id (gzip bytes).
 * @param {{ footprint?: { files?: readonly { id: string, label: string, gzipBytes: number }[] } | null }} previous
 * @param {{ footprint?: { files?: readonly { id: string, label: string, gzipBytes: number }[] } | null }} current
 * @returns {FootprintChange[]}
 */
export function compareFootprint(previous, current) {
  const prev = new Map((previous.footprint?.files ?? []).map((f) => [f.id, f]));
  const curr = new Map((current.footprint?.files ?? []).map((f) => [f.id, f]));
  /** @type {FootprintChange[]} */
  const rows = [];
  for (const f of curr.values()) {
    const p = prev.get(f.id);
    rows.push({
      id: f.id,
      label: f.label,
      change: p ? 'both' : 'new',
      previousGzip: p?.gzipBytes ?? null,
      currentGzip: f.gzipBytes,
      changePct: changePercent(p?.gzipBytes, f.gzipBytes),
    });
  }
  for (const p of prev.values()) {
    if (!curr.has(p.id)) rows.push({ id: p.id, label: p.label, change: 'removed', previousGzip: p.gzipBytes, currentGzip: null, changePct: null });
  }
  return rows;
}

/**
 * Milliseconds with about three significant digits: 0.412, 6.63, 45.2, 1,534.
 * @param {number | null | undefined} ms
 */
export function formatMs(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs < 1) return ms.toFixed(3);
  if (abs < 10) return ms.toFixed(2);
  if (abs < 100) return ms.toFixed(1);
  return Math.round(ms).toLocaleString('en');
}

/** @param {number | null | undefined} ratio */
export function formatRatio(ratio) {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${ratio < 10 ? ratio.toFixed(2) : ratio < 100 ? ratio.toFixed(1) : Math.round(ratio).toLocaleString('en')}×`;
}

/** @param {number | null | undefined} pct */
export function formatPercent(pct) {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  const rounded = Math.abs(pct) < 10 ? pct.toFixed(1) : pct.toFixed(0);
  return `${pct > 0 ? '+' : ''}${rounded} %`;
}

/** @param {number | null | undefined} bytes */
export function formatBytes(bytes) {
  return bytes === null || bytes === undefined || !Number.isFinite(bytes) ? '—' : bytes.toLocaleString('en');
}

/**
 * "≤ 2,000 ms, ratio ≤ 1.50" — the bounds a target sets, in words.
 * @param {Target | null | undefined} target
 */
export function formatTarget(target) {
  if (!target) return '';
  /** @type {string[]} */
  const parts = [];
  if (target.maxMs !== undefined) parts.push(`≤ ${formatMs(target.maxMs)} ms`);
  if (target.maxRatio !== undefined) parts.push(`ratio ≤ ${target.maxRatio}`);
  if (target.minRatio !== undefined) parts.push(`ratio ≥ ${target.minRatio}`);
  return parts.join(', ');
}

/** @param {TargetStatus} status */
export function formatStatus(status) {
  return { met: 'yes', missed: 'NO', unknown: '?', none: '' }[status];
}

/**
 * The rows of the report's table (one per figure).
 * @param {readonly FigureResult[]} results
 * @returns {string[][]}
 */
export function figureTableRows(results) {
  return results.map((r) => [
    r.id,
    r.medianMs === null ? 'no samples' : `${formatMs(r.medianMs)} ms`,
    r.baselineId === null ? '' : r.baselineMissing ? `${r.baselineId} (missing)` : r.baselineId,
    r.baselineMedianMs === null ? '' : `${formatMs(r.baselineMedianMs)} ms`,
    r.baselineId === null ? '' : formatRatio(r.ratio),
    formatTarget(r.target),
    formatStatus(r.status),
    String(r.runs),
    r.where,
  ]);
}

export const FIGURE_TABLE_HEADER = ['id', 'median', 'baseline', 'baseline median', 'ratio', 'target', 'met', 'runs', 'where'];
export const FIGURE_TABLE_ALIGN = /** @type {const} */ (['left', 'right', 'left', 'right', 'right', 'left', 'left', 'right', 'left']);

/**
 * A plain-text table: header, a rule, the rows; columns padded to their widest cell.
 * @param {readonly string[]} header
 * @param {readonly (readonly string[])[]} rows
 * @param {readonly ('left' | 'right')[]} [align] per column, default left
 * @returns {string}
 */
export function formatTable(header, rows, align = []) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (/** @type {readonly string[]} */ cells) =>
    widths
      .map((w, c) => {
        const cell = cells[c] ?? '';
        return align[c] === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * @typedef {{
 *   cpuModel: string, cpuCount: number, memoryBytes: number, loadAverageStart: number[], loadAverageEnd: number[],
 *   node: string, chromium: string, os: string, date: string, gitCommit: string, gitDirty?: boolean
 * }} Machine
 */

/**
 * The machine in one line, as the README cites it:
 * "2 × AMD EPYC 7B13, 7.8 GiB RAM, load 0.52/0.40/0.33 → 1.90/1.20/0.61, Node v20.20.2, Chromium 156.0.8078.114, Debian GNU/Linux 12 (bookworm), 2026-12-02, commit 725576c".
 * @param {Machine} m
 */
export function machineLine(m) {
  const load = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(2)).join('/');
  const chromium = /(\d+\.\d+\.\d+\.\d+)/.exec(m.chromium)?.[1];
  return [
    `${m.cpuCount} × ${m.cpuModel}`,
    `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB RAM`,
    `load ${load(m.loadAverageStart)} → ${load(m.loadAverageEnd)}`,
    `Node ${m.node}`,
    chromium ? `Chromium ${chromium}` : `Chromium ${m.chromium}`,
    m.os,
    m.date.slice(0, 10),
    `commit ${m.gitCommit.slice(0, 7)}${m.gitDirty ? ' + uncommitted changes' : ''}`,
  ].join(', ');
}

export const COMPARE_TABLE_HEADER = ['id', 'previous', 'current', 'change', 'prev. ratio', 'ratio', 'ratio change', 'note'];
export const COMPARE_TABLE_ALIGN = /** @type {const} */ (['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left']);

/**
 * The rows of `npm run bench:compare`'s table.
 * @param {readonly FigureChange[]} changes
 * @returns {string[][]}
 */
export function compareTableRows(changes) {
  const ms = (/** @type {number | null} */ x) => (x === null ? '' : `${formatMs(x)} ms`);
  const ratio = (/** @type {number | null} */ x) => (x === null ? '' : formatRatio(x));
  return changes.map((c) => [
    c.id,
    ms(c.previousMs),
    ms(c.currentMs),
    c.change === 'both' ? formatPercent(c.changePct) : '',
    ratio(c.previousRatio),
    ratio(c.currentRatio),
    c.change === 'both' && c.previousRatio !== null && c.currentRatio !== null ? formatPercent(c.ratioChangePct) : '',
    c.change === 'both' ? '' : c.change,
  ]);
}

/**
 * What differs between the machines of two runs (a change across machines is not a code change).
 * @param {Partial<Machine> | undefined} previous
 * @param {Partial<Machine> | undefined} current
 * @returns {string[]}
 */
export function machineDifferences(previous, current) {
  /** @type {(keyof Machine)[]} */
  const keys = ['cpuModel', 'cpuCount', 'memoryBytes', 'node', 'chromium', 'os'];
  return keys.filter((k) => JSON.stringify(previous?.[k]) !== JSON.stringify(current?.[k])).map((k) => `${k}: ${previous?.[k] ?? '?'} → ${current?.[k] ?? '?'}`);
}
