import type { Context, MiddlewareHandler } from 'hono';
import type { OrgkitGuard } from './guard.js';
import type { GuardCaller, GuardResource } from './guard-types.js';

/** A value of a requirement, fixed or read from the request (a path parameter, a header). */
export type FromContext<T> = T | ((c: Context) => T | undefined);

/** Where {@link requirePermission} finds the org and the resource of a request. */
export interface RequirePermissionOptions {
  /** The org id, e.g. `(c) => c.req.param('orgId')`. */
  readonly org: FromContext<string>;
  /** The resource, e.g. `(c) => ({ type: 'projects', id: c.req.param('projectId') })`. */
  readonly resource?: FromContext<GuardResource>;
}

/** The Hono variables {@link requirePermission} sets: `c.var.orgkit` is the allowed caller. */
export interface GuardVariables<P extends string> {
  orgkit: GuardCaller<P>;
}

const read = <T>(c: Context, value: FromContext<T> | undefined): T | undefined =>
  typeof value === 'function' ? (value as (c: Context) => T | undefined)(c) : value;

/**
 * Hono middleware for a host route: lets the request through when the caller has `permission`
 * in the org (and on the resource, when given), with the caller in `c.var.orgkit`; otherwise
 * answers Orgkit's problem document (401, 403 or 404). Cookies set while authenticating (a
 * session rotated after a privilege change) are passed on either way.
 *
 * @example
 * host.post('/api/orgs/:orgId/projects/:projectId/deploy',
 *   requirePermission(guard, 'projects:deploy', {
 *     org: (c) => c.req.param('orgId'),
 *     resource: (c) => ({ type: 'projects', id: c.req.param('projectId')! }),
 *   }),
 *   (c) => c.json({ deployedBy: c.var.orgkit.user.email }));
 */
export function requirePermission<P extends string>(
  guard: OrgkitGuard<P>,
  permission: P | readonly P[],
  options: RequirePermissionOptions,
): MiddlewareHandler<{ Variables: GuardVariables<P> }> {
  return async (c, next) => {
    const org = read(c, options.org) ?? '';
    const resource = read(c, options.resource);
    const decision = await guard.check(
      c.req.raw,
      { permission, org, ...(resource ? { resource } : {}) },
      c.env,
    );
    if (!decision.ok) return decision.response;
    c.set('orgkit', decision.caller);
    await next();
    const cookies = decision.headers.getSetCookie();
    if (cookies.length === 0) return;
    // The handler's response may be immutable (a fetched one): copy it before adding cookies.
    c.res = new Response(c.res.body, c.res);
    for (const cookie of cookies) c.res.headers.append('set-cookie', cookie);
  };
}
