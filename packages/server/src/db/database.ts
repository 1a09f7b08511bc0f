import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

/** The Drizzle schema of the server's tables. */
export type Schema = typeof schema;

/** A Drizzle database over PGlite or node-postgres; both speak the same Postgres dialect. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A Drizzle transaction handle. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** A database handle either at the top level or inside a transaction. */
export type DbOrTx = Db | Tx;

/** Where the data lives. */
export type DatabaseConfig =
  /** Real Postgres (production, several instances). */
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  /** Embedded Postgres: a data folder, or memory when `dataDir` is omitted. */
  | { readonly kind: 'pglite'; readonly dataDir?: string };

/** An open database with its driver kind and a way to close it. */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  /** Applies pending migrations (idempotent; serialized across instances on Postgres). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Folder of the drizzle-kit generated SQL migrations shipped with the package. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any constant works; it only has to be the same for every instance of the server.
const MIGRATION_LOCK_ID = 726_354_001;

/** Opens the database described by `config` (no migrations are run). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    const db = drizzleNodePg({ client: pool, schema });
    return {
      kind: 'postgres',
      db,
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
          await migrateNodePg(drizzleNodePg({ client, schema }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const client = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  await client.waitReady;
  return pgliteDatabase(client);
}

/** Wraps an open PGlite instance (e.g. one loaded from a dump) as a {@link Database}. */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzlePglite({ client, schema });
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}
