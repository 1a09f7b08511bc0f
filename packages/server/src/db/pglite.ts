import type { PGlite } from '@electric-sql/pglite';
import type { MigrationConfig, MigrationMeta } from 'drizzle-orm/migrator';
import type { PgDialect, PgSession } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { MIGRATIONS } from './migrations.generated.js';
import * as schema from './schema/index.js';
import type { Database } from './types.js';

/** Drizzle's migrator, fed the embedded migrations instead of reading the folder. */
interface Migratable {
  readonly dialect: PgDialect;
  readonly session: PgSession;
}

/**
 * Wraps an open PGlite instance (in memory, a data folder, or one loaded from a dump) as a
 * {@link Database}. Its `migrate()` applies the migrations shipped inside the package, so it
 * needs no file system: the same code migrates in Node and in a browser, and records them in
 * drizzle's table exactly as the folder-based migrator does.
 */
export function pgliteDatabase(client: PGlite): Database {
  const db = drizzle({ client, schema });
  return {
    kind: 'pglite',
    db,
    async migrate() {
      const { dialect, session } = db as unknown as Migratable;
      const config: MigrationConfig = { migrationsFolder: '' };
      await dialect.migrate(MIGRATIONS as MigrationMeta[], session, config);
    },
    close: () => client.close(),
  };
}
