import type { DatabaseConfig } from './db/database.js';
import type { AuthOptions, CorsOptions, OrganizationOptions } from './options.js';

/** Runner settings read from the environment (see the README for the list). */
export interface EnvConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly baseUrl: string;
  readonly production: boolean;
  /** `ORGKIT_DEV_OUTBOX=true`: serve `/dev/outbox` to platform admins (never in production). */
  readonly devOutbox: boolean;
  readonly smtpUrl?: string;
  readonly mailFrom?: string;
  readonly redisUrl?: string;
  /** `ORGKIT_TRUSTED_PROXIES`: comma-separated proxy addresses or CIDR ranges. */
  readonly trustedProxies: readonly string[];
  readonly auth: AuthOptions;
  readonly organizations: OrganizationOptions;
  /** Browser origins allowed to call the API cross-origin (`ORGKIT_CORS_ORIGINS`). */
  readonly cors?: CorsOptions;
  /** Serve the API reference at `/docs` (`ORGKIT_DOCS`, default on outside production). */
  readonly docs: boolean;
}

const flag = (value: string | undefined) => value === '1' || value === 'true';

/** Reads {@link EnvConfig} from `process.env` (or the given record). */
export function configFromEnv(env: Record<string, string | undefined> = process.env): EnvConfig {
  const port = Number(env.PORT ?? 3000);
  const auth: AuthOptions = env.ORGKIT_JWKS_URL
    ? {
        mode: 'external',
        external: {
          jwks: env.ORGKIT_JWKS_URL,
          ...(env.ORGKIT_JWT_ISSUER ? { issuer: env.ORGKIT_JWT_ISSUER } : {}),
          ...(env.ORGKIT_JWT_AUDIENCE ? { audience: env.ORGKIT_JWT_AUDIENCE } : {}),
        },
      }
    : {
        allowSignUp: env.ORGKIT_ALLOW_SIGN_UP !== 'false',
        ...(env.ORGKIT_TRUSTED_ORIGINS
          ? { trustedOrigins: env.ORGKIT_TRUSTED_ORIGINS.split(',').map((s) => s.trim()) }
          : {}),
      };
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.ORGKIT_DATA_DIR ?? './.orgkit-data' },
    baseUrl: env.ORGKIT_BASE_URL ?? `http://localhost:${port}`,
    production: env.NODE_ENV === 'production',
    devOutbox: env.NODE_ENV !== 'production' && flag(env.ORGKIT_DEV_OUTBOX),
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    ...(env.MAIL_FROM ? { mailFrom: env.MAIL_FROM } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    trustedProxies: (env.ORGKIT_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    auth,
    ...(env.ORGKIT_CORS_ORIGINS
      ? { cors: { origins: env.ORGKIT_CORS_ORIGINS.split(',').map((s) => s.trim()) } }
      : {}),
    docs: env.ORGKIT_DOCS ? flag(env.ORGKIT_DOCS) : env.NODE_ENV !== 'production',
    organizations: {
      selfServe: flag(env.ORGKIT_SELF_SERVE_ORGS),
      membership: env.ORGKIT_MEMBERSHIP === 'single' ? 'single' : 'multiple',
    },
  };
}
