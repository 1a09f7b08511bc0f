import { defineProject } from 'vitest/config';

// Unit and hook tests in happy-dom. Files that need Node (SSR, the contract test against the real
// server) opt out with a `// @vitest-environment node` comment. Browser tests live in
// vitest.browser.config.ts (project `react-browser`).
export default defineProject({
  test: {
    name: 'react',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['./src/test-support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
