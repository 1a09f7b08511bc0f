import { buildOrgkitApp, type CreateAppInput, type OrgkitApp } from './app.js';
import { createArgon2idHasher } from './auth/argon2.js';
import { createLogger } from './logger.js';
import { smtpTransport } from './mail/smtp-transport.js';
import { connectRedis } from './rate-limit/redis-client.js';
import { locateScalarBundle } from './routes/scalar-bundle.js';

/**
 * Creates the Orgkit HTTP app: `/v1/*` JSON API, `/v1/openapi.json`, `/docs`, and — only when
 * `devOutbox` is on, never in production — `/dev/outbox` for platform admins. Mount it in a host
 * with `host.route('/', app)` or serve it directly.
 * Passwords are hashed with argon2id unless `passwordHasher` is given; logs go to pino; SMTP and
 * Redis are connected when `mail.smtpUrl` / `rateLimits.redisUrl` are set.
 *
 * @example
 * const database = await openDatabase({ kind: 'pglite', dataDir: './.orgkit-data' });
 * await database.migrate();
 * const app = createOrgkitApp({ database });
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createOrgkitApp(input: CreateAppInput): OrgkitApp {
  return buildOrgkitApp(input, {
    passwordHasher: createArgon2idHasher,
    logger: createLogger,
    smtpTransport,
    connectRedis,
    scalarBundle: locateScalarBundle,
  });
}
