import { defineProject } from 'vitest/config';

// The built Storybook in headless Chromium (playwright-core + Debian's chromium): the global
// setup builds Storybook once; each story and each Docs page is its own test (axe, console and
// page errors, play functions, Docs previews' states). Run alone with
// `pnpm vitest run --project react-browser`.
export default defineProject({
  test: {
    name: 'react-browser',
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/browser/build-storybook.ts'],
    // Pages at a time in the one browser: a few keeps the run short without starving a busy
    // machine.
    maxConcurrency: 4,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
