import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: keep parallel workers modest so render and browser tests get CPU.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
