import { z } from '@hono/zod-openapi';
import {
  checkGroupMembershipChange,
  checkGroupRoles,
  checkHeldLevels,
} from '../../access/groups.js';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { notFound } from '../../errors/api-error.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { checkOrgMembers } from './groups.js';
import {
  GroupDetailSchema,
  GroupParams,
  RolesField,
  toGroupDetail,
  UserIdsField,
} from './schemas.js';

/** A group's members (`groups:update`) and its roles (`groups:assign_roles`). */
export const groupMemberRoutes = createRouter();

const MembersBody = jsonBody(z.strictObject({ userIds: UserIdsField }));

const membershipRoute = (method: 'put' | 'post' | 'delete', operationId: string, summary: string) =>
  defineRoute({
    operationId,
    method,
    path: '/organizations/{orgId}/groups/{groupId}/members',
    tags: ['groups'],
    summary,
    description:
      '`groups:update`. Users must be members of the organization. Joining or leaving a group gives or takes its roles, so the caller must hold every permission those roles give.',
    security: AUTHENTICATED,
    request: { params: GroupParams, body: MembersBody },
    responses: {
      200: json(GroupDetailSchema, 'The group with its members'),
      ...problems(403),
    },
  });

const setMembers = membershipRoute('put', 'setGroupMembers', 'Replace the members of a group');
const addMembers = membershipRoute('post', 'addGroupMembers', 'Add members to a group');
const removeMembers = membershipRoute(
  'delete',
  'removeGroupMembers',
  'Remove members from a group',
);

type Change = (current: string[], userIds: string[]) => string[];

const changes: Record<'put' | 'post' | 'delete', Change> = {
  put: (_current, userIds) => userIds,
  post: (current, userIds) => [...current, ...userIds.filter((u) => !current.includes(u))],
  delete: (current, userIds) => current.filter((u) => !userIds.includes(u)),
};

for (const [route, method] of [
  [setMembers, 'put'],
  [addMembers, 'post'],
  [removeMembers, 'delete'],
] as const) {
  groupMemberRoutes.openapi(route, async (c) => {
    const { orgId, groupId } = c.req.valid('param');
    const userIds = [...new Set(c.req.valid('json').userIds)];
    const detail = await c.var.deps.store.transaction(async (tx) => {
      const access = await requireOrgPermission(c, orgId, 'groups:update', tx);
      const group = await tx.groups.get(orgId, groupId);
      if (!group) throw notFound('Group');
      if (method !== 'delete') await checkOrgMembers(tx, orgId, userIds);
      const before = (await tx.groups.members(groupId)).map((m) => m.userId);
      const next = changes[method](before, userIds);
      const changed = [
        ...next.filter((u) => !before.includes(u)),
        ...before.filter((u) => !next.includes(u)),
      ];
      if (changed.length > 0) {
        checkGroupMembershipChange(access, group.roles);
        const joining = next.filter((u) => !before.includes(u));
        await checkHeldLevels(tx, access, joining, { groupId, groupRoles: group.roles });
        await tx.groups.setMembers(groupId, next);
        for (const userId of changed) await tx.sessions.requireRotation(userId);
        await tx.audit.record(auditActor(c), {
          orgId,
          action: 'group.members_changed',
          targetType: 'group',
          targetId: groupId,
          description: `Members of group ${group.name} changed (${changed.length})`,
          before: { userIds: before },
          after: { userIds: next },
        });
      }
      const after = (await tx.groups.get(orgId, groupId))!;
      return toGroupDetail(after, await tx.groups.members(groupId));
    });
    return c.json(detail, 200);
  });
}

const setRoles = defineRoute({
  operationId: 'setGroupRoles',
  method: 'put',
  path: '/organizations/{orgId}/groups/{groupId}/roles',
  tags: ['groups'],
  summary: 'Replace the roles of a group',
  description:
    '`groups:assign_roles` (managing a group does not include assigning its roles). Roles must be assignable to groups, at most one per exclusive module, never the owner role; the caller must hold every permission of each role added or removed. Takes effect for every member at once.',
  security: AUTHENTICATED,
  request: { params: GroupParams, body: jsonBody(z.strictObject({ roles: RolesField })) },
  responses: { 200: json(GroupDetailSchema, 'Updated'), ...problems(403, 409) },
});

groupMemberRoutes.openapi(setRoles, async (c) => {
  const { orgId, groupId } = c.req.valid('param');
  const roles = [...new Set(c.req.valid('json').roles)];
  const detail = await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'groups:assign_roles', tx);
    const before = await tx.groups.get(orgId, groupId);
    if (!before) throw notFound('Group');
    checkGroupRoles(access, roles, before.roles);
    const members = await tx.groups.members(groupId);
    await checkHeldLevels(
      tx,
      access,
      members.map((m) => m.userId),
      { groupId, groupRoles: roles },
    );
    await tx.groups.setRoles(groupId, roles);
    for (const m of members) await tx.sessions.requireRotation(m.userId);
    const after = (await tx.groups.get(orgId, groupId))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'group.roles_updated',
      targetType: 'group',
      targetId: groupId,
      description: `Roles of group ${after.name}: ${roles.join(', ') || '(none)'}`,
      before: { roles: before.roles },
      after: { roles: after.roles },
    });
    return toGroupDetail(after, members);
  });
  return c.json(detail, 200);
});
