import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The architecture check (npm run lint) run on a planted tree: every rule must catch its violation. */
const repo = path.resolve(__dirname, '../..');
const planted = mkdtempSync(path.join(tmpdir(), 'sv-arch-'));
afterAll(() => rmSync(planted, { recursive: true, force: true }));

function plant(files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(planted, file)), { recursive: true });
    writeFileSync(path.join(planted, file), text);
  }
}

function check(root: string) {
  return spawnSync(process.execPath, [path.join(repo, 'scripts/check-architecture.mjs'), root], { encoding: 'utf8' });
}

describe('architecture rules', () => {
  it('fail on each planted violation and name the rule', () => {
    plant({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }),
      'utils/alpha/one.ts': "import { two } from '../beta/two';\nexport const one = () => two;\n",
      'utils/beta/two.ts': "import type { one } from '../alpha/one';\nexport const two = 2;\nexport type One = typeof one;\n",
      'utils/gamma/service.ts': "import { browser } from 'wxt/browser';\nexport const id = () => browser.runtime.id;\n",
      'utils/gamma/logic.ts': "import { store } from '../delta/store-adapter';\nexport const read = () => store;\n",
      'utils/delta/store-adapter.ts': "import { browser } from 'wxt/browser';\nexport const store = browser.storage.local;\n",
      'utils/epsilon/up.ts': "import { Widget } from '../../components/widget/Widget';\nexport const w = Widget;\n",
      'components/widget/Widget.ts': 'export const Widget = 1;\n',
      'utils/zeta/prod.ts': "import { fixture } from '../../tests/support/fixture';\nexport const f = fixture;\n",
      'tests/support/fixture.ts': 'export const fixture = 1;\n',
      'utils/seller-page/controller.ts':
        "import { captureMessages } from '../capture/capture-messages';\nimport type { Shape } from '../capture/capture-schema';\nexport const m = captureMessages;\nexport type S = Shape;\n",
      'utils/capture/capture-messages.ts': 'export const captureMessages = {};\n',
      'utils/capture/capture-schema.ts': 'export type Shape = string;\n',
    });
    const run = check(planted);
    expect(run.status).toBe(1);
    const report = run.stderr;
    expect(report).toContain('concerns-import-each-other: utils/alpha ⇄ utils/beta');
    expect(report).toMatch(/browser-only-in-adapters: utils\/gamma\/service\.ts → wxt\/browser/);
    expect(report).toMatch(/services-get-ports-not-adapters: utils\/gamma\/logic\.ts → utils\/delta\/store-adapter\.ts/);
    expect(report).toMatch(/utils-not-to-ui: utils\/epsilon\/up\.ts → components\/widget\/Widget\.ts/);
    expect(report).toMatch(/no-test-code-in-production: utils\/zeta\/prod\.ts → tests\/support\/fixture\.ts/);
    expect(report).toMatch(/seller-center-script-stays-small: utils\/seller-page\/controller\.ts → utils\/capture\/capture-messages\.ts/);
    // Types cost the content script nothing: a type-only import of a schema module is allowed.
    expect(report).not.toMatch(/seller-center-script-stays-small: utils\/seller-page\/controller\.ts → utils\/capture\/capture-schema\.ts/);
    // The adapter itself may touch the browser.
    expect(report).not.toMatch(/browser-only-in-adapters: utils\/delta\/store-adapter\.ts/);
  });

  it('lint refuses the global browser and chrome objects outside tests', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sv-lint-'));
    try {
      const config = JSON.parse(readFileSync(path.join(repo, 'biome.json'), 'utf8'));
      config.vcs = { enabled: false };
      config.files = { includes: ['**'] };
      delete config.$schema;
      writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
      mkdirSync(path.join(dir, 'utils/x'), { recursive: true });
      writeFileSync(path.join(dir, 'utils/x/ids.ts'), 'export const a = () => browser.runtime.id;\nexport const b = () => chrome.runtime.id;\n');
      const run = spawnSync(path.join(repo, 'node_modules/.bin/biome'), ['lint', 'utils/x/ids.ts'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      const out = run.stdout + run.stderr;
      expect(out).toContain('Do not use the global variable browser');
      expect(out).toContain('Do not use the global variable chrome');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // "The rules pass on this repository" is `npm run lint` itself (the same script on the same root,
  // failing on any violation), the first step of `npm test` and CI: running dependency-cruiser over
  // the whole repository again here cost 20–30 s of a unit worker (docs/decisions.md, suite time budget).
});
