/**
 * @orgkit/server — the Orgkit reference backend: a Hono app factory (`createOrgkitApp`) that a host
 * mounts or serves, with storage (Drizzle on PGlite or Postgres), auth, roles, groups, API keys,
 * settings, mail and audit.
 *
 * @packageDocumentation
 */
export {
  type Access,
  type AccessOptions,
  createAccess,
  type OrgAccess,
  type Permission,
} from './access/access.js';
export { type AppPlatform, OPENAPI_INFO, type OrgkitApp } from './app.js';
export type { PasswordHasher } from './auth/password.js';
export type { AppEnv, Principal, ServerDeps } from './context.js';
export {
  type Database,
  type DatabaseConfig,
  type Db,
  MIGRATIONS_FOLDER,
  openDatabase,
} from './db/database.js';
export { DEMO_PASSWORD, type DemoAccount, seedDemo } from './demo/seed-demo.js';
export { configFromEnv, type EnvConfig } from './env.js';
export { ApiError, type FieldError } from './errors/api-error.js';
export { ErrorCode } from './errors/error-codes.js';
export {
  createOrgkitGuard,
  type OrgkitGuard,
  type OrgkitGuardOptions,
} from './guard/guard.js';
export type {
  GuardAllowed,
  GuardCaller,
  GuardDecision,
  GuardDenied,
  GuardIdentity,
  GuardMethod,
  GuardProblem,
  GuardRequirement,
  GuardResource,
  GuardUser,
} from './guard/guard-types.js';
export { checkNode, nodeRequest } from './guard/node-request.js';
export {
  type FromContext,
  type GuardVariables,
  type RequirePermissionOptions,
  requirePermission,
} from './guard/require-permission.js';
export type { Logger } from './log.js';
export type { Mailer, MailMessage, MailTransport } from './mail/mailer.js';
export { createOrgkitApp } from './node-app.js';
export type {
  AuthOptions,
  CorsOptions,
  ExternalJwtOptions,
  MailOptions,
  OrganizationOptions,
  OrgkitAppOptions,
  PasswordHashingOptions,
} from './options.js';
export { orgkitSettings } from './settings/orgkit-settings.js';
export { createStore, type Store } from './store/store.js';
