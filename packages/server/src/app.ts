import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Redis } from 'ioredis';
import { type Access, createAccess } from './access/access.js';
import { createClientIpResolver } from './auth/client-ip.js';
import { createExternalJwtVerifier } from './auth/external-jwt.js';
import { assertHasherAllowed, type PasswordHasher } from './auth/password.js';
import type { AppEnv, ServerDeps } from './context.js';
import { ApiError } from './errors/api-error.js';
import { defaultHook } from './errors/default-hook.js';
import { ErrorCode } from './errors/error-codes.js';
import { onError } from './errors/on-error.js';
import { createDeferredWork } from './lib/deferred.js';
import { type Logger, silentLogger } from './log.js';
import { createMailer, type MailTransport } from './mail/mailer.js';
import { authenticate } from './middleware/authenticate.js';
import { corsPolicy } from './middleware/cors.js';
import { csrfProtection } from './middleware/csrf.js';
import { unmatchedRequest } from './middleware/method-not-allowed.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestContext } from './middleware/request-context.js';
import { type OrgkitAppOptions, type PasswordHashingOptions, resolveOptions } from './options.js';
import { createRateLimiters } from './rate-limit/rate-limiter.js';
import { accessCheckRoutes } from './routes/access/check.js';
import { grantRoutes } from './routes/access/grants.js';
import { listResourceRoutes } from './routes/access/list-resources.js';
import { resourceRoutes } from './routes/access/resources.js';
import { myApiKeyRoutes } from './routes/api-keys/my-api-keys.js';
import { orgApiKeyRoutes } from './routes/api-keys/org-api-keys.js';
import { auditRoutes } from './routes/audit/audit-events.js';
import { passwordResetRoutes } from './routes/auth/password-reset.js';
import { sessionRoutes } from './routes/auth/session.js';
import { signUpInRoutes } from './routes/auth/sign-up-in.js';
import { outboxRoutes } from './routes/dev/outbox.js';
import { docsRoutes } from './routes/docs.js';
import { groupMemberRoutes } from './routes/groups/group-members.js';
import { groupRoutes } from './routes/groups/groups.js';
import { acceptInvitationRoutes } from './routes/invitations/accept-invitation.js';
import { manageInvitationRoutes } from './routes/invitations/manage-invitations.js';
import { meRoutes } from './routes/me/me.js';
import { listMemberRoutes } from './routes/members/list-members.js';
import { manageMemberRoutes } from './routes/members/manage-members.js';
import { openApiDocument } from './routes/openapi-document.js';
import { hierarchyRoutes } from './routes/organizations/hierarchy.js';
import { listOrganizationRoutes } from './routes/organizations/list-organizations.js';
import { organizationRoutes } from './routes/organizations/organizations.js';
import { transferOwnershipRoutes } from './routes/organizations/transfer-ownership.js';
import { manageRoleRoutes } from './routes/roles/manage-roles.js';
import { permissionRoutes } from './routes/roles/permissions.js';
import { roleRoutes } from './routes/roles/roles.js';
import { orgSettingRoutes } from './routes/settings/org-settings.js';
import { platformSettingRoutes } from './routes/settings/platform-settings.js';
import { createStore } from './store/store.js';

/** The Hono app returned by {@link createOrgkitApp}, with its dependencies for embedding hosts. */
export type OrgkitApp = OpenAPIHono<AppEnv> & { readonly deps: ServerDeps };

export { OPENAPI_INFO } from './routes/openapi-document.js';

/**
 * The Node-only pieces of an app, supplied by the Node entry (`@orgkit/server`) and absent from
 * the portable one (`@orgkit/server/portable`), so the portable module graph imports no Node-only
 * module. Each is used only when its option asks for it.
 */
export interface AppPlatform {
  /** The password hasher when none is passed (argon2id in Node). */
  readonly passwordHasher?: (cost: Required<PasswordHashingOptions>) => PasswordHasher;
  /** The logger when none is passed (pino in Node). */
  readonly logger?: () => Logger;
  /** The transport for `mail.smtpUrl`. */
  readonly smtpTransport?: (url: string) => MailTransport;
  /** The client for `rateLimits.redisUrl`. */
  readonly connectRedis?: (url: string) => Redis;
  /** Finds the API reference bundle served at `/docs/scalar.js` (undefined: not installed). */
  readonly scalarBundle?: () => (() => Promise<string>) | undefined;
}

