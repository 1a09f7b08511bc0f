/**
 * Opening a built Storybook's story and Docs pages in Chromium: what each page reported
 * (console and page errors, render and play failures), when it has settled, and axe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { AXE_FILE, CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { serveStatic } from './static-server.js';

/** One entry of Storybook's `index.json`. */
export interface IndexEntry {
  readonly id: string;
  readonly type: 'story' | 'docs';
  readonly title: string;
  readonly name: string;
  readonly tags?: readonly string[];
}

/** The entries of the built Storybook in `dir` ([] when `dir` is ''). */
export function readIndex(dir: string): IndexEntry[] {
  if (!dir) return [];
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(index.entries);
}

/** A served Storybook and one browser context over it. */
export interface StorybookSession {
  readonly url: string;
  readonly context: BrowserContext;
  /** Requests that tried to leave the machine (nothing may load from outside). */
  readonly externalRequests: string[];
  close(): Promise<void>;
}

export async function openStorybook(dir: string): Promise<StorybookSession> {
  const server = await serveStatic(dir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const externalRequests: string[] = [];
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
      externalRequests.push(route.request().url());
      return route.abort();
    });
    const opened = browser;
    return {
      url: server.url,
      context,
      externalRequests,
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/**
 * Runs before Storybook's own scripts: records the preview channel's render, play and error
 * events on `window.__orgkit`.
 */
function recordPreviewEvents(): void {
  const state = { rendered: 0, docsRendered: 0, errors: [] as string[] };
  Object.assign(window, { __orgkit: state });
  const describe = (value: unknown): string => {
    if (value instanceof Error) return value.message;
    if (value && typeof value === 'object') {
      const v = value as { message?: string; title?: string; description?: string };
      return [v.title, v.message, v.description].filter(Boolean).join(': ') || JSON.stringify(v);
    }
    return String(value);
  };
  let channel: unknown;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value: { on(event: string, listener: (payload: unknown) => void): void }) {
      channel = value;
      value.on('storyRendered', () => {
        state.rendered++;
      });
      value.on('docsRendered', () => {
        state.docsRendered++;
      });
      for (const event of [
        'playFunctionThrewException',
        'storyThrewException',
        'storyErrored',
        'storyMissing',
      ]) {
        value.on(event, (payload) => state.errors.push(`${event}: ${describe(payload)}`));
      }
    },
  });
}

/** A page of the preview (`iframe.html`) and everything it reported. */
export interface PreviewPage {
  readonly page: Page;
  /** Console errors, page errors and preview events that mean something broke. */
  readonly problems: string[];
}

export async function openPreview(
  session: StorybookSession,
  id: string,
  viewMode: 'story' | 'docs',
  globals?: string,
): Promise<PreviewPage> {
  const page = await session.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  await page.addInitScript(recordPreviewEvents);
  // The a11y addon's own run after each render is switched off: the test runs axe itself.
  const all = ['a11y.manual:!true', ...(globals ? [globals] : [])].join(';');
  const query = `id=${encodeURIComponent(id)}&viewMode=${viewMode}&globals=${all}`;
  await page.goto(`${session.url}/iframe.html?${query}`);
  await waitRendered(page, viewMode);
  problems.push(...(await previewErrors(page)));
  return { page, problems };
}

/** The preview's render, play and error events so far. */
export async function previewErrors(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __orgkit: { errors: string[] } }).__orgkit.errors,
  );
}

/** Waits for the story (and its play function) or the Docs page to render, then for quiet. */
async function waitRendered(page: Page, viewMode: 'story' | 'docs'): Promise<void> {
  await page.waitForFunction(
    (mode) => {
      const state = (
        window as unknown as {
          __orgkit: { rendered: number; docsRendered: number; errors: string[] };
        }
      ).__orgkit;
      return state.errors.length > 0 || (mode === 'docs' ? state.docsRendered : state.rendered) > 0;
    },
    viewMode,
    { timeout: 45_000, polling: 100 },
  );
  await settle(page);
}

/** Waits until the DOM has not changed for 400 ms (at most 10 s). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 400);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 400);
        });
        const deadline = setTimeout(done, 10_000);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        function done() {
          observer.disconnect();
          clearTimeout(deadline);
          resolve();
        }
      }),
  );
}

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[] }[];
}

/** WCAG 2.2 A/AA violations on the page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: `/${AXE_FILE}` });
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const options = {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    };
    // Storybook's a11y addon runs axe after each story render too; wait for its run to end.
    for (let attempt = 0; ; attempt++) {
      try {
        return (await axe.run(document, options)).violations;
      } catch (error) {
        if (attempt > 100 || !String(error).includes('already running')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  })) as AxeViolation[];
  return violations.map(
    (v) =>
      `axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}
