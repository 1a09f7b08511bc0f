import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase, pgliteDatabase } from '../db/database.js';

/** A database engine the suites run against. */
export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database, and a function that disposes of it. */
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

let ensured: Promise<void> | undefined;

/** Makes sure the Postgres server of `url` answers, starting the local cluster if needed. */
function ensurePostgres(url: string): Promise<void> {
  ensured ??= (async () => {
    if (await reachable(url)) return;
    try {
      const version = readdirSync('/etc/postgresql')[0];
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, {
        stdio: 'ignore',
      });
    } catch {
      // Fall through to the loud failure below.
    }
    for (let i = 0; i < 20 && !(await reachable(url)); i++)
      await new Promise((r) => setTimeout(r, 250));
    if (!(await reachable(url))) {
      throw new Error(
        `DATABASE_URL is set but Postgres is not reachable at ${url}; the Postgres suites cannot run.`,
      );
    }
  })();
  return ensured;
}

let pgliteTemplate: Promise<Blob> | undefined;

/** A migrated, empty PGlite data directory, made once per worker: loading it skips initdb. */
function migratedTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const client = new PGlite();
    await client.waitReady;
    await pgliteDatabase(client).migrate();
    const dump = await client.dumpDataDir('none');
    await client.close();
    return dump;
  })();
  return pgliteTemplate;
}

const pglite: TestBackend = {
  name: 'pglite',
  async open() {
    const client = new PGlite({ loadDataDir: await migratedTemplate() });
    await client.waitReady;
    const database = pgliteDatabase(client);
    // Idempotent: proves the template is current and costs one query.
    await database.migrate();
    return { database, dispose: () => database.close() };
  },
};

function postgres(serverUrl: string): TestBackend {
  return {
    name: 'postgres',
    async open() {
      await ensurePostgres(serverUrl);
      const name = `orgkit_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
      await database.migrate();
      return {
        database,
        async dispose() {
          await database.close();
          const client = new pg.Client({ connectionString: serverUrl });
          await client.connect();
          // pool.end() resolves before its sockets have closed; a forced drop would then kill
          // them mid-goodbye and surface as an uncaught "terminating connection" error.
          for (let i = 0; i < 40; i++) {
            const { rows } = await client.query<{ n: string }>(
              'select count(*) as n from pg_stat_activity where datname = $1',
              [name],
            );
            if (rows[0]?.n === '0') break;
            await new Promise((r) => setTimeout(r, 50));
          }
          await client.query(`drop database if exists ${name} with (force)`);
          await client.end();
        },
      };
    },
  };
}

/**
 * PGlite in memory always; real Postgres too when `DATABASE_URL` is set (a database per test
 * file, created on that server and dropped afterwards). Use with `describe.each(backends)`.
 */
export const backends: readonly TestBackend[] = process.env.DATABASE_URL
  ? [pglite, postgres(process.env.DATABASE_URL)]
  : [pglite];
