import type { SettingsSpec } from '@orgkit/core';
import type { JSONWebKeySet } from 'jose';
import { type PasswordHasher, processIsProduction } from './auth/password.js';
import type { Database } from './db/database.js';
import type { Logger } from './log.js';
import type { MailTransport } from './mail/mailer.js';
import type { RateLimitOptions } from './rate-limit/rate-limiter.js';
import { orgkitSettings } from './settings/orgkit-settings.js';

/** argon2id cost parameters (OWASP defaults in production; tests pass cheaper ones). */
export interface PasswordHashingOptions {
  /** KiB of memory. Default 19456 (19 MiB). */
  readonly memoryCost?: number;
  /** Iterations. Default 2. */
  readonly timeCost?: number;
  /** Lanes. Default 1. */
  readonly parallelism?: number;
}

/** External auth: the host's JWT identifies the user (architecture §5). */
export interface ExternalJwtOptions {
  /** A JWKS URL (fetched and cached by jose) or a key set given inline. */
  readonly jwks: string | URL | JSONWebKeySet;
  readonly issuer?: string | string[];
  readonly audience?: string | string[];
  /** Claim holding the e-mail address. Default `email`. */
  readonly emailClaim?: string;
  /** Claim holding the display name. Default `name`. */
  readonly nameClaim?: string;
}

/** Authentication options. */
export interface AuthOptions {
  /** `builtin` (e-mail + password sessions) or `external` (host JWT). Default `builtin`. */
  readonly mode?: 'builtin' | 'external';
  /** Required when `mode` is `external`. */
  readonly external?: ExternalJwtOptions;
  /** May anyone sign up with e-mail and password? Default true. */
  readonly allowSignUp?: boolean;
  /**
   * Absolute session lifetime in seconds, counted from sign-in; token rotation never extends
   * it. Default 30 days. The idle timeout is the `session_timeout_minutes` setting.
   */
  readonly sessionTtlSeconds?: number;
  /** Session cookie name. Default `orgkit_session`. */
  readonly cookieName?: string;
  /** Origins (besides the server's own) allowed to send cookie-authenticated writes. */
  readonly trustedOrigins?: readonly string[];
  readonly passwordHashing?: PasswordHashingOptions;
  /** Password reset link lifetime in seconds. Default 1 hour. */
  readonly passwordResetTtlSeconds?: number;
  /** Activation link lifetime in seconds. Default 7 days. */
  readonly activationTtlSeconds?: number;
  /**
   * Sign-ups must prove their address before they can sign in. Sign-up then answers the same
   * `202` for every address (a new one gets an activation link, a taken one a mail to its
   * owner), so it cannot be used to find out who has an account. Default false.
   */
  readonly emailVerification?: boolean;
}

/**
 * Mail delivery. Without `smtpUrl` or `transport`, mail goes to the dev outbox table outside
 * production, and mail-dependent flows are refused in production.
 */
export interface MailOptions {
  readonly smtpUrl?: string;
  /** A ready transport, e.g. a nodemailer one (takes precedence over `smtpUrl`). */
  readonly transport?: MailTransport;
  /** Sender address. Default `Orgkit <no-reply@orgkit.local>`. */
  readonly from?: string;
}

/** Organization rules. */
export interface OrganizationOptions {
  /** May any signed-in user create a top-level org? Default false (platform admins only). */
  readonly selfServe?: boolean;
  /** One org per user, or many (an org switcher). Default `multiple`. */
  readonly membership?: 'single' | 'multiple';
  /** Invitation lifetime in seconds. Default 7 days. */
  readonly invitationTtlSeconds?: number;
}

/** Options of {@link createOrgkitApp}. */
export interface OrgkitAppOptions {
  /** An open database (see `openDatabase`); migrations must already be applied. */
  readonly database: Database;
  /** Public URL of the app, used in e-mailed links. Default `http://localhost:3000`. */
  readonly baseUrl?: string;
  /**
   * Production mode: Secure cookies, no dev outbox, and mail only over SMTP (without it, flows
   * that mail links are refused). Default `NODE_ENV === 'production'`.
   */
  readonly production?: boolean;
  /**
   * Serve `GET /dev/outbox` (mail stored instead of sent when no SMTP is configured) to platform
   * admins. Off unless asked for; refused in production. For demos and tests.
   */
  readonly devOutbox?: boolean;
  /**
   * A logger (pino fits), or false to log nothing. Default: in the Node entry a pino logger at
   * `info`; in the portable entry nothing.
   */
  readonly logger?: Logger | false;
  /**
   * How passwords are hashed. Default (Node entry): argon2id with `auth.passwordHashing`. The
   * portable entry has no native argon2id and needs one passed. A hasher marked `insecure` is
   * refused in production.
   */
  readonly passwordHasher?: PasswordHasher;
  readonly auth?: AuthOptions;
  readonly mail?: MailOptions;
  readonly organizations?: OrganizationOptions;
  /** Largest accepted request body in bytes. Default 100 KiB. */
  readonly bodyLimitBytes?: number;
  /**
   * Addresses (or CIDR ranges) of the reverse proxies in front of the server. Only a request
   * whose socket peer is one of them has its `X-Forwarded-For` read, right to left, skipping
   * these proxies. Default none: the socket address is the client, whatever the headers say.
   */
  readonly trustedProxies?: readonly string[];
  /** Rate limits per IP on auth routes and per API key; Redis-backed when `redisUrl` is set. */
  readonly rateLimits?: RateLimitOptions;
  /** Resource ACL behaviour. */
  readonly acl?: AclOptions;
  /**
   * Typed setting keys with their platform defaults (the settings waterfall). Default: Orgkit's
   * (`session_timeout_minutes`, `invitation_ttl_hours`, `theme`, `allowed_email_domains`).
   */
  readonly settings?: SettingsSpec;
  /**
   * Serve the interactive API reference at `/docs` (the OpenAPI document at `/v1/openapi.json`
   * is always served). Needs the optional package `@scalar/api-reference`. Default false.
   */
  readonly docs?: boolean;
  /** Cross-origin access for browser apps on other origins; see {@link CorsOptions}. */
  readonly cors?: CorsOptions;
  /** Time source, for tests. */
  readonly now?: () => Date;
}

