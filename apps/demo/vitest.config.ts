import { defineProject } from 'vitest/config';

// End-to-end tests: the demo host in process and headless Chromium. The app is built once.
export default defineProject({
  test: {
    name: 'demo-e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
