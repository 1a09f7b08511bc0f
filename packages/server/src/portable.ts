/**
 * `@orgkit/server/portable` — the Orgkit app for any JavaScript runtime with Web APIs (a browser,
 * a worker, Node): the same routes, store and rules as `@orgkit/server`, with no Node-only module
 * imported. Pass a `passwordHasher`; there is no default logger, SMTP or Redis (give `logger`,
 * `mail.transport` or `rateLimits.redis` to use them). Open the database with {@link pgliteDatabase}.
 *
 * @packageDocumentation
 */
import { buildOrgkitApp, type CreateAppInput, type OrgkitApp } from './app.js';

export { type Access, createAccess } from './access/access.js';
export { OPENAPI_INFO, type OrgkitApp } from './app.js';
export type { PasswordHasher } from './auth/password.js';
export type { AppEnv, Principal, ServerDeps } from './context.js';
export { pgliteDatabase } from './db/pglite.js';
export type { Database, Db } from './db/types.js';
export { DEMO_PASSWORD, type DemoAccount, seedDemo } from './demo/seed-demo.js';
export { ApiError, type FieldError } from './errors/api-error.js';
export { ErrorCode } from './errors/error-codes.js';
export { type Logger, silentLogger } from './log.js';
export type { Mailer, MailMessage, MailTransport } from './mail/mailer.js';
export type { OrgkitAppOptions } from './options.js';
export { orgkitSettings } from './settings/orgkit-settings.js';
export { createStore, type Store } from './store/store.js';

/**
 * Creates the Orgkit HTTP app without Node-only modules: the app of `@orgkit/server` with the
 * hasher you pass and no default transports.
 *
 * @example
 * const pglite = new PGlite();
 * const database = pgliteDatabase(pglite);
 * await database.migrate();
 * const app = createOrgkitApp({ database, passwordHasher, logger: false });
 * const response = await app.fetch(new Request('http://localhost/v1/me'));
 */
export function createOrgkitApp(input: CreateAppInput): OrgkitApp {
  return buildOrgkitApp(input, {});
}
export { generateToken, sha256 } from './lib/tokens.js';
