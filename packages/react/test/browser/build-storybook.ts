/**
 * Global setup of the `react-browser` project: builds Storybook once, before the test files are
 * collected, so each story and Docs page becomes its own test.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { AXE_FILE, CHROMIUM } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built Storybook ('' when the browser tests are skipped on this machine). */
    storybookDir: string;
  }
}

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject): Promise<() => void> {
  if (!existsSync(CHROMIUM) && !process.env.CI) {
    project.provide('storybookDir', '');
    return () => {};
  }
  const outDir = mkdtempSync(join(tmpdir(), 'orgkit-storybook-'));
  const storybook = join(
    dirname(require.resolve('storybook/package.json')),
    'dist/bin/dispatcher.js',
  );
  await run(
    process.execPath,
    [storybook, 'build', '-c', '../../.storybook', '-o', outDir, '--quiet', '--disable-telemetry'],
    {
      cwd: packageDir,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // axe-core is served beside the build, so pages load it from the browser's cache (compiled
  // once) instead of each page parsing half a megabyte of inline script.
  copyFileSync(require.resolve('axe-core/axe.min.js'), join(outDir, AXE_FILE));
  project.provide('storybookDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
