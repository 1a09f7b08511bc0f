/**
 * `pnpm start` (root): the demo host on embedded PGlite (or `DATABASE_URL`), seeded, serving the
 * built app and the Orgkit API on one port. Prints the URL and the demo accounts.
 */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DEMO_PASSWORD, openDatabase } from '@orgkit/server';
import { createDemoHost } from './host.js';
import { seedDemoHost } from './seed.js';

const port = Number(process.env.PORT ?? 5173);
const baseUrl = process.env.ORGKIT_BASE_URL ?? `http://localhost:${port}`;
const database = await openDatabase(
  process.env.DATABASE_URL
    ? { kind: 'postgres', url: process.env.DATABASE_URL }
    : {
        kind: 'pglite',
        dataDir:
          process.env.ORGKIT_DATA_DIR ?? fileURLToPath(new URL('../.orgkit-data', import.meta.url)),
      },
);
await database.migrate();
const staticDir = fileURLToPath(new URL('../dist', import.meta.url));
const { host, orgkit } = createDemoHost({ database, baseUrl, staticDir });
const accounts = await seedDemoHost(orgkit);

serve({ fetch: host.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, () => {
  console.log(`\nOrgkit demo   ${baseUrl}`);
  console.log(`API           ${baseUrl}/v1   (reference: ${baseUrl}/docs)`);
  console.log(`Dev outbox    ${baseUrl}/dev/outbox\n`);
  console.log(`Demo accounts (password: ${DEMO_PASSWORD})`);
  const list =
    accounts.length > 0
      ? accounts
      : [{ email: 'owner@northwind.demo', org: 'Northwind Partners', roles: ['owner'] }];
  for (const a of list)
    console.log(`  ${a.email.padEnd(32)} ${a.org.padEnd(20)} ${a.roles.join(', ')}`);
  console.log('');
});
