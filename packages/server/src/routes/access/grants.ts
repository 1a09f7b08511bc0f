import { z } from '@hono/zod-openapi';
import { type AclGrant, notificationRecipients } from '@orgkit/core';
import { requireOrgPermission } from '../../access/require.js';
import { loadAclQuery, requireAclType, unchangeableActions } from '../../access/resource-access.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, forbidden, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { GrantInput, GrantSchema, ResourceParams, toAclGrant } from './schemas.js';

/** Reading and replacing the grants of a resource; its notification recipients. */
export const grantRoutes = createRouter();

/** A grant as the API shows it; `inheritedFrom` is set when it sits on an ancestor. */
function toGrantView(g: AclGrant, resourceId: string) {
  return {
    principal: g.principal,
    ...(g.actions ? { actions: [...g.actions] } : {}),
    ...(g.role ? { role: g.role } : {}),
    inheritedFrom: g.resource.id === resourceId ? null : g.resource,
  };
}

const GrantList = z.object({ grants: z.array(GrantSchema) }).openapi('GrantList');

const getGrants = defineRoute({
  operationId: 'getResourceGrants',
  method: 'get',
  path: '/organizations/{orgId}/resources/{type}/{resourceId}/grants',
  tags: ['access'],
  summary: 'Grants on a resource, including those inherited from its ancestors',
  description:
    'Needs `access:read`. Direct grants and those inherited from ancestors, each marked with where it comes from.',
  security: AUTHENTICATED,
  request: { params: ResourceParams },
  responses: {
    200: json(GrantList, 'Direct grants first, then inherited ones nearest first'),
    ...problems(403),
  },
});

grantRoutes.openapi(getGrants, async (c) => {
  const { orgId, type, resourceId } = c.req.valid('param');
  const { store } = c.var.deps;
  const access = await requireOrgPermission(c, orgId, 'access:read');
  requireAclType(access.registry, type);
  const chain = await store.resources.chain(orgId, type, resourceId);
  const grants = await store.resources.grantsOn(orgId, type, chain);
  const depth = new Map(chain.map((id, i) => [id, i]));
  const sorted = [...grants].sort((a, b) => depth.get(a.resource.id)! - depth.get(b.resource.id)!);
  return c.json(
    {
      grants: sorted.map((g) => toGrantView(g, resourceId)),
    },
    200,
  );
});

const putGrants = defineRoute({
  operationId: 'setResourceGrants',
  method: 'put',
  path: '/organizations/{orgId}/resources/{type}/{resourceId}/grants',
  tags: ['access'],
  summary: 'Replace the grants on a resource (share dialog)',
  description:
    'Needs `access:manage`, and every action given or taken away must be one the caller may perform on this resource (escalation guard). Users must be members of the org and groups belong to it; e-mail principals are notified only.',
  security: AUTHENTICATED,
  request: {
    params: ResourceParams,
    body: jsonBody(z.strictObject({ grants: z.array(GrantInput).max(200) })),
  },
  responses: {
    200: json(GrantList, 'The grants now on the resource'),
    ...problems(403, 409),
  },
});

