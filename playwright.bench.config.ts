import { defineConfig } from '@playwright/test';

// `npm run bench` (browser half): measurements in real Chromium with the built extension.
// They print numbers and never fail on time (performance targets are reported, not asserted).
export default defineConfig({
  testDir: 'bench',
  testMatch: '**/*.pw-bench.ts',
  workers: 1,
  timeout: 15 * 60_000,
  expect: { timeout: 60_000 },
  retries: 0,
  reporter: [['list']],
});
