import { z } from '@hono/zod-openapi';
import { type AclQuery, describeExplanation, type ExplainReason, explain } from '@orgkit/core';
import type { Context } from 'hono';
import type { JSONValue } from 'hono/utils/types';
import { actorOf, type OrgAccess } from '../../access/access.js';
import { requireOrgPermission } from '../../access/require.js';
import { aclKey, allowedOn, loadAclQueries, loadAclQuery } from '../../access/resource-access.js';
import type { AppEnv } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import type { Store } from '../../store/store.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';

/** Batch permission checks and "why" explanations. */
export const accessCheckRoutes = createRouter();

const ResourceRefSchema = z.strictObject({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(200),
});
const Check = z.strictObject({
  permission: z.string().min(3).max(130),
  resource: ResourceRefSchema.optional(),
});

/**
 * The access of the subject of a check: the caller, or (with `access:explain`) another user.
 * Another user who cannot see the org gets an access with no permission rather than a 404, and
 * so does an id no user has: both answer "denied", so guessed ids tell nothing about who exists.
 */
async function subjectAccess(
  c: Context<AppEnv>,
  store: Store,
  orgId: string,
  userId: string | undefined,
): Promise<{ access: OrgAccess | undefined; userId: string }> {
  const principal = requirePrincipal(c);
  if (!userId || userId === principal.user.id) {
    const access = await c.var.deps.access.resolve(store, actorOf(principal), orgId);
    if (!access) throw notFound('Organization');
    return { access, userId: principal.user.id };
  }
  await requireOrgPermission(c, orgId, 'access:explain', store);
  const user = await store.users.findById(userId);
  if (!user) return { access: undefined, userId };
  return { access: await c.var.deps.access.resolve(store, { user }, orgId), userId };
}

/** A reason that names where a role is held (the org, or an ancestor it is inherited from). */
const heldIn = (r: ExplainReason): string | undefined =>
  r.kind === 'role' || r.kind === 'condition-unmet' ? r.orgId : undefined;

/**
 * Reasons the caller may see when explaining another user: roles held in other orgs (ancestors
 * the access is inherited from) are shown only where the caller may read the members; the rest
 * are folded into one `inherited` reason that names no org, role or group.
 */
async function visibleReasons(
  c: Context<AppEnv>,
  store: Store,
  orgId: string,
  reasons: readonly ExplainReason[],
): Promise<ExplainReason[] | (ExplainReason | { kind: 'inherited' })[]> {
  const principal = requirePrincipal(c);
  const others = [...new Set(reasons.map(heldIn).filter((id) => id && id !== orgId))] as string[];
  const hidden = new Set<string>();
  for (const id of others) {
    const access = await c.var.deps.access.resolve(store, actorOf(principal), id);
    if (!access?.permissions.has('members:read')) hidden.add(id);
  }
  if (hidden.size === 0) return [...reasons];
  const shown = reasons.filter((r) => !hidden.has(heldIn(r) ?? ''));
  return [...shown, { kind: 'inherited' as const }];
}

function unknownPermissions(
  access: OrgAccess,
  permissions: readonly string[],
  path: (i: number) => string,
): void {
  const errors = permissions.flatMap((p, i) =>
    access.registry.catalog.has(p)
      ? []
      : [
          {
            in: 'json',
            path: path(i),
            message: `unknown permission "${p}"`,
            code: 'unknown_permission',
          },
        ],
  );
  if (errors.length > 0)
    throw new ApiError(422, ErrorCode.UNKNOWN_PERMISSION, 'Unknown permissions.', { errors });
}

const checkRoute = defineRoute({
  operationId: 'checkAccess',
  method: 'post',
  path: '/organizations/{orgId}/access/check',
  tags: ['access'],
  summary: 'Check up to 100 permissions at once, optionally on resource instances',
  description: 'For the caller, or for `userId` with `access:explain`. Answers in the order asked.',
  security: AUTHENTICATED,
  request: {
    params: z.object({ orgId: z.string().min(1).max(100) }),
    body: jsonBody(
      z.strictObject({
        userId: z.string().min(1).max(100).optional(),
        checks: z.array(Check).min(1).max(100),
      }),
    ),
  },
  responses: {
    200: json(
      z
        .object({ results: z.array(Check.extend({ allowed: z.boolean() })) })
        .openapi('AccessCheckResults'),
      'One result per check',
    ),
    ...problems(403),
  },
});

