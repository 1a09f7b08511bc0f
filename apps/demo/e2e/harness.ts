/**
 * End-to-end harness: the demo host in process on a free port (PGlite in memory, or a fresh
 * Postgres database when DATABASE_URL is set), and headless Debian Chromium via playwright-core.
 */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { type Database, openDatabase } from '@orgkit/server';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createDemoHost } from '../server/host.js';
import { seedDemoHost } from '../server/seed.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/** A running demo host. */
export interface RunningDemo {
  readonly url: string;
  readonly database: Database;
  stop(): Promise<void>;
}

async function freshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite' });
    return { database, drop: async () => {} };
  }
  const name = `orgkit_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 4 });
  return {
    database,
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // pool.end() resolves before its sockets close; dropping with force before they are gone
      // kills them mid-goodbye and surfaces as an uncaught "terminating connection" error.
      for (let i = 0; i < 40; i++) {
        const { rows } = await c.query<{ n: string }>(
          'select count(*) as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (rows[0]?.n === '0') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Starts the demo on an ephemeral port with the built app (run `vite build` first). */
export async function startDemo(): Promise<RunningDemo> {
  const staticDir = fileURLToPath(new URL('../dist', import.meta.url));
  if (!existsSync(`${staticDir}/index.html`))
    throw new Error('apps/demo/dist is missing: the global setup builds it');
  const { database, drop } = await freshDatabase();
  await database.migrate();
  let url = '';
  // the base URL is known only once the port is: build the host lazily behind a stable fetch
  let fetcher: (req: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const server = serve({ fetch: (req) => fetcher(req), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { host, orgkit } = createDemoHost({ database, baseUrl: url, staticDir, testing: true });
  await seedDemoHost(orgkit);
  fetcher = host.fetch;
  return {
    url,
    database,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      await drop();
    },
  };
}

/** Launches headless Chromium, failing loudly when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); CI installs it.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A page that records console errors and failed requests so tests can assert none happened. */
export async function newPage(
  context: BrowserContext,
): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { page, problems };
}

let shot = 0;
/** Saves a numbered screenshot of a step into {@link SCREENSHOTS}. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  shot += 1;
  const file = `${SCREENSHOTS}${String(shot).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Builds the app once for the run (vitest global setup). */
export function buildApp(): void {
  execSync('npx vite build --logLevel error', {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
  });
}
