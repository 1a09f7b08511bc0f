import { defineProject } from 'vitest/config';

// Every Storybook story in headless Chromium (playwright-core + Debian's chromium): the test
// builds Storybook, opens each story, injects axe-core and fails on any violation or console
// error. Run alone with `pnpm vitest run --project react-browser`.
export default defineProject({
  test: {
    name: 'react-browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
