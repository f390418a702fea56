import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The downloads' end-to-end test builds the zip and both .debs (12 min here) and is run by
    // `npm run test:dist`, not by `npm test`: on the merged tree three of its checks still fail
    // (node.exe's stdin under Wine, the upload's read worker missing from the bundle, the
    // installed .deb's `twelve score`), so issue 17 stays open until it passes.
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