/** Options of an app: {@link OrgkitAppOptions} and an access layer to share between apps. */
export type CreateAppInput = OrgkitAppOptions & {
  access?: Access;
  /** Middleware run first on every request, before the app's own (tracing, test worlds). */
  middleware?: readonly MiddlewareHandler<AppEnv>[];
};

/**
 * Builds the Orgkit HTTP app on `platform`: `/v1/*` JSON API, `/v1/openapi.json`, `/docs`, and —
 * only when `devOutbox` is on, never in production — `/dev/outbox` for platform admins. Hosts
 * call `createOrgkitApp` of the Node or portable entry.
 */
export function buildOrgkitApp(input: CreateAppInput, platform: AppPlatform): OrgkitApp {
  const options = resolveOptions(input);
  const store = createStore(input.database.db);
  const passwords = input.passwordHasher ?? platform.passwordHasher?.(options.auth.passwordHashing);
  if (!passwords) {
    throw new Error(
      'Pass passwordHasher: the portable entry has no argon2id (the Node entry @orgkit/server does).',
    );
  }
  assertHasherAllowed(passwords, options.production);
  const logger =
    input.logger === false
      ? silentLogger()
      : (input.logger ?? platform.logger?.() ?? silentLogger());
  const deps: ServerDeps = {
    options,
    database: input.database,
    store,
    mailer: createMailer(options.mail, store, options.production, platform.smtpTransport),
    passwords,
    access: input.access ?? createAccess(),
    logger,
    rateLimiters: createRateLimiters(input.rateLimits, platform.connectRedis),
    deferred: createDeferredWork(logger),
    clientIps: createClientIpResolver(options.trustedProxies),
  };
  const verifyJwt =
    options.auth.mode === 'external' && options.auth.external
      ? createExternalJwtVerifier(options.auth.external)
      : undefined;

  const app = new OpenAPIHono<AppEnv>({ defaultHook });
  app.onError(onError);
  app.notFound(unmatchedRequest(() => app.routes));

  for (const handler of input.middleware ?? []) app.use('*', handler);
  app.use('*', requestContext(deps));
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined }));
  app.use(
    '*',
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: () => {
        throw new ApiError(
          413,
          ErrorCode.PAYLOAD_TOO_LARGE,
          `Request bodies are limited to ${options.bodyLimitBytes} bytes.`,
        );
      },
    }),
  );
  // Preflights are answered before authentication; listed origins are the CSRF-trusted ones.
  if (options.cors) app.use('/v1/*', corsPolicy(options.cors));
  app.use('/v1/*', authenticate(verifyJwt));
  if (options.devOutbox) app.use('/dev/*', authenticate(verifyJwt));
  app.use('/v1/*', csrfProtection());
  app.use('/v1/*', rateLimit(deps.rateLimiters));

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: options.auth.cookieName,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (`ok_…`) or, in external mode, the host application’s JWT.',
  });

  app.route('/v1', signUpInRoutes);
  app.route('/v1', sessionRoutes);
  app.route('/v1', passwordResetRoutes);
  app.route('/v1', meRoutes);
  app.route('/v1', listOrganizationRoutes);
  app.route('/v1', organizationRoutes);
  app.route('/v1', transferOwnershipRoutes);
  app.route('/v1', listMemberRoutes);
  app.route('/v1', manageMemberRoutes);
  app.route('/v1', manageInvitationRoutes);
  app.route('/v1', acceptInvitationRoutes);
  app.route('/v1', auditRoutes);
  app.route('/v1', hierarchyRoutes);
  app.route('/v1', listResourceRoutes);
  app.route('/v1', resourceRoutes);
  app.route('/v1', grantRoutes);
  app.route('/v1', accessCheckRoutes);
  app.route('/v1', permissionRoutes);
  app.route('/v1', roleRoutes);
  app.route('/v1', manageRoleRoutes);
  app.route('/v1', groupRoutes);
  app.route('/v1', groupMemberRoutes);
  app.route('/v1', myApiKeyRoutes);
  app.route('/v1', orgApiKeyRoutes);
  app.route('/v1', orgSettingRoutes);
  app.route('/v1', platformSettingRoutes);

  app.get('/v1/openapi.json', (c) => c.json(openApiDocument(app)));
  if (options.docs) app.route('/', docsRoutes(platform.scalarBundle));
  if (options.devOutbox) app.route('/', outboxRoutes);

  return Object.assign(app, { deps });
}
