/**
 * `npm start`: the host backend on embedded PGlite (in memory unless `DATA_DIR` is set), with
 * Orgkit's demo accounts, serving the built app from `dist/`.
 */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { DEMO_PASSWORD, openDatabase, seedDemo } from '@orgkit/server';
import { createHost } from './host.js';

const port = Number(process.env.PORT ?? 3000);
const baseUrl = `http://127.0.0.1:${port}`;
const database = await openDatabase({
  kind: 'pglite',
  ...(process.env.DATA_DIR ? { dataDir: process.env.DATA_DIR } : {}),
});
await database.migrate();
const { host, orgkit } = createHost({
  database,
  baseUrl,
  staticDir: fileURLToPath(new URL('../dist', import.meta.url)),
});
const accounts = await seedDemo(orgkit.deps.store, orgkit.deps.passwords);

const server = serve({ fetch: host.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`host listening on http://127.0.0.1:${info.port}`);
  console.log(`accounts (password ${DEMO_PASSWORD}): ${accounts.map((a) => a.email).join(', ')}`);
});

const stop = () => {
  server.close();
  void database.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
