import { checkRoleAssignment } from '@orgkit/core';
import type { OrgAccess } from './access.js';
import { assertOk, checkJoiningRoles } from './decisions.js';
import { checkRolesWithinCaller } from './roles.js';

/**
 * May the caller give a group `roleKeys` (replacing its current roles)? Every key must exist and
 * be assignable to groups, exclusive module levels respected, never the owner role; and the caller
 * must hold every permission of each role added or taken away (escalation guard).
 */
export function checkGroupRoles(
  access: OrgAccess,
  roleKeys: readonly string[],
  current: readonly string[] = [],
): void {
  checkJoiningRoles(roleKeys);
  assertOk(checkRoleAssignment(access.registry, access.org.id, roleKeys, 'groups'));
  const changed = [
    ...roleKeys.filter((r) => !current.includes(r)),
    ...current.filter((r) => !roleKeys.includes(r)),
  ];
  checkRolesWithinCaller(
    access,
    changed.map((key) => access.registry.get(key, access.org.id)),
  );
}

/**
 * Adding someone to a group (or taking them out, or deleting the group) gives or takes the group's
 * roles: the caller must hold every permission those roles give. Managing groups (`groups:update`)
 * thus never lets anyone join a group more powerful than themselves.
 */
export function checkGroupMembershipChange(access: OrgAccess, groupRoles: readonly string[]): void {
  checkRolesWithinCaller(
    access,
    groupRoles.map((key) => access.registry.get(key, access.org.id)),
  );
}