grantRoutes.openapi(putGrants, async (c) => {
  const { orgId, type, resourceId } = c.req.valid('param');
  const body = c.req.valid('json');
  const actor = requirePrincipal(c);
  const saved = await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'access:manage', tx);
    const actions = requireAclType(access.registry, type);
    if (!(await tx.resources.get(orgId, type, resourceId))) throw notFound('Resource');
    const grants = body.grants.map((g) => toAclGrant(type, resourceId, g));
    const bad: { in: string; path: string; message: string; code: string }[] = [];
    const userIds = grants.flatMap((g) => (g.principal.kind === 'user' ? [g.principal.id] : []));
    const groupIds = grants.flatMap((g) => (g.principal.kind === 'group' ? [g.principal.id] : []));
    const members = new Set(await tx.resources.membersAmong(orgId, userIds));
    const groups = new Set(await tx.resources.groupsIn(orgId, groupIds));
    grants.forEach((g, i) => {
      const p = g.principal;
      if (p.kind === 'user' && !members.has(p.id)) {
        bad.push({
          in: 'json',
          path: `grants.${i}.principal.id`,
          message: 'not a member of this organization',
          code: 'unknown_user',
        });
      }
      if (p.kind === 'group' && !groups.has(p.id)) {
        bad.push({
          in: 'json',
          path: `grants.${i}.principal.id`,
          message: 'not a group of this organization',
          code: 'unknown_group',
        });
      }
      for (const a of g.actions ?? []) {
        if (!actions.includes(a)) {
          bad.push({
            in: 'json',
            path: `grants.${i}.actions`,
            message: `"${a}" is not an action of ${type}`,
            code: 'unknown_action',
          });
        }
      }
      if (g.role !== undefined && !access.registry.get(g.role, orgId)) {
        bad.push({
          in: 'json',
          path: `grants.${i}.role`,
          message: `unknown role "${g.role}"`,
          code: 'unknown_role',
        });
      }
    });
    if (bad.length > 0)
      throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Some grants are invalid.', {
        errors: bad,
      });
    const before = await tx.resources.grantsOn(orgId, type, [resourceId]);
    const acl = await loadAclQuery(tx, access, actor.user.id, type, resourceId);
    const unchangeable = unchangeableActions(access, acl, type, grants, before);
    if (unchangeable.length > 0) {
      throw forbidden(
        `You can only give or take away access you have on this ${type}; not: ${unchangeable.join(', ')}.`,
      );
    }
    await tx.resources.replaceGrants(orgId, type, resourceId, grants);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'resource.grants_replaced',
      targetType: type,
      targetId: resourceId,
      description: `Access to ${type} ${resourceId} changed (${grants.length} grant${grants.length === 1 ? '' : 's'})`,
      before: before.map(({ principal, actions: a, role }) => ({ principal, actions: a, role })),
      after: grants.map(({ principal, actions: a, role }) => ({ principal, actions: a, role })),
    });
    return grants;
  });
  return c.json(
    {
      grants: saved.map((g) => toGrantView(g, resourceId)),
    },
    200,
  );
});

const Recipients = z
  .object({
    users: z.array(z.object({ id: z.string(), email: z.string(), name: z.string() })),
    emails: z.array(z.string()),
  })
  .openapi('NotificationRecipients');

const getRecipients = defineRoute({
  operationId: 'listResourceRecipients',
  method: 'get',
  path: '/organizations/{orgId}/resources/{type}/{resourceId}/recipients',
  tags: ['access'],
  summary: 'Who is notified about a resource: users, group members and bare e-mail addresses',
  description:
    'Needs `access:read`. Everyone a notification about the resource goes to: users granted directly, members of granted groups, and e-mail addresses without an account.',
  security: AUTHENTICATED,
  request: { params: ResourceParams },
  responses: { 200: json(Recipients, 'Notification recipients'), ...problems(403) },
});

grantRoutes.openapi(getRecipients, async (c) => {
  const { orgId, type, resourceId } = c.req.valid('param');
  const { store } = c.var.deps;
  const access = await requireOrgPermission(c, orgId, 'access:read');
  requireAclType(access.registry, type);
  const chain = await store.resources.chain(orgId, type, resourceId);
  const grants = await store.resources.grantsOn(orgId, type, chain);
  const groupIds = grants.flatMap((g) => (g.principal.kind === 'group' ? [g.principal.id] : []));
  const members = await store.resources.groupMembers(groupIds);
  const resolved = notificationRecipients(
    chain.map((id) => ({ type, id })),
    grants,
    (id) => members.get(id) ?? [],
  );
  const users = (await store.resources.usersByIds(resolved.userIds)).filter(
    (u) => u.status === 'active',
  );
  return c.json(
    {
      users: users.map(({ id, email, name }) => ({ id, email, name })),
      emails: [...resolved.emails],
    },
    200,
  );
});