accessCheckRoutes.openapi(checkRoute, async (c) => {
  const { orgId } = c.req.valid('param');
  const body = c.req.valid('json');
  const { store } = c.var.deps;
  const { access, userId } = await subjectAccess(c, store, orgId, body.userId);
  const reference = access ?? (await requireOrgPermission(c, orgId, 'access:explain'));
  unknownPermissions(
    reference,
    body.checks.map((k) => k.permission),
    (i) => `checks.${i}.permission`,
  );
  const acl = access
    ? await loadAclQueries(
        store,
        access,
        userId,
        body.checks.flatMap((k) => (k.resource ? [k.resource] : [])),
      )
    : new Map<string, AclQuery>();
  const results = body.checks.map((check) => {
    let allowed = false;
    if (access) {
      allowed = check.resource
        ? allowedOn(access, check.permission, acl.get(aclKey(check.resource))!)
        : access.permissions.has(check.permission as never);
    }
    return { ...check, allowed };
  });
  return c.json({ results }, 200);
});

const explainRoute = defineRoute({
  operationId: 'explainAccess',
  method: 'get',
  path: '/organizations/{orgId}/access/explain',
  tags: ['access'],
  summary:
    'Why a user may or may not do something: roles, groups, inherited orgs, conditions, ACL grants',
  description:
    'Your own decisions need nothing more; another user’s need `access:explain`, and roles they hold in organizations whose members you may not read are shown as one `inherited` reason.',
  security: AUTHENTICATED,
  request: {
    params: z.object({ orgId: z.string().min(1).max(100) }),
    query: z.object({
      permission: z.string().min(3).max(130),
      userId: z.string().min(1).max(100).optional(),
      resourceType: z.string().min(1).max(64).optional(),
      resourceId: z.string().min(1).max(200).optional(),
    }),
  },
  responses: {
    200: json(
      z
        .object({
          allowed: z.boolean(),
          permission: z.string(),
          orgId: z.string(),
          userId: z.string(),
          reasons: z.array(z.record(z.string(), z.unknown())),
          summary: z.array(z.string()),
        })
        .openapi('Explanation'),
      'The decision and every reason behind it',
    ),
    ...problems(403),
  },
});

accessCheckRoutes.openapi(explainRoute, async (c) => {
  const { orgId } = c.req.valid('param');
  const q = c.req.valid('query');
  if ((q.resourceType === undefined) !== (q.resourceId === undefined)) {
    throw new ApiError(
      422,
      ErrorCode.VALIDATION_FAILED,
      'Give both resourceType and resourceId, or neither.',
      {
        errors: [
          {
            in: 'query',
            path: 'resourceId',
            message: 'resourceType and resourceId go together',
            code: 'incomplete',
          },
        ],
      },
    );
  }
  const { store } = c.var.deps;
  const { access, userId } = await subjectAccess(c, store, orgId, q.userId);
  if (!access) {
    const result = {
      allowed: false,
      permission: q.permission,
      orgId,
      userId,
      reasons: [{ kind: 'not-member', orgId }],
    };
    return c.json(
      {
        ...result,
        summary: [
          `Denied: ${q.permission} in org ${orgId}`,
          `- the user is not a member of ${orgId}`,
        ],
      },
      200,
    );
  }
  unknownPermissions(access, [q.permission], () => 'permission');
  const acl =
    q.resourceType && q.resourceId
      ? await loadAclQuery(store, access, userId, q.resourceType, q.resourceId)
      : undefined;
  const result = explain(access.registry, access.query, q.permission, acl);
  // An API key's scope narrows the caller's own decisions: keep explain() consistent with them.
  const allowed =
    result.allowed &&
    (acl ? allowedOn(access, q.permission, acl) : access.permissions.has(q.permission as never));
  const final = { ...result, allowed };
  const own = userId === requirePrincipal(c).user.id;
  const shown = own ? final.reasons : await visibleReasons(c, store, orgId, final.reasons);
  const known = shown.filter((r): r is ExplainReason => r.kind !== 'inherited');
  const summary = describeExplanation({ ...final, reasons: known });
  if (known.length < shown.length) {
    summary.push('- access inherited from an organization above that you cannot see');
  }
  const reasons = JSON.parse(JSON.stringify(shown)) as { [key: string]: JSONValue }[];
  return c.json({ ...final, reasons, summary }, 200);
});
