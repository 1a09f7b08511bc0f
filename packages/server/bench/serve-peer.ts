/**
 * The better-auth peer server: its handler served by @hono/node-server like ours, so both pay
 * the same HTTP layer.
 *
 *   PORT=4201 DATABASE_URL=… tsx bench/serve-peer.ts
 */
import { serve } from '@hono/node-server';
import { createPeerAuth, peerPool } from './peer-auth.js';

const port = Number(process.env.PORT);
const pool = peerPool(process.env.DATABASE_URL!, Number(process.env.BENCH_POOL ?? 10));
const auth = createPeerAuth(pool);
const server = serve({ fetch: auth.handler, port, hostname: '127.0.0.1' }, () => {
  process.send?.('ready');
  console.log(`ready ${port}`);
});
const stop = async () => {
  server.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
