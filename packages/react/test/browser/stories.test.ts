/**
 * Opens every Storybook story in headless Chromium, injects axe-core and fails on any WCAG 2.1
 * A/AA violation or console error. Storybook is built first (about 10 s).
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`) at /usr/bin/chromium, or
 * ORGKIT_CHROMIUM=/path/to/chrome. In CI a missing browser fails the test.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from './static-server.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.ORGKIT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const CONCURRENCY = 4;

if (!available && !inCi) {
  console.warn(
    `\n${'!'.repeat(78)}\n!! react-browser: NO CHROMIUM at ${CHROMIUM}: the story a11y/console tests are\n!! SKIPPED on this machine. Install it: apt-get install -y chromium\n${'!'.repeat(78)}\n`,
  );
}

interface IndexEntry {
  readonly id: string;
  readonly type: 'story' | 'docs';
  readonly title: string;
  readonly name: string;
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[] }[];
}

/** Waits for the story to render and the DOM to stay still for a moment (max 8 s). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
    undefined,
    { timeout: 15_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 400);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 400);
        });
        const deadline = setTimeout(done, 8_000);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        function done() {
          observer.disconnect();
          clearTimeout(deadline);
          resolve();
        }
      }),
  );
}

describe.skipIf(!available && !inCi)('every story in Chromium', () => {
  let outDir = '';
  let server: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  let stories: IndexEntry[] = [];

  beforeAll(async () => {
    if (!available) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}. CI must install it: apt-get install -y chromium (or set ORGKIT_CHROMIUM).`,
      );
    }
    outDir = mkdtempSync(join(tmpdir(), 'orgkit-storybook-'));
    const storybook = join(
      dirname(require.resolve('storybook/package.json')),
      'dist/bin/dispatcher.js',
    );
    await run(
      process.execPath,
      [
        storybook,
        'build',
        '-c',
        '../../.storybook',
        '-o',
        outDir,
        '--quiet',
        '--disable-telemetry',
      ],
      { cwd: packageDir, env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
    );
    const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as {
      entries: Record<string, IndexEntry>;
    };
    stories = Object.values(index.entries).filter((e) => e.type === 'story');
    server = await serveStatic(outDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('windows TeamTable rows and loads the next page while scrolling 10,000 members', async () => {
    const story = stories.find((s) => /team ?table/i.test(s.title) && /many/i.test(s.name));
    expect(story, 'a TeamTable many-rows story').toBeDefined();
    const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(`${server!.url}/iframe.html?id=${story!.id}&viewMode=story`);
      await page.waitForSelector('tbody tr[aria-rowindex]', { timeout: 15_000 });
      const table = page.locator('table[aria-rowcount]');
      const firstCount = Number(await table.getAttribute('aria-rowcount'));
      const rendered = () =>
        page.$$eval('tbody tr[aria-rowindex]', (rows) =>
          rows.map((r) => Number(r.getAttribute('aria-rowindex'))),
        );
      expect((await rendered()).length).toBeLessThan(firstCount - 1);
      // Scroll to the end of what is loaded: the next cursor page arrives and the window moves.
      await page.$eval('[data-slot="orgkit-team-table-viewport"]', (el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForFunction(
        (before) =>
          Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) >
          before,
        firstCount,
        { timeout: 15_000 },
      );
      const rows = await rendered();
      expect(Math.min(...rows)).toBeGreaterThan(2);
      expect(Math.max(...rows)).toBeGreaterThanOrEqual(firstCount - 1);
      expect(rows.length).toBeLessThan(60);
    } finally {
      await page.close();
    }
  });

  it('has no axe violation and no console error in any story', async () => {
    expect(stories.length).toBeGreaterThan(0);
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const failures: string[] = [];
    const context = await browser!.newContext();
    // Nothing may load from outside: the worker, fonts and scripts are all served locally.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
      failures.push(`external request: ${route.request().url()}`);
      return route.abort();
    });
    const visit = async (story: IndexEntry) => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // A mocked problem response (the Error and Forbidden stories) is logged by the browser
        // as a failed resource; that is the story's point, not a defect.
        const url = message.location().url;
        if (/Failed to load resource/.test(message.text()) && /\/v1\//.test(url)) return;
        errors.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
      });
      await page.goto(`${server!.url}/iframe.html?id=${story.id}&viewMode=story`);
      await settle(page);
      await page.addScriptTag({ content: axeSource });
      const violations = (await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> };
          }
        ).axe;
        const options = {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
          },
        };
        // Storybook's a11y addon runs axe after each render too; wait for its run to end.
        for (let attempt = 0; ; attempt++) {
          try {
            const result = await axe.run(document, options);
            return result.violations;
          } catch (error) {
            if (attempt > 100 || !String(error).includes('already running')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      })) as AxeViolation[];
      for (const v of violations) {
        errors.push(
          `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
        );
      }
      failures.push(...errors.map((e) => `${story.title} › ${story.name}: ${e}`));
      await page.close();
    };
    // A few pages at a time keeps the run short as the story count grows.
    const queue = [...stories];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let story = queue.shift(); story; story = queue.shift()) await visit(story);
      }),
    );
    await context.close();
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
