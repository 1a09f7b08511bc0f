import type { Access } from './access/access.js';
import type { ClientIpResolver } from './auth/client-ip.js';
import type { PasswordHasher } from './auth/password.js';
import type { Database } from './db/database.js';
import type { DeferredWork } from './lib/deferred.js';
import type { Logger } from './log.js';
import type { Mailer } from './mail/mailer.js';
import type { ResolvedOptions } from './options.js';
import type { RateLimiters } from './rate-limit/rate-limiter.js';
import type { Store } from './store/store.js';
import type { ApiKeyRow, Session, User } from './store/users.js';

/** Everything handlers need, built once per app. */
export interface ServerDeps {
  readonly options: ResolvedOptions;
  readonly database: Database;
  readonly store: Store;
  readonly mailer: Mailer;
  readonly passwords: PasswordHasher;
  readonly access: Access;
  readonly logger: Logger;
  readonly rateLimiters: RateLimiters;
  readonly clientIps: ClientIpResolver;
  readonly deferred: DeferredWork;
}

/** How the caller proved who they are. */
export type Principal =
  | { readonly method: 'session'; readonly user: User; readonly session: Session }
  | { readonly method: 'api_key'; readonly user: User; readonly apiKey: ApiKeyRow }
  | { readonly method: 'jwt'; readonly user: User };

/** The Hono environment of every Orgkit route. */
export interface AppEnv {
  Variables: {
    deps: ServerDeps;
    log: Logger;
    /** The authenticated caller, or null. Set by the auth middleware. */
    principal: Principal | null;
    /** The client's IP address (see `trustedProxies`), or null when unknown. */
    clientIp: string | null;
  };
}
