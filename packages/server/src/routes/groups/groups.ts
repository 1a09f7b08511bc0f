import { z } from '@hono/zod-openapi';
import type { Permission } from '../../access/access.js';
import {
  checkGroupMembershipChange,
  checkGroupRoles,
  checkHeldLevels,
} from '../../access/groups.js';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, conflict, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { idempotent } from '../../middleware/idempotency.js';
import type { Store } from '../../store/store.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrgParams } from '../organizations/schemas.js';
import { PageQuery } from '../schemas.js';
import {
  GroupDetailSchema,
  GroupNameField,
  GroupParams,
  GroupSchema,
  RolesField,
  toGroup,
  toGroupDetail,
  UserIdsField,
} from './schemas.js';

/** Groups of an org: list, create, read, rename, delete. */
export const groupRoutes = createRouter();

/** 422 naming each user id that is not a member of the org. */
export async function checkOrgMembers(tx: Store, orgId: string, userIds: readonly string[]) {
  const found = await tx.groups.orgMembers(orgId, userIds);
  const errors = userIds.flatMap((id, i) =>
    found.has(id)
      ? []
      : [
          {
            in: 'json',
            path: `userIds.${i}`,
            message: 'not a member of this organization',
            code: 'not_org_member',
          },
        ],
  );
  if (errors.length > 0) {
    throw new ApiError(
      422,
      ErrorCode.NOT_ORG_MEMBER,
      'Only members of the organization can join its groups.',
      { errors },
    );
  }
}

const GroupPage = z
  .object({ items: z.array(GroupSchema), nextCursor: z.string().nullable() })
  .openapi('GroupPage');

const listGroups = defineRoute({
  operationId: 'listGroups',
  method: 'get',
  path: '/organizations/{orgId}/groups',
  tags: ['groups'],
  summary: 'List groups, by name',
  description: 'Needs `groups:read`. Sorted by name; cursor pagination.',
  security: AUTHENTICATED,
  request: { params: OrgParams, query: z.object(PageQuery) },
  responses: { 200: json(GroupPage, 'A page of groups'), ...problems(403) },
});

groupRoutes.openapi(listGroups, async (c) => {
  const { orgId } = c.req.valid('param');
  const { limit, cursor } = c.req.valid('query');
  await requireOrgPermission(c, orgId, 'groups:read');
  let after: { name: string; id: string } | undefined;
  if (cursor) {
    const d = decodeCursor(cursor, 2);
    if (!d) throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Invalid cursor.');
    after = { name: String(d[0]), id: String(d[1]) };
  }
  const rows = await c.var.deps.store.groups.list(orgId, {
    ...(after ? { after } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return c.json(
    {
      items: page.map(toGroup),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null,
    },
    200,
  );
});

const createGroup = defineRoute({
  operationId: 'createGroup',
  method: 'post',
  path: '/organizations/{orgId}/groups',
  tags: ['groups'],
  summary: 'Create a group, optionally with members and roles',
  description:
    '`groups:create`; giving roles also needs `groups:assign_roles` and passes the escalation guard. Members must belong to the organization. Honours `Idempotency-Key`.',
  security: AUTHENTICATED,
  middleware: [idempotent()] as const,
  request: {
    params: OrgParams,
    body: jsonBody(
      z.strictObject({
        name: GroupNameField,
        description: z.string().max(1000).nullable().optional(),
        memberIds: UserIdsField.optional(),
        roles: RolesField.optional(),
      }),
    ),
  },
  responses: { 201: json(GroupDetailSchema, 'Created'), ...problems(403, 409) },
});

groupRoutes.openapi(createGroup, async (c) => {
  const { orgId } = c.req.valid('param');
  const body = c.req.valid('json');
  const roles = body.roles ?? [];
  const memberIds = [...new Set(body.memberIds ?? [])];
  const needed: Permission[] = ['groups:create'];
  if (roles.length > 0) needed.push('groups:assign_roles');
  const created = await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, needed, tx);
    if (await tx.groups.nameTaken(orgId, body.name)) {
      throw conflict(ErrorCode.GROUP_NAME_TAKEN, `A group "${body.name}" already exists.`);
    }
    checkGroupRoles(access, roles);
    await checkOrgMembers(tx, orgId, memberIds);
    await checkHeldLevels(tx, access, memberIds, { groupRoles: roles });
    const row = await tx.groups.create({
      orgId,
      name: body.name,
      description: body.description ?? null,
    });
    await tx.groups.setMembers(row.id, memberIds);
    await tx.groups.setRoles(row.id, roles);
    const group = (await tx.groups.get(orgId, row.id))!;
    const detail = toGroupDetail(group, await tx.groups.members(row.id));
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'group.created',
      targetType: 'group',
      targetId: row.id,
      description: `Group ${row.name} created`,
      after: detail,
    });
    return detail;
  });
  return c.json(created, 201);
});

