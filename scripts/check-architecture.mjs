#!/usr/bin/env node
/**
 * Architecture check for `npm run lint`: dependency-cruiser's rules (.dependency-cruiser.cjs)
 * plus the concern-pair rule: no two folders under utils/ may import each other (type imports
 * count: a type loop is a design loop too). Exits 1 with one line per violation.
 * Usage: node scripts/check-architecture.mjs [rootDir]   (rootDir lets the rules' own test run it on a planted tree)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(process.argv[2] ?? repo);
const bin = path.join(repo, 'node_modules', '.bin', 'depcruise');
const dirs = ['utils', 'components', 'entrypoints', 'tests', 'bench'].filter((d) => existsSync(path.join(root, d)));
const args = ['--config', path.join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json', ...dirs];
if (existsSync(path.join(root, 'tsconfig.json'))) args.push('--ts-config', path.join(root, 'tsconfig.json'));

let raw;
try {
  raw = execFileSync(bin, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
} catch (err) {
  // depcruise exits non-zero when rules are violated; its JSON is still on stdout.
  raw = err.stdout;
  if (!raw) throw err;
}
const result = JSON.parse(raw);
const problems = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

const concernOf = (file) => /^utils\/([^/]+)\//.exec(file)?.[1] ?? null;
const edges = new Map();
for (const mod of result.modules) {
  const from = concernOf(mod.source);
  if (!from || /\.test\.tsx?$/.test(mod.source)) continue;
  for (const dep of mod.dependencies) {
    const to = concernOf(dep.resolved);
    if (!to || to === from) continue;
    const key = `${from}→${to}`;
    if (!edges.has(key)) edges.set(key, `${mod.source} → ${dep.resolved}`);
  }
}
for (const [key, example] of edges) {
  const [a, b] = key.split('→');
  if (a < b && edges.has(`${b}→${a}`)) problems.push(`concerns-import-each-other: utils/${a} ⇄ utils/${b} (${example}; ${edges.get(`${b}→${a}`)})`);
}

if (problems.length > 0) {
  console.error(`Architecture rules: ${problems.length} violation(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`Architecture rules: ok (${result.summary.totalCruised} modules, ${edges.size} cross-concern edges, no concern pair imports both ways)`);
