import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * kill -9 of the real standalone server (`node --import tsx src/bin/serve.ts`, one process, so
 * SIGKILL reaches the server itself) in the middle of a bulk invitation and of an ownership
 * transfer; after a restart on the same database the data is all before or all after.
 * Verification goes through the restarted server's API, so it works for both engines.
 */

const PACKAGE_DIR = join(import.meta.dirname, '..', '..');
const ADMIN = { email: 'admin@demo.orgkit.dev', password: 'orgkit-demo' };
const BULK = 100;
/**
 * When to kill, as fractions of how long the same request takes uncut (measured first): from
 * "not parsed yet" through "mid-transaction" to "committed, answer on its way".
 */
const FRACTIONS = [0, 0.6];
/** And once more right after the answer arrives: what was answered must survive (durability). */
const AFTER_ANSWER = -1;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

interface Engine {
  readonly name: string;
  env(): Promise<Record<string, string>>;
  dispose(): Promise<void>;
}

function postgresEngine(serverUrl: string): Engine {
  const name = `orgkit_crash_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  return {
    name: 'postgres',
    async env() {
      await admin(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return { DATABASE_URL: url.toString() };
    },
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

function pgliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'orgkit-crash-'));
  return {
    name: 'pglite',
    env: async () => ({ ORGKIT_DATA_DIR: dir }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

class Server {
  private child: ChildProcess | undefined;
  private log = '';
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.log = '';
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/serve.ts'], {
      cwd: PACKAGE_DIR,
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      },
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

/** A bearer API client of the running server. */
function api(server: Server, key: string) {
  return async (method: string, path: string, json?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  };
}

async function adminKey(server: Server): Promise<string> {
  const signIn = await fetch(`${server.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(ADMIN),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${server.url}/v1/me/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie },
    body: JSON.stringify({ name: 'crash test' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}

const engines: Engine[] = [
  ...(process.env.DATABASE_URL ? [postgresEngine(process.env.DATABASE_URL)] : []),
  pgliteEngine(),
];

describe.each(engines)('kill -9 mid-request, then restart ($name)', (engine) => {
  let server: Server;
  let call: ReturnType<typeof api>;

  beforeAll(async () => {
    server = new Server(await freePort(), await engine.env());
    await server.start();
    call = api(server, await adminKey(server));
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    await engine.dispose();
  });

  const bulk = async (name: string) => {
    const org = await call('POST', '/v1/organizations', { name });
    expect(org.status).toBe(201);
    const orgId = org.body.id as string;
    const emails = Array.from(
      { length: BULK },
      (_, i) => `p${i}@${orgId.replaceAll('_', '-')}.crash.test`,
    );
    return {
      orgId,
      send: () =>
        call('POST', `/v1/organizations/${orgId}/invitations`, { emails, roles: ['viewer'] }),
    };
  };

  const inheritance = async (name: string) => {
    const org = await call('POST', '/v1/organizations', { name });
    const orgId = org.body.id as string;
    const added = await call('POST', `/v1/organizations/${orgId}/members`, {
      email: `heir@${orgId.replaceAll('_', '-')}.crash.test`,
      name: 'Heir',
      password: 'correct horse battery staple',
      roles: ['admin'],
    });
    expect(added.status).toBe(201);
    const heir = added.body.userId as string;
    return {
      orgId,
      heir,
      send: () => call('POST', `/v1/organizations/${orgId}/owner/transfer`, { userId: heir }),
    };
  };

  const both = async (name: string) => {
    const [b, h] = await Promise.all([bulk(`Bulk ${name}`), inheritance(`Transfer ${name}`)]);
    return { b, h, send: () => Promise.all([b.send(), h.send()]) };
  };

  /** How long the pair takes uncut, measured on this machine before the kills. */
  let uncut = 0;
  const outcomes: string[] = [];

  beforeAll(async () => {
    const calibration = await both('calibration');
    const start = performance.now();
    const answers = await calibration.send();
    expect(answers.map((a) => a.status)).toEqual([201, 200]);
    uncut = performance.now() - start;
  }, 120_000);

  afterAll(() => {
    console.info(`CRASH ${engine.name} uncut=${Math.round(uncut)}ms ${outcomes.join(' ')}`);
  });

  it.each([
    ...FRACTIONS.map((fraction) => ({ fraction, when: `at ${fraction} of their duration` })),
    { fraction: AFTER_ANSWER, when: 'right after the answers' },
  ])(
    `a bulk invitation of ${BULK} addresses and an ownership transfer, killed together $when: all or nothing, exactly one owner, audit consistent`,
    async ({ fraction }) => {
      const delay = fraction === AFTER_ANSWER ? AFTER_ANSWER : Math.round(uncut * fraction);
      const { b, h, send } = await both(String(fraction));
      const pending = send().then(
        (res) => res.map((r) => r.status),
        () => undefined,
      );
      if (delay === AFTER_ANSWER) await pending;
      else await new Promise((r) => setTimeout(r, delay));
      await server.kill();
      const answered = await pending;
      await server.start();

      const list = await call('GET', `/v1/organizations/${b.orgId}/invitations?limit=100`);
      expect(list.status).toBe(200);
      const count = (list.body.items as unknown[]).length;
      const audit = await call('GET', `/v1/organizations/${b.orgId}/audit-events?limit=100`);
      const invited = (audit.body.items as { action: string }[]).filter((e) =>
        e.action.startsWith('invitation.'),
      ).length;
      expect([0, BULK]).toContain(count);
      // The audit trail agrees with the data: events exist exactly when the invitations do.
      expect(invited > 0).toBe(count > 0);

      const owners = await call('GET', `/v1/organizations/${h.orgId}/members?role=owner`);
      const ids = (owners.body.items as { userId: string }[]).map((m) => m.userId);
      expect(ids).toHaveLength(1);
      const transfers = await call(
        'GET',
        `/v1/organizations/${h.orgId}/audit-events?action=organization.ownership_transferred`,
      );
      const after = ids[0] === h.heir;
      expect((transfers.body.items as unknown[]).length).toBe(after ? 1 : 0);
      // Durability: what was answered before the kill survives it.
      if (answered) expect([count, after]).toEqual([BULK, true]);
      const when = delay === AFTER_ANSWER ? 'answered' : `${delay}ms`;
      outcomes.push(
        `${when}:${answered ? 'answered' : 'cut'}:${count}/${after ? 'after' : 'before'}`,
      );
    },
    120_000,
  );
});
