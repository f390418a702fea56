import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The downloads' end-to-end test builds the zip and both .debs (about 3 min on an idle
    // 2-core machine) and installs each: `npm run test:dist`, run by .ci/run after `npm test`
    // so that its Wine, apt and lintian do not compete with the Chromium suites.
    exclude: process.env.TWELVE_DIST_TEST ? [] : ['test/dist.test.ts'],
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
