import { configDefaults, defineConfig } from 'vitest/config';

// The cluster acceptance test runs five Ledgerline processes against Postgres for minutes; it runs
// on its own after everything else, so it neither slows the browser tests past their timeouts nor
// is slowed by them.
const ALONE = ['test/e2e/cluster-workers.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Browser and server tests poll for what a loaded 2-core machine may take seconds to show.
    expect: { poll: { timeout: 15_000 } },
    // Two cores here and in CI: more forks only thrash.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['src/**/*.test.ts', 'emulator/**/*.test.ts', 'test/**/*.test.ts', 'tools/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'cluster', include: ALONE, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
