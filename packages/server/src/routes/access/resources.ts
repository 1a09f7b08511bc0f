import { z } from '@hono/zod-openapi';
import type { AclGrant } from '@orgkit/core';
import { requireOrgPermission } from '../../access/require.js';
import { allowedOn, loadAclQuery, requireAclType } from '../../access/resource-access.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, conflict, forbidden, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import type { ResourceRow } from '../../store/resources.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { ResourceParams, ResourceSchema } from './schemas.js';

/** Registering ACL-controlled resource instances (directories, monitors, products…). */
export const resourceRoutes = createRouter();

const toResource = (r: ResourceRow) => ({
  orgId: r.orgId,
  type: r.type,
  id: r.id,
  parentId: r.parentId,
  createdAt: r.createdAt.toISOString(),
});

const putResource = defineRoute({
  operationId: 'upsertResource',
  method: 'put',
  path: '/organizations/{orgId}/resources/{type}/{resourceId}',
  tags: ['access'],
  summary: 'Register a resource instance, or move it under another parent',
  description:
    'Parents are resources of the same type in the same org (directory trees); grants on a parent apply to its descendants. Needs `access:manage`. On first registration the auto-grants configured for the type are made.',
  security: AUTHENTICATED,
  request: {
    params: ResourceParams,
    body: jsonBody(z.strictObject({ parentId: z.string().min(1).max(200).nullable().optional() })),
  },
  responses: {
    200: json(ResourceSchema, 'Updated'),
    201: json(ResourceSchema, 'Registered'),
    ...problems(403, 409),
  },
});

resourceRoutes.openapi(putResource, async (c) => {
  const { orgId, type, resourceId } = c.req.valid('param');
  const { parentId = null } = c.req.valid('json');
  const { store, options } = c.var.deps;
  const result = await store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'access:manage', tx);
    requireAclType(access.registry, type);
    if (parentId !== null) {
      if (!(await tx.resources.get(orgId, type, parentId))) {
        throw new ApiError(
          422,
          ErrorCode.VALIDATION_FAILED,
          'The parent is not a registered resource of this type.',
          {
            errors: [
              { in: 'json', path: 'parentId', message: 'unknown parent', code: 'unknown_parent' },
            ],
          },
        );
      }
      if ((await tx.resources.chain(orgId, type, parentId)).includes(resourceId)) {
        throw conflict(
          ErrorCode.CONFLICT,
          'A resource cannot be moved under itself or its descendants.',
        );
      }
    }
    const before = await tx.resources.upsert({ orgId, type, id: resourceId, parentId });
    const after = (await tx.resources.get(orgId, type, resourceId))!;
    if (!before) {
      const auto = options.acl.autoGrants[type];
      if (auto) {
        const holders = new Set<string>();
        for (const role of auto.roles)
          for (const id of await tx.members.holdersOf(orgId, role)) holders.add(id);
        const grants: AclGrant[] = [...holders].map((id) => ({
          resource: { type, id: resourceId },
          principal: { kind: 'user', id },
          actions: [...auto.actions],
        }));
        await tx.resources.replaceGrants(orgId, type, resourceId, grants);
      }
    }
    if (!before || before.parentId !== parentId) {
      await tx.audit.record(auditActor(c), {
        orgId,
        action: before ? 'resource.moved' : 'resource.registered',
        targetType: type,
        targetId: resourceId,
        description: before
          ? `${type} ${resourceId} moved under ${parentId ?? 'the top level'}`
          : `${type} ${resourceId} registered${parentId ? ` under ${parentId}` : ''}`,
        before: before ? toResource(before) : null,
        after: toResource(after),
      });
    }
    return { created: !before, row: after };
  });
  return c.json(toResource(result.row), result.created ? 201 : 200);
});

const getResource = defineRoute({
  operationId: 'getResource',
  method: 'get',
  path: '/organizations/{orgId}/resources/{type}/{resourceId}',
  tags: ['access'],
  summary: 'Read a registered resource and its ancestors',
  description: 'Needs `access:read`. The resource with the ids of its ancestors.',
  security: AUTHENTICATED,
  request: { params: ResourceParams },
  responses: {
    200: json(ResourceSchema.extend({ ancestors: z.array(z.string()) }), 'The resource'),
    ...problems(403),
  },
});

resourceRoutes.openapi(getResource, async (c) => {
  const { orgId, type, resourceId } = c.req.valid('param');
  const { store } = c.var.deps;
  const access = await requireOrgPermission(c, orgId, 'access:read');
  requireAclType(access.registry, type);
  const row = await store.resources.get(orgId, type, resourceId);
  if (!row) throw notFound('Resource');
  const chain = await store.resources.chain(orgId, type, resourceId);
  return c.json({ ...toResource(row), ancestors: chain.slice(1) }, 200);
});

const deleteResource = defineRoute({
  operationId: 'deleteResource',
  method: 'delete',
  path: '/organizations/{orgId}/resources/{type}/{resourceId}',
  tags: ['access'],
  summary: 'Unregister a resource and drop its grants (refused while it has children)',
  description:
    'Needs `access:manage`, and the `delete` action on this resource when its type has one. Its grants go with it; a resource with children answers 409 until they are moved or deleted.',
  security: AUTHENTICATED,
  request: { params: ResourceParams },
  responses: { 204: { description: 'Deleted' }, ...problems(403, 409) },
});

resourceRoutes.openapi(deleteResource, async (c) => {
  const { orgId, type, resourceId } = c.req.valid('param');
  await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'access:manage', tx);
    const actions = requireAclType(access.registry, type);
    const row = await tx.resources.get(orgId, type, resourceId);
    if (!row) throw notFound('Resource');
    if (actions.includes('delete')) {
      const acl = await loadAclQuery(tx, access, requirePrincipal(c).user.id, type, resourceId);
      if (!allowedOn(access, `${type}:delete`, acl)) {
        throw forbidden(`You need ${type}:delete on this resource to delete it.`);
      }
    }
    if (await tx.resources.hasChildren(orgId, type, resourceId)) {
      throw conflict(ErrorCode.CONFLICT, 'Move or delete the children of this resource first.');
    }
    const grants = await tx.resources.grantsOn(orgId, type, [resourceId]);
    await tx.resources.remove(orgId, type, resourceId);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'resource.deleted',
      targetType: type,
      targetId: resourceId,
      description: `${type} ${resourceId} unregistered`,
      before: { ...toResource(row), grants },
      after: null,
    });
  });
  return c.body(null, 204);
});
