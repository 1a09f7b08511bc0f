/**
 * `pnpm --filter @orgkit/server seed-demo`: fills an EMPTY database (the same `DATABASE_URL` or
 * `ORGKIT_DATA_DIR` as the server) with the demo platform — a platform admin and one account per
 * preset role, all with the public demo password. Demo and test use only: the server itself
 * never creates accounts. Run it while the server is stopped when the data is a PGlite folder.
 */
import { createArgon2idHasher } from '../auth/argon2.js';
import { openDatabase } from '../db/database.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo.js';
import { configFromEnv } from '../env.js';
import { resolveOptions } from '../options.js';
import { createStore } from '../store/store.js';

const config = configFromEnv();
if (config.production) {
  console.error('seed-demo refuses to run with NODE_ENV=production: its password is public.');
  process.exit(1);
}
const database = await openDatabase(config.database);
await database.migrate();
const { passwordHashing } = resolveOptions({ database }).auth;
const accounts = await seedDemo(createStore(database.db), createArgon2idHasher(passwordHashing));
await database.close();
if (accounts.length === 0) {
  console.log('The database is not empty: nothing seeded.');
} else {
  console.log(`Demo platform seeded. Every account's password: ${DEMO_PASSWORD}`);
  for (const a of accounts) {
    console.log(`  ${a.email.padEnd(32)} ${a.org.padEnd(20)} ${a.roles.join(', ')}`);
  }
}
