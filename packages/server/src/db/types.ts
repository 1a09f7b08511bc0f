import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

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
