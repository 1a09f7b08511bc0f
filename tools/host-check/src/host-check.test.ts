import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildSizes, buildAndMeasure } from './build-sizes.js';
import { type InstalledHost, installHost, outsideEnv, run } from './host.js';

const TOOLS = new URL('..', import.meta.url).pathname;
const bin = (name: string) => join(TOOLS, 'node_modules/.bin', name);
const CHROMIUM = '/usr/bin/chromium';
/** The password of the demo accounts the host's backend creates (`seedDemo`). */
const PASSWORD = 'orgkit-demo';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('the packed packages in a host outside the workspace (npm, no workspace links)', () => {
  let host: InstalledHost;

  beforeAll(() => {
    host = installHost();
    for (const t of host.tarballs) console.log(`HOST tarball ${t.file} ${t.bytes} bytes`);
  });
  afterAll(() => {
    if (host) rmSync(host.dir, { recursive: true, force: true });
  });

  it('installed every package from its tarball, not from the workspace', () => {
    for (const t of host.tarballs) {
      const manifest = join(host.dir, 'node_modules', t.name, 'package.json');
      expect(existsSync(manifest)).toBe(true);
      expect(existsSync(join(host.dir, 'node_modules', t.name, 'src'))).toBe(false);
    }
  });

  it("marks React's client modules 'use client' and leaves server-safe ones unmarked", () => {
    const dist = join(host.dir, 'node_modules/@orgkit/react/dist');
    const first = (file: string) => readFileSync(join(dist, file), 'utf8').split('\n')[0];
    for (const file of [
      'team-table/team-table.js',
      'hooks/use-can.js',
      'provider/orgkit-provider.js',
    ]) {
      expect(first(file), file).toBe("'use client';");
    }
    for (const file of [
      'queries/api-keys-query-options.js',
      'locale/fr.js',
      'msw/index.js',
      'index.js',
    ]) {
      expect(first(file), file).not.toBe("'use client';");
    }
  });

  it('publint --strict finds nothing in any tarball', () => {
    for (const t of host.tarballs) {
      const out = run(TOOLS, bin('publint'), ['--strict', t.path]);
      expect(out, t.name).toContain('All good!');
    }
  });

  it('are the types wrong? no, for ESM consumers (node16 and bundlers)', () => {
    for (const t of host.tarballs) {
      // Non-zero exit (a thrown error) on any problem; the stylesheet has no types to check.
      run(TOOLS, bin('attw'), [
        t.path,
        '--profile',
        'esm-only',
        '--exclude-entrypoints',
        './styles.css',
      ]);
    }
  });

  it('type-checks the host with moduleResolution bundler and node16', () => {
    run(host.dir, 'npx', ['tsc', '-p', 'tsconfig.json']);
    run(host.dir, 'npx', ['tsc', '-p', 'tsconfig.node16.json']);
  });

  it("runs the host's own component test against @orgkit/react/msw on msw 2", () => {
    const out = run(host.dir, 'npx', ['vitest', 'run']);
    expect(out).toMatch(/1 passed/);
  });

  it('renders a component with renderToString in plain Node', () => {
    expect(run(host.dir, 'node', ['scripts/render.mjs'])).toContain('renderToString ok');
  });

  it('starts the standalone server from the bin (npx @orgkit/server) on embedded PGlite', async () => {
    const port = await freePort();
    const server = spawn(join(host.dir, 'node_modules/.bin/orgkit-server'), [], {
      cwd: host.dir,
      env: outsideEnv({
        PORT: String(port),
        ORGKIT_DATA_DIR: join(host.dir, '.orgkit-data'),
        NODE_ENV: 'development',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout!.on('data', (d: Buffer) => {
          output += d.toString();
          if (output.includes('Orgkit API')) resolve();
        });
        server.stderr!.on('data', (d: Buffer) => {
          output += d.toString();
        });
        server.once('exit', (code) =>
          reject(new Error(`orgkit-server exited (${code}):\n${output}`)),
        );
      });
      const doc = await fetch(`http://127.0.0.1:${port}/v1/openapi.json`);
      expect(doc.status).toBe(200);
      // The optional reference UI is not installed in the host: /docs says what to install.
      const docs = await fetch(`http://127.0.0.1:${port}/docs`);
      expect(docs.status).toBe(404);
      expect(((await docs.json()) as { detail: string }).detail).toContain('@scalar/api-reference');
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      if (server.exitCode === null) server.kill('SIGTERM');
      await exited;
    }
  });

  describe('built with vite and served by the host backend on embedded PGlite', () => {
    let sizes: BuildSizes;
    let backend: ChildProcess;
    let url: string;
    let browser: Browser;

    beforeAll(async () => {
      sizes = buildAndMeasure(host.dir);
      console.log(
        `HOST build js.gzip=${sizes.jsGzip} react+tanstack-query.js.gzip=${sizes.baselineJsGzip} orgkit.js.gzip=${sizes.orgkitJsGzip} css.gzip=${sizes.cssGzip}`,
      );
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      backend = spawn(join(host.dir, 'node_modules/.bin/tsx'), ['server/main.ts'], {
        cwd: host.dir,
        env: outsideEnv({ PORT: String(port), NODE_ENV: 'development' }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      await new Promise<void>((resolve, reject) => {
        backend.stdout!.on('data', (d: Buffer) => {
          output += d.toString();
          if (output.includes('host listening')) resolve();
        });
        backend.stderr!.on('data', (d: Buffer) => {
          output += d.toString();
        });
        backend.once('exit', (code) => reject(new Error(`backend exited (${code}):\n${output}`)));
      });
      if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (CI installs it)`);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-dev-shm-usage',
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
      if (backend && backend.exitCode === null) {
        const exited = new Promise((resolve) => backend.once('exit', resolve));
        backend.kill('SIGTERM');
        await exited;
      }
    });

    it('built JavaScript and the stylesheet', () => {
      expect(sizes.orgkitJsGzip).toBeGreaterThan(0);
      expect(sizes.cssGzip).toBeGreaterThan(0);
    });

    async function signIn(email: string): Promise<Page> {
      const page = await (await browser.newContext()).newPage();
      await page.goto(url);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Team' }).waitFor();
      return page;
    }
    const deploy = async (page: Page) => {
      await page.getByRole('button', { name: 'Deploy' }).click();
      const output = page.getByTestId('deploy-result');
      await output.filter({ hasText: /\d{3} / }).waitFor();
      return output.textContent();
    };

    it('signs the owner in; the Team page lists the members; the guarded host route answers 200', async () => {
      const page = await signIn('owner@northwind.demo');
      await page.getByRole('cell', { name: 'viewer@northwind.demo' }).waitFor();
      expect(await deploy(page)).toBe('200 owner@northwind.demo');
    });

    it('answers a viewer with the 403 problem from the same route', async () => {
      const page = await signIn('viewer@northwind.demo');
      expect(await deploy(page)).toBe('403 FORBIDDEN');
      const problem = await page.evaluate(async () => {
        const orgs = (await (await fetch('/v1/organizations')).json()) as {
          items: { id: string }[];
        };
        const res = await fetch(`/api/orgs/${orgs.items[0]!.id}/deploys`, { method: 'POST' });
        return { type: res.headers.get('content-type'), body: await res.json() };
      });
      expect(problem).toMatchObject({
        type: 'application/problem+json',
        body: {
          status: 403,
          code: 'FORBIDDEN',
          detail: 'You need projects:deploy in this organization.',
        },
      });
    });
  });
});
