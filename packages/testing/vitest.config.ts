import { defineProject } from 'vitest/config';

// The test worlds in Node. The Chromium check of the same code is `pnpm bench` (bench/worlds.ts).
export default defineProject({
  test: {
    name: 'testing',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    typecheck: { enabled: false },
    testTimeout: 30_000,
    // Booting PGlite and migrating (once per file, in beforeAll) is slow on a busy machine.
    hookTimeout: 180_000,
  },
});