/**
 * CORS for a browser app served from another origin than the API (e.g. `app.example.com`
 * calling `api.example.com`). The listed origins are also trusted by the CSRF defence for
 * cookie-authenticated writes, so they are configured once. Same-origin hosts and dev proxies
 * need no CORS.
 */
export interface CorsOptions {
  /** Exact origins (`https://app.example.com`) allowed to call the API from a browser. */
  readonly origins: readonly string[];
  /**
   * Send cookies (the Orgkit session) with cross-origin requests. Default true. The session
   * cookie is `SameSite=Lax`, so cookie sessions reach the API only from same-site origins
   * (subdomains of one domain); across sites, use API keys or the host's JWT as bearer credentials.
   */
  readonly credentials?: boolean;
  /** How long browsers may cache a preflight, in seconds. Default 600. */
  readonly maxAgeSeconds?: number;
}

/** Resource ACL behaviour. */
export interface AclOptions {
  /**
   * Grants made automatically when a resource of a type is first registered, to every member
   * holding one of `roles` directly (for example, Owner and Admin are added to every new product).
   */
  readonly autoGrants?: Readonly<
    Record<string, { readonly roles: readonly string[]; readonly actions: readonly string[] }>
  >;
}

/** {@link OrgkitAppOptions} with every default applied. */
export interface ResolvedOptions {
  readonly baseUrl: string;
  readonly production: boolean;
  readonly devOutbox: boolean;
  readonly auth: Required<Omit<AuthOptions, 'external' | 'passwordHashing'>> & {
    readonly external?: ExternalJwtOptions;
    readonly passwordHashing: Required<PasswordHashingOptions>;
  };
  readonly mail: MailOptions & { readonly from: string };
  readonly organizations: Required<OrganizationOptions>;
  readonly bodyLimitBytes: number;
  readonly trustedProxies: readonly string[];
  readonly acl: Required<AclOptions>;
  readonly settings: SettingsSpec;
  readonly docs: boolean;
  readonly cors?: Required<CorsOptions>;
  readonly now: () => Date;
}

/** Applies defaults. */
export function resolveOptions(options: OrgkitAppOptions): ResolvedOptions {
  const auth = options.auth ?? {};
  if (auth.mode === 'external' && !auth.external) {
    throw new Error('auth.external is required when auth.mode is "external"');
  }
  const production = options.production ?? processIsProduction();
  if (production && options.devOutbox) {
    throw new Error('devOutbox cannot be enabled in production: it shows every mailed link');
  }
  return {
    baseUrl: (options.baseUrl ?? 'http://localhost:3000').replace(/\/$/, ''),
    production,
    devOutbox: options.devOutbox ?? false,
    auth: {
      mode: auth.mode ?? 'builtin',
      ...(auth.external ? { external: auth.external } : {}),
      allowSignUp: auth.allowSignUp ?? true,
      sessionTtlSeconds: auth.sessionTtlSeconds ?? 30 * 24 * 3600,
      cookieName: auth.cookieName ?? 'orgkit_session',
      // Origins allowed by CORS may send cookie-authenticated writes too: one list, not two.
      trustedOrigins: [
        ...new Set([...(auth.trustedOrigins ?? []), ...(options.cors?.origins ?? [])]),
      ],
      passwordResetTtlSeconds: auth.passwordResetTtlSeconds ?? 3600,
      activationTtlSeconds: auth.activationTtlSeconds ?? 7 * 24 * 3600,
      emailVerification: auth.emailVerification ?? false,
      passwordHashing: {
        memoryCost: auth.passwordHashing?.memoryCost ?? 19_456,
        timeCost: auth.passwordHashing?.timeCost ?? 2,
        parallelism: auth.passwordHashing?.parallelism ?? 1,
      },
    },
    mail: { ...options.mail, from: options.mail?.from ?? 'Orgkit <no-reply@orgkit.local>' },
    organizations: {
      selfServe: options.organizations?.selfServe ?? false,
      membership: options.organizations?.membership ?? 'multiple',
      invitationTtlSeconds: options.organizations?.invitationTtlSeconds ?? 7 * 24 * 3600,
    },
    bodyLimitBytes: options.bodyLimitBytes ?? 100 * 1024,
    trustedProxies: options.trustedProxies ?? [],
    acl: { autoGrants: options.acl?.autoGrants ?? {} },
    settings: options.settings ?? orgkitSettings,
    docs: options.docs ?? false,
    ...(options.cors ? { cors: resolveCors(options.cors) } : {}),
    now: options.now ?? (() => new Date()),
  };
}

/** Validates CORS origins (exact `scheme://host[:port]`, no wildcard) and applies defaults. */
function resolveCors(cors: CorsOptions): Required<CorsOptions> {
  for (const origin of cors.origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || origin.includes('*')) {
      throw new Error(
        `cors.origins: "${origin}" is not an origin (scheme://host[:port], no path, no wildcard)`,
      );
    }
  }
  return {
    origins: [...cors.origins],
    credentials: cors.credentials ?? true,
    maxAgeSeconds: cors.maxAgeSeconds ?? 600,
  };
}
