import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run if a test rewrote a file git tracks.
    globalSetup: ['test/global/tracked-files.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The day of the run for every command and the server (reports/today.ts): a workbook date
    // after it is an error, so tests built on 2026 data must not depend on the clock.
    env: { TWELVE_TODAY: '2026-12-31' },
    // Chromium-backed suites are heavy on a 2-core machine.
    maxWorkers: 2,
  },
});
