import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'emulator/**/*.test.ts', 'test/**/*.test.ts', 'tools/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Browser and server tests poll for what a loaded 2-core machine may take seconds to show.
    expect: { poll: { timeout: 15_000 } },
    // Two cores here and in CI: more forks only thrash.
    maxWorkers: 2,
  },
});
