import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Test files that keep a module graph of their own (vitest's default isolation): the DOM
 * (happy-dom) files and their folders, and the adapters that patch the fake browser's
 * unimplemented APIs. Run in one shared graph, downloads-adapter.test.ts saw another file's copy of
 * its adapter (failed 6 of 6 in two full runs, passes alone).
 */
const ALL = ['utils/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/fuzz/**/*.test.ts'];
const ISOLATED = ['components/**/*.test.ts', 'components/**/*.test.tsx', 'utils/seller-page/**/*.test.ts', 'utils/**/*-adapter.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          // Suite time budget (docs/decisions.md): importing each file's modules anew was most of the
          // unit suite's time (16 files: import 71 s of 139 s; 39 s in all without isolation). These files
          // share one module graph per worker; every test still starts from a reset fake browser and
          // no trusted copies (tests/unit/setup.ts), and each file opens its own named databases.
          name: 'shared',
          include: ALL,
          benchmark: { include: ['bench/**/*.bench.ts'] },
          exclude: [...configDefaults.exclude, ...ISOLATED],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED,
          // The benches (npm run bench) run once, in the shared project.
          benchmark: { include: [] },
        },
      },
    ],
  },
});
