import { PGlite } from '@electric-sql/pglite';
import { pgliteDatabase } from '@orgkit/server/portable';

/**
 * One in-memory database a world runs on. A database is created (booting PGlite and migrating,
 * or loading a copy of another) only when every existing one is in use; a scenario is seeded
 * into a database once and kept beside the live tables as a snapshot, and each later world of
 * that scenario restores the live tables from it (a truncate and a copy: milliseconds).
 */
export interface PooledDatabase {
  readonly client: PGlite;
  /** Snapshot schema of each scenario seeded here. */
  readonly snapshots: Map<object, string>;
  busy: boolean;
}

const pool: PooledDatabase[] = [];
let tables: Promise<readonly string[]> | undefined;
let schemaCounter = 0;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The app's tables (every table of the `public` schema once migrated). */
function appTables(client: PGlite): Promise<readonly string[]> {
  tables ??= client
    .query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
    )
    .then((r) => r.rows.map((row) => row.name));
  return tables;
}

/** A free database: an idle one, else a copy of an existing one, else a new migrated one. */
export async function acquireDatabase(): Promise<PooledDatabase> {
  const idle = pool.find((d) => !d.busy);
  if (idle) {
    idle.busy = true;
    return idle;
  }
  const source = pool[0];
  const entry: PooledDatabase = source
    ? {
        client: new PGlite({ loadDataDir: await source.client.dumpDataDir('none') }),
        snapshots: new Map(source.snapshots),
        busy: true,
      }
    : { client: new PGlite(), snapshots: new Map(), busy: true };
  pool.push(entry);
  await entry.client.waitReady;
  if (!source) await pgliteDatabase(entry.client).migrate();
  return entry;
}

/** Gives a database back to the pool. */
export function releaseDatabase(entry: PooledDatabase): void {
  entry.busy = false;
}

/** Empties the app's tables (constraints are not checked while they are refilled). */
export async function truncateAll(client: PGlite): Promise<void> {
  const names = (await appTables(client)).map((t) => `public.${quote(t)}`).join(', ');
  await client.exec(`truncate ${names}`);
}

/** Copies the live tables into a new snapshot schema and returns its name. */
export async function snapshot(client: PGlite): Promise<string> {
  const schema = `orgkit_world_${++schemaCounter}`;
  const copies = (await appTables(client))
    .map((t) => `create table ${schema}.${quote(t)} as select * from public.${quote(t)};`)
    .join('\n');
  await client.exec(`create schema ${schema};\n${copies}`);
  return schema;
}

/** Replaces the live tables' rows with the snapshot's, in one transaction. */
export async function restore(client: PGlite, schema: string): Promise<void> {
  const names = await appTables(client);
  const copies = names
    .map((t) => `insert into public.${quote(t)} select * from ${schema}.${quote(t)};`)
    .join('\n');
  await client.exec(
    `begin;
set local session_replication_role = replica;
truncate ${names.map((t) => `public.${quote(t)}`).join(', ')};
${copies}
commit;`,
  );
}
