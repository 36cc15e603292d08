import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension; 2-core machines run one at a time.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off' },
});
