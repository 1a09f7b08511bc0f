import { checkExclusiveLevels, checkRoleAssignment } from '@orgkit/core';
import type { Store } from '../store/store.js';
import type { OrgAccess } from './access.js';
import { assertOk } from './decisions.js';
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
  // core refuses the owner role on groups, with the other assignment rules
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

/** What changes for the users checked by {@link checkHeldLevels}. */
export interface LevelChange {
  /** The member's new direct roles (a member role update). */
  readonly directRoles?: readonly string[];
  /** A group whose roles are replaced by `groupRoles` for these users (joining or a role change). */
  readonly groupId?: string;
  readonly groupRoles?: readonly string[];
}

/**
 * Exclusive module levels over everything each user will hold in the org: direct roles
 * and the roles of all their groups together, so level 1 held directly and level 2 through a
 * group is refused like two direct levels are.
 */
export async function checkHeldLevels(
  store: Store,
  access: OrgAccess,
  userIds: readonly string[],
  change: LevelChange,
): Promise<void> {
  const orgId = access.org.id;
  for (const userId of new Set(userIds)) {
    const held = await store.members.assignments(userId, [orgId]);
    const direct =
      change.directRoles ?? held.filter((a) => a.source.kind === 'direct').map((a) => a.roleKey);
    const viaGroups = held
      .filter((a) => a.source.kind === 'group' && a.source.groupId !== change.groupId)
      .map((a) => a.roleKey);
    assertOk(
      checkExclusiveLevels(access.registry, orgId, [
        ...direct,
        ...viaGroups,
        ...(change.groupRoles ?? []),
      ]),
    );
  }
}
