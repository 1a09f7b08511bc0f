/**
 * World timings of `@orgkit/testing` (the real app on in-memory PGlite) against the hand-written
 * mocks of `@orgkit/react/msw`, measured in the same run: the first world, each further world
 * (median of 9), and a host test file of 10 tests (each: a fresh world, three requests). Node,
 * then headless Chromium for the new worlds (the old mocks' first world costs the same there:
 * plain objects). The page is served at a localhost origin (a secure context: Web Crypto). Lines: `BENCH <name> value=… unit=ms peer=… peer_value=… ratio=…`.
 */
import { readFileSync } from 'node:fs';
import { createOrgkitMockApi } from '@orgkit/react/msw';
import { build } from 'esbuild';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { chromium } from 'playwright-core';
import { createOrgkitTestWorld, type OrgkitTestWorld } from '../src/world.js';
import { measureWorlds, type WorldTimings } from './world-timings.js';

const CHROMIUM = process.env.ORGKIT_CHROMIUM ?? '/usr/bin/chromium';
const dir = new URL('..', import.meta.url).pathname;
const now = () => performance.now();

/** The old mocks behind the same interface: handlers answered through MSW's own `fetch`. */
function oldMockWorld(): Promise<OrgkitTestWorld> {
  const api = createOrgkitMockApi({ baseUrl: 'http://localhost:3000' });
  server.resetHandlers(...api.handlers);
  const world = {
    fetch: (request: Request) => fetch(request),
    close: async () => {},
  };
  return Promise.resolve(world as unknown as OrgkitTestWorld);
}

const server = setupServer(http.all('*', () => HttpResponse.error()));
server.listen({ onUnhandledRequest: 'error' });
const old = await measureWorlds(oldMockWorld, now);
server.close();
const fresh = await measureWorlds(() => createOrgkitTestWorld(), now);

function line(name: string, value: number, peerName: string, peer: number) {
  console.log(
    `BENCH ${name} value=${value.toFixed(1)} unit=ms peer=${peerName} peer_value=${peer.toFixed(1)} ratio=${(value / Math.max(peer, 0.01)).toFixed(1)}`,
  );
}
function report(runtime: string, t: WorldTimings) {
  line(`testing.world.first.${runtime}`, t.first, 'hand-written-mocks.first.node', old.first);
  line(
    `testing.world.further.${runtime}`,
    t.further,
    'hand-written-mocks.further.node',
    old.further,
  );
  line(
    `testing.host-file-10-tests.${runtime}`,
    t.file10,
    'hand-written-mocks.file10.node',
    old.file10,
  );
}
report('node', fresh);

const bundle = await build({
  entryPoints: [`${dir}bench/browser-page.ts`],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'error',
  // PGlite is loaded as its own module so it finds its wasm and data files beside it.
  external: ['@electric-sql/pglite'],
});
const pglite = `${dir}node_modules/@electric-sql/pglite/dist/`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('http://localhost:4999/**', (route) => {
    const path = new URL(route.request().url()).pathname.slice(1);
    if (path === '') {
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><script type="importmap">{"imports":{"@electric-sql/pglite":"/pglite/index.js"}}</script></head><body><script type="module" src="/bundle.js"></script></body></html>`,
      });
    }
    if (path === 'bundle.js') {
      return route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text });
    }
    if (path.startsWith('pglite/')) {
      const file = path.slice('pglite/'.length);
      const type = file.endsWith('.wasm')
        ? 'application/wasm'
        : file.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream';
      return route.fulfill({ contentType: type, body: readFileSync(`${pglite}${file}`) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto('http://localhost:4999/');
  await page.waitForFunction(
    () => {
      const g = globalThis as { orgkitBench?: unknown; orgkitBenchError?: string };
      return g.orgkitBench !== undefined || g.orgkitBenchError !== undefined;
    },
    undefined,
    { timeout: 600_000, polling: 500 },
  );
  const result = await page.evaluate(() => {
    const g = globalThis as { orgkitBench?: WorldTimings; orgkitBenchError?: string };
    return { timings: g.orgkitBench, error: g.orgkitBenchError };
  });
  if (!result.timings)
    throw new Error(`Chromium worlds failed: ${result.error} ${errors.join('\n')}`);
  report('chromium', result.timings);
} finally {
  await browser.close();
}
