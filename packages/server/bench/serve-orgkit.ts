/**
 * One Orgkit server process for the benchmark: the bench catalog and roles, no logging, rate
 * limits off (or on and shared through Redis for the horizontal-scale run, see BENCH_RATE_LIMIT).
 *
 *   PORT=4101 DATABASE_URL=… [REDIS_URL=… BENCH_RATE_LIMIT=points] tsx bench/serve-orgkit.ts
 */
import { serve } from '@hono/node-server';
import { createAccess } from '../src/access/access.js';
import { openDatabase } from '../src/db/database.js';
import { createOrgkitApp } from '../src/node-app.js';
import { benchCatalog, benchPresetRoles } from './catalog.js';

const port = Number(process.env.PORT);
const url = process.env.DATABASE_URL!;
const points = process.env.BENCH_RATE_LIMIT ? Number(process.env.BENCH_RATE_LIMIT) : undefined;
const database = await openDatabase({
  kind: 'postgres',
  url,
  poolSize: Number(process.env.BENCH_POOL ?? 10),
});
const app = createOrgkitApp({
  database,
  logger: false,
  production: true,
  access: createAccess({ catalog: benchCatalog, presets: benchPresetRoles }),
  rateLimits:
    points === undefined
      ? { enabled: false }
      : {
          ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
          apiKey: { points, durationSeconds: 600 },
          keyPrefix: process.env.BENCH_RL_PREFIX ?? 'orgkit-bench:rl',
        },
});
await app.deps.rateLimiters.ready();
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => {
  process.send?.('ready');
  console.log(`ready ${port}`);
});
const stop = async () => {
  server.close();
  await app.deps.rateLimiters.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
