import { z } from '@hono/zod-openapi';
import type { RoleSpec } from '@orgkit/core';
import { checkJoiningRoles } from '../../access/decisions.js';
import { requireOrgPermission } from '../../access/require.js';
import {
  checkHolderLevels,
  checkHoldersStillValid,
  checkRoleSpec,
  checkRolesWithinCaller,
  dependentRoles,
} from '../../access/roles.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, conflict, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import type { Store } from '../../store/store.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { roleSpec } from './roles.js';
import { RoleFields, RoleParams, RoleSchema, toRole } from './schemas.js';

/** Editing and deleting custom roles; presets are read-only. */
export const manageRoleRoutes = createRouter();

/** The stored custom role, or 409 for a preset and 404 for an unknown key. */
async function customRole(tx: Store, registryHasPreset: boolean, orgId: string, key: string) {
  const row = await tx.roles.find(orgId, key);
  if (row) return row;
  if (registryHasPreset) {
    throw conflict(ErrorCode.PRESET_ROLE_READONLY, `"${key}" is a preset role: it cannot change.`);
  }
  throw notFound('Role');
}

const updateRole = defineRoute({
  operationId: 'updateRole',
  method: 'patch',
  path: '/organizations/{orgId}/roles/{key}',
  tags: ['roles'],
  summary: 'Edit a custom role',
  description:
    'Fields left out keep their value; `null` clears. The caller must hold every permission the role gives before and after the edit, and that of every custom role extending it. Current holders must stay valid (assignability, exclusive module levels).',
  security: AUTHENTICATED,
  request: {
    params: RoleParams,
    body: jsonBody(z.strictObject({ ...RoleFields, name: RoleFields.name.optional() })),
  },
  responses: { 200: json(RoleSchema, 'Updated'), ...problems(403, 409) },
});

manageRoleRoutes.openapi(updateRole, async (c) => {
  const { orgId, key } = c.req.valid('param');
  const patch = c.req.valid('json');
  const updated = await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'roles:update', tx);
    const isPreset = access.registry.presets.some((p) => p.key === key);
    const row = await customRole(tx, isPreset, orgId, key);
    const before = access.registry.definition(key, orgId)!;
    const merged = {
      name: patch.name ?? row.name,
      description: patch.description === undefined ? row.description : patch.description,
      module: patch.module === undefined ? row.module : patch.module,
      assignable:
        patch.assignable ?? (row.assignable as 'members' | 'groups' | 'both' | null) ?? undefined,
      extends: patch.extends === undefined ? row.extends : patch.extends,
      self: patch.self ?? (row.self as RoleSpec<string>['self']),
      descendants: patch.descendants ?? (row.descendants as RoleSpec<string>['descendants']),
      remove:
        patch.remove === undefined
          ? (row.remove as RoleSpec<string>['remove'] | null)
          : patch.remove,
    };
    const { spec, fields } = roleSpec(key, merged);
    const { registry, role } = checkRoleSpec(access, spec);
    checkRolesWithinCaller(access, [
      access.registry.get(key, orgId),
      role,
      ...dependentRoles(access.registry, orgId, key),
      ...dependentRoles(registry, orgId, key),
    ]);
    const members = await tx.roles.memberHolders(orgId, key);
    const groups = await tx.roles.groupHolders(orgId, key);
    checkHoldersStillValid(registry, orgId, { members, groups });
    await checkHolderLevels(tx, registry, orgId, key);
    const after = await tx.roles.update(orgId, key, fields);
    for (const m of members) await tx.sessions.requireRotation(m.userId);
    const counts = { members: members.length, groups: groups.length };
    const json = toRole(registry, role.definition, role, counts, after);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'role.updated',
      targetType: 'role',
      targetId: key,
      description: `Role ${json.name} (${key}) updated`,
      before: toRole(access.registry, before, access.registry.get(key, orgId)!, counts, row),
      after: json,
    });
    return json;
  });
  return c.json(updated, 200);
});

const deleteRole = defineRoute({
  operationId: 'deleteRole',
  method: 'delete',
  path: '/organizations/{orgId}/roles/{key}',
  tags: ['roles'],
  summary: 'Delete a custom role',
  description:
    'Refused with 409 `ROLE_IN_USE` while members or groups hold it or pending invitations offer it, unless `reassignTo` names a role that every holder (and invitation) moves to in the same transaction (the caller must be able to give that role and take this one). Refused while another custom role extends it.',
  security: AUTHENTICATED,
  request: {
    params: RoleParams,
    query: z.object({ reassignTo: z.string().min(1).max(64).optional() }),
  },
  responses: { 204: { description: 'Deleted' }, ...problems(403, 409) },
});

manageRoleRoutes.openapi(deleteRole, async (c) => {
  const { orgId, key } = c.req.valid('param');
  const { reassignTo } = c.req.valid('query');
  await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'roles:delete', tx);
    const { registry } = access;
    const isPreset = registry.presets.some((p) => p.key === key);
    const row = await customRole(tx, isPreset, orgId, key);
    const role = registry.get(key, orgId)!;
    const dependents = dependentRoles(registry, orgId, key);
    if (dependents.length > 0) {
      throw conflict(
        ErrorCode.ROLE_IN_USE,
        `Roles ${dependents.map((d) => d.key).join(', ')} extend "${key}".`,
      );
    }
    const members = await tx.roles.memberHolders(orgId, key);
    const groups = await tx.roles.groupHolders(orgId, key);
    const pending = await tx.roles.pendingInvitations(orgId, key);
    const inUse = members.length + groups.length + pending.length > 0;
    if (inUse && !reassignTo) {
      throw conflict(
        ErrorCode.ROLE_IN_USE,
        `"${key}" is held by ${members.length} member(s) and ${groups.length} group(s) and offered by ${pending.length} pending invitation(s); pass reassignTo.`,
        {
          holders: { members: members.length, groups: groups.length, invitations: pending.length },
        },
      );
    }
    if (inUse && reassignTo) {
      if (reassignTo === key || !registry.definition(reassignTo, orgId)) {
        throw new ApiError(422, ErrorCode.UNKNOWN_ROLE, `Cannot reassign to "${reassignTo}".`, {
          errors: [
            { in: 'query', path: 'reassignTo', message: 'unknown role', code: 'unknown_role' },
          ],
        });
      }
      checkJoiningRoles([reassignTo]);
      const swap = (roles: string[]) => [
        ...new Set(roles.map((r) => (r === key ? reassignTo : r))),
      ];
      checkHoldersStillValid(registry, orgId, {
        members: [...members, ...pending].map((m) => ({ roles: swap(m.roles) })),
        groups: groups.map((g) => ({ roles: swap(g.roles) })),
      });
      await checkHolderLevels(tx, registry, orgId, key, reassignTo);
      checkRolesWithinCaller(access, [role, registry.get(reassignTo, orgId)]);
      await tx.roles.reassign(orgId, key, reassignTo);
    } else {
      checkRolesWithinCaller(access, [role]);
    }
    await tx.roles.delete(orgId, key);
    for (const m of members) await tx.sessions.requireRotation(m.userId);
    const counts = { members: members.length, groups: groups.length };
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'role.deleted',
      targetType: 'role',
      targetId: key,
      description: inUse
        ? `Role ${row.name} (${key}) deleted; its holders now have ${reassignTo}`
        : `Role ${row.name} (${key}) deleted`,
      before: toRole(registry, role.definition, role, counts, row),
      after: inUse ? { reassignedTo: reassignTo, ...counts, invitations: pending.length } : null,
    });
  });
  return c.body(null, 204);
});
