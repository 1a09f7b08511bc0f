#!/usr/bin/env node
/**
 * The standalone runner: `npx @orgkit/server` (or `pnpm --filter @orgkit/server start` in the
 * repository). Opens the database (PGlite in
 * `ORGKIT_DATA_DIR` unless `DATABASE_URL` is set), applies migrations, and serves the app.
 */
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/database.js';
import { configFromEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { createOrgkitApp } from '../node-app.js';

const config = configFromEnv();
const logger = createLogger();
const database = await openDatabase(config.database);
await database.migrate();
const app = createOrgkitApp({
  database,
  logger,
  baseUrl: config.baseUrl,
  production: config.production,
  devOutbox: config.devOutbox,
  auth: config.auth,
  mail: {
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    ...(config.mailFrom ? { from: config.mailFrom } : {}),
  },
  organizations: config.organizations,
  docs: config.docs,
  ...(config.cors ? { cors: config.cors } : {}),
  trustedProxies: config.trustedProxies,
  rateLimits: {
    ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
    onRedisError: (error) =>
      logger.warn({ err: error.message }, 'redis error (rate limits fall back to memory)'),
  },
});

if (!(await app.deps.rateLimiters.ready())) {
  logger.warn('Redis is not reachable yet: rate limits are counted per instance until it is');
}
if (app.deps.mailer.kind === 'disabled') {
  logger.warn(
    'no SMTP_URL in production: password resets, invitations and account activation are refused until mail is configured',
  );
}

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info({ port: info.port, database: database.kind }, 'orgkit server listening');
  console.log(`\nOrgkit API   ${config.baseUrl}/v1`);
  if (config.docs) console.log(`API docs     ${config.baseUrl}/docs`);
  if (config.devOutbox) console.log(`Dev outbox   ${config.baseUrl}/dev/outbox (platform admins)`);
  console.log('');
});

async function shutdown() {
  server.close();
  await app.deps.rateLimiters.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
