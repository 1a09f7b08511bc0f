import { defineProject } from 'vitest/config';

// The packed packages in a host outside the workspace: one file, steps in order.
export default defineProject({
  test: {
    name: 'host-check',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
