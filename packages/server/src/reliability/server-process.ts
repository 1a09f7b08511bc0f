import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../demo/seed-demo.js';

/**
 * The real standalone server as a child process (`node --import tsx src/bin/serve.ts`, one
 * process, so SIGKILL reaches the server itself), on loopback, over a database of its own.
 * Shared by the crash tests, the runner's own tests and the soak command.
 */

const PACKAGE_DIR = join(import.meta.dirname, '..', '..');

/** The demo platform admin that `seed-demo` creates. */
export const DEMO_ADMIN = { email: 'admin@demo.orgkit.dev', password: DEMO_PASSWORD } as const;

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Where a server process keeps its data. */
export interface Engine {
  readonly name: 'postgres' | 'pglite';
  env(): Promise<Record<string, string>>;
  dispose(): Promise<void>;
}

/** A fresh database on the Postgres server of `serverUrl`, dropped by `dispose`. */
export function postgresEngine(serverUrl: string, label = 'proc'): Engine {
  const name = `orgkit_${label}_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  let created = false;
  return {
    name: 'postgres',
    async env() {
      if (!created) await admin(`create database ${name}`);
      created = true;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return { DATABASE_URL: url.toString() };
    },
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** A fresh PGlite data folder, removed by `dispose`. */
export function pgliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'orgkit-proc-'));
  return {
    name: 'pglite',
    env: async () => ({ ORGKIT_DATA_DIR: dir }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Postgres too when `DATABASE_URL` is set; PGlite always. */
export function engines(label?: string): Engine[] {
  return [
    ...(process.env.DATABASE_URL ? [postgresEngine(process.env.DATABASE_URL, label)] : []),
    pgliteEngine(),
  ];
}

/**
 * The child's environment: this process's, less the database it points at (CI sets
 * `DATABASE_URL` for the whole run), so the engine alone decides where the server keeps its data.
 */
const childEnv = (env: Record<string, string>) => ({
  ...withoutDatabase(process.env),
  ...env,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  NODE_ENV: env.NODE_ENV ?? 'development',
});

function withoutDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ORGKIT_DATA_DIR: _dir, ...rest } = env;
  return rest;
}

/** Runs `seed-demo` on the engine's data (the server must be stopped for a PGlite folder). */
export function seedDemoData(env: Record<string, string>): void {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/bin/seed-demo.ts'], {
    cwd: PACKAGE_DIR,
    env: childEnv(env),
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`seed-demo failed:\n${res.stdout}\n${res.stderr}`);
}

/** One server process on `port`; start again after `kill` to restart on the same data. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private log = '';
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  /** What the process printed since it last started. */
  get output() {
    return this.log;
  }
  async start(): Promise<void> {
    this.log = '';
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/serve.ts'], {
      cwd: PACKAGE_DIR,
      env: { ...childEnv(this.env), PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.log += d));
    this.child.stderr?.on('data', (d) => (this.log += d));
    for (let i = 0; i < 600; i++) {
      if (this.child.exitCode !== null) throw new Error(`server exited:\n${this.log}`);
      try {
        if ((await fetch(`${this.url}/v1/auth/session`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start:\n${this.log}`);
  }
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

/** A JSON answer of the server. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A bearer API client of the running server. */
export function apiClient(server: ServerProcess, key: string) {
  return async (method: string, path: string, json?: unknown): Promise<Answer> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { text };
    }
    return { status: res.status, body };
  };
}

/** Signs in as `who` and mints an API key over the API; returns its secret. */
export async function mintKey(
  server: ServerProcess,
  who: { email: string; password: string } = DEMO_ADMIN,
): Promise<string> {
  const signIn = await fetch(`${server.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(who),
  });
  if (signIn.status !== 200) throw new Error(`sign-in as ${who.email}: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${server.url}/v1/me/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify({ name: 'process test' }),
  });
  if (res.status !== 201) throw new Error(`minting a key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { secret: string }).secret;
}
