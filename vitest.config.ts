import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run if a test rewrote a file git tracks.
    globalSetup: ['test/global/tracked-files.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Chromium-backed suites are heavy on a 2-core machine.
    maxWorkers: 2,
  },
});
