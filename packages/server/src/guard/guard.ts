import type { Catalog } from '@orgkit/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { actorOf, type OrgAccess, type Permission } from '../access/access.js';
import { aclKey, allowedOn, loadAclQueries } from '../access/resource-access.js';
import type { OrgkitApp } from '../app.js';
import { createExternalJwtVerifier } from '../auth/external-jwt.js';
import type { AppEnv, Principal, ServerDeps } from '../context.js';
import { forbidden, notFound } from '../errors/api-error.js';
import { onError } from '../errors/on-error.js';
import { authenticate, requirePrincipal } from '../middleware/authenticate.js';
import { csrfProtection } from '../middleware/csrf.js';
import { requestContext } from '../middleware/request-context.js';
import type {
  GuardCaller,
  GuardDecision,
  GuardDenied,
  GuardIdentity,
  GuardProblem,
  GuardRequirement,
  GuardResource,
} from './guard-types.js';
import {
  type GuardVariables,
  type RequirePermissionOptions,
  requirePermission,
} from './require-permission.js';

/** Options of {@link createOrgkitGuard}. */
export interface OrgkitGuardOptions<P extends string> {
  /**
   * The host's catalog, the one given to `createAccess`: it types the permissions the guard
   * accepts (`projects:deploy` compiles, a typo does not). Default: Orgkit's own catalog.
   */
  readonly catalog?: Catalog<P>;
}

/**
 * Protects a host's own routes with Orgkit: identifies the caller like Orgkit's routes do
 * (session cookie with its rotation, `Bearer ok_…` API key, the host's JWT in external mode),
 * applies the same CSRF defence to cookie-authenticated writes, and decides from the same
 * compiled permission set as `/v1/me/permissions`. Denials are the problem documents Orgkit's
 * routes answer.
 */
export interface OrgkitGuard<P extends string> {
  /**
   * Is the request allowed? Framework-neutral: give it any Web `Request`. `env` is the
   * runtime's bindings object (what `app.fetch(request, env)` receives), if it has one; the
   * Node server's `{ incoming }` lets the client IP come from the socket.
   */
  check(
    request: Request,
    requirement: GuardRequirement<P>,
    env?: unknown,
  ): Promise<GuardDecision<P>>;
  /**
   * Who is calling (or nobody), without an org; a bad credential is still a problem. `env` as
   * in {@link OrgkitGuard.check}.
   */
  identify(request: Request, env?: unknown): Promise<GuardIdentity>;
  /** Hono middleware over {@link OrgkitGuard.check}; see {@link requirePermission}. */
  requirePermission(
    permission: P | readonly P[],
    options: RequirePermissionOptions,
  ): MiddlewareHandler<{ Variables: GuardVariables<P> }>;
}

/** What the inner pipeline leaves for the guard to read. */
interface Slot {
  requirement?: GuardRequirement<string>;
  principal?: Principal | null;
  access?: OrgAccess;
}
interface SlotEnv {
  readonly orgkitGuardSlot: Slot;
}

const toUser = (principal: Principal) => ({
  id: principal.user.id,
  email: principal.user.email,
  name: principal.user.name,
});

/**
 * Creates the {@link OrgkitGuard} of an Orgkit app. Mount the app as usual; the guard shares
 * its storage, access model and auth settings.
 *
 * @example
 * const orgkit = createOrgkitApp({ database, access: createAccess({ catalog }) });
 * const guard = createOrgkitGuard(orgkit, { catalog });
 * const decision = await guard.check(request, { permission: 'projects:deploy', org: orgId });
 * if (!decision.ok) return decision.response;
 */