const getGroup = defineRoute({
  operationId: 'getGroup',
  method: 'get',
  path: '/organizations/{orgId}/groups/{groupId}',
  tags: ['groups'],
  summary: 'Read a group with its members',
  description: 'Needs `groups:read`. The group with its members.',
  security: AUTHENTICATED,
  request: { params: GroupParams },
  responses: { 200: json(GroupDetailSchema, 'The group'), ...problems(403) },
});

groupRoutes.openapi(getGroup, async (c) => {
  const { orgId, groupId } = c.req.valid('param');
  const { store } = c.var.deps;
  await requireOrgPermission(c, orgId, 'groups:read');
  const group = await store.groups.get(orgId, groupId);
  if (!group) throw notFound('Group');
  return c.json(toGroupDetail(group, await store.groups.members(groupId)), 200);
});

const updateGroup = defineRoute({
  operationId: 'updateGroup',
  method: 'patch',
  path: '/organizations/{orgId}/groups/{groupId}',
  tags: ['groups'],
  summary: 'Rename a group or change its description',
  description:
    'Needs `groups:update`. Names are unique within the organization (409 `GROUP_NAME_TAKEN`).',
  security: AUTHENTICATED,
  request: {
    params: GroupParams,
    body: jsonBody(
      z.strictObject({
        name: GroupNameField.optional(),
        description: z.string().max(1000).nullable().optional(),
      }),
    ),
  },
  responses: { 200: json(GroupSchema, 'Updated'), ...problems(403, 409) },
});

groupRoutes.openapi(updateGroup, async (c) => {
  const { orgId, groupId } = c.req.valid('param');
  const patch = c.req.valid('json');
  const updated = await c.var.deps.store.transaction(async (tx) => {
    await requireOrgPermission(c, orgId, 'groups:update', tx);
    const before = await tx.groups.get(orgId, groupId);
    if (!before) throw notFound('Group');
    if (patch.name && (await tx.groups.nameTaken(orgId, patch.name, groupId))) {
      throw conflict(ErrorCode.GROUP_NAME_TAKEN, `A group "${patch.name}" already exists.`);
    }
    await tx.groups.update(groupId, patch);
    const after = (await tx.groups.get(orgId, groupId))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'group.updated',
      targetType: 'group',
      targetId: groupId,
      description: `Group ${after.name} updated`,
      before: toGroup(before),
      after: toGroup(after),
    });
    return after;
  });
  return c.json(toGroup(updated), 200);
});

const deleteGroup = defineRoute({
  operationId: 'deleteGroup',
  method: 'delete',
  path: '/organizations/{orgId}/groups/{groupId}',
  tags: ['groups'],
  summary: 'Delete a group',
  description:
    'Its members lose the group’s roles, so the caller must hold every permission of those roles. The group’s setting overrides go with it.',
  security: AUTHENTICATED,
  request: { params: GroupParams },
  responses: { 204: { description: 'Deleted' }, ...problems(403) },
});

groupRoutes.openapi(deleteGroup, async (c) => {
  const { orgId, groupId } = c.req.valid('param');
  await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'groups:delete', tx);
    const group = await tx.groups.get(orgId, groupId);
    if (!group) throw notFound('Group');
    const members = await tx.groups.members(groupId);
    if (members.length > 0) checkGroupMembershipChange(access, group.roles);
    await tx.groups.delete(groupId);
    await tx.settings.deleteScopes('group', [groupId]);
    for (const m of members) await tx.sessions.requireRotation(m.userId);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'group.deleted',
      targetType: 'group',
      targetId: groupId,
      description: `Group ${group.name} deleted`,
      before: toGroupDetail(group, members),
    });
  });
  return c.body(null, 204);
});
