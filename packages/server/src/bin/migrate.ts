/**
 * `pnpm --filter @orgkit/server migrate`: applies pending migrations to `DATABASE_URL`, or to the
 * PGlite folder `ORGKIT_DATA_DIR` (default `./.orgkit-data`).
 */
import { openDatabase } from '../db/database.js';
import { configFromEnv } from '../env.js';

const config = configFromEnv();
const database = await openDatabase(config.database);
await database.migrate();
await database.close();
console.log(`migrations applied (${config.database.kind})`);