export function createOrgkitGuard<P extends string = Permission>(
  app: OrgkitApp,
  options: OrgkitGuardOptions<P> = {},
): OrgkitGuard<P> {
  const deps: ServerDeps = app.deps;
  if (options.catalog && options.catalog.fingerprint !== deps.access.catalog.fingerprint) {
    throw new Error(
      "createOrgkitGuard: the catalog differs from the app's (pass the catalog given to createAccess)",
    );
  }
  const { auth } = deps.options;
  const verifyJwt =
    auth.mode === 'external' && auth.external
      ? createExternalJwtVerifier(auth.external)
      : undefined;

  // The pipeline Orgkit's routes run, ending in the decision instead of a route.
  const pipeline = new Hono<AppEnv>();
  pipeline.onError(onError);
  pipeline.use('*', requestContext(deps));
  pipeline.use('*', authenticate(verifyJwt));
  pipeline.use('*', csrfProtection());
  pipeline.all('*', async (c) => {
    const slot = (c.env as SlotEnv).orgkitGuardSlot;
    const requirement = slot.requirement;
    if (!requirement) {
      slot.principal = c.var.principal;
      return c.body(null, 204);
    }
    const principal = requirePrincipal(c);
    const access = await deps.access.resolve(deps.store, actorOf(principal), requirement.org);
    if (!access) throw notFound('Organization');
    const needed = permissionsOf(requirement);
    if (!access.permissions.hasAll(needed as Permission[])) {
      throw forbidden(`You need ${needed.join(' and ')} in this organization.`);
    }
    if (requirement.resource) {
      const { type, id } = requirement.resource;
      const denied = await deniedOn(access, principal.user.id, needed, requirement.resource);
      if (denied.length > 0) throw forbidden(`You need ${denied.join(' and ')} on ${type} ${id}.`);
    }
    slot.principal = principal;
    slot.access = access;
    return c.body(null, 204);
  });

  function permissionsOf(requirement: GuardRequirement<string>): readonly string[] {
    const list =
      typeof requirement.permission === 'string'
        ? [requirement.permission]
        : requirement.permission;
    const unknown = list.filter((p) => !deps.access.catalog.has(p));
    if (list.length === 0 || unknown.length > 0) {
      throw new TypeError(
        `OrgkitGuard: ${list.length === 0 ? 'no permission given' : `unknown permissions ${unknown.join(', ')}`} (not in the app's catalog)`,
      );
    }
    return list;
  }

  /**
   * The permissions of the resource's type that its ACL (and its parents') refuses; permissions
   * of other types were decided org-wide. One query loads the ACL facts.
   */
  async function deniedOn(
    access: OrgAccess,
    userId: string,
    permissions: readonly string[],
    resource: GuardResource,
  ): Promise<string[]> {
    const own = permissions.filter((p) => p.startsWith(`${resource.type}:`));
    if (own.length === 0) return [];
    const facts = await loadAclQueries(deps.store, access, userId, [resource]);
    const acl = facts.get(aclKey(resource))!;
    return own.filter((p) => !allowedOn(access, p, acl));
  }

  async function run(request: Request, slot: Slot, env: unknown) {
    const base = env && typeof env === 'object' ? env : {};
    const response = await pipeline.fetch(request, { ...base, orgkitGuardSlot: slot });
    const headers = new Headers();
    for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
    return { response, headers };
  }

  async function denied(response: Response, headers: Headers): Promise<GuardDenied> {
    const problem = (await response.clone().json()) as GuardProblem;
    return { ok: false, status: response.status, problem, headers, response };
  }

  function caller(principal: Principal, access: OrgAccess): GuardCaller<P> {
    const permissions = access.permissions as unknown as GuardCaller<P>['permissions'];
    return {
      user: toUser(principal),
      method: principal.method,
      orgId: access.org.id,
      permissions,
      has: (permission) => access.permissions.has(permission as Permission),
      async can(permission, resource) {
        permissionsOf({ permission, org: access.org.id });
        const denied = await deniedOn(access, principal.user.id, [permission], resource);
        return denied.length === 0;
      },
    };
  }

  const guard: OrgkitGuard<P> = {
    requirePermission: (permission, options) => requirePermission(guard, permission, options),
    async check(request, requirement, env) {
      permissionsOf(requirement);
      const slot: Slot = { requirement };
      const { response, headers } = await run(request, slot, env);
      if (!slot.access || !slot.principal) return denied(response, headers);
      return { ok: true, caller: caller(slot.principal, slot.access), headers };
    },
    async identify(request, env) {
      const slot: Slot = {};
      const { response, headers } = await run(request, slot, env);
      if (slot.principal === undefined) return denied(response, headers);
      const principal = slot.principal;
      return principal
        ? { ok: true, user: toUser(principal), method: principal.method, headers }
        : { ok: true, user: null, method: null, headers };
    },
  };
  return guard;
}
