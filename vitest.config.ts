import { defineConfig } from 'vitest/config';

const BROWSER_TESTS = 'test/browser/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'eval/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', BROWSER_TESTS],
          pool: 'threads',
        },
      },
      {
        // Each browser test file ingests a corpus, serves it and drives chromium: one file at a time, after
        // the unit tests (groupOrder), so they never compete with them for the CPU.
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
