import type { PermissionSet } from '@orgkit/core';
import type { Permission } from './register.js';
import type { Role } from './types.js';

/**
 * The roles the viewer may give a member (or a group): assignable to them, not the owner role (it moves
 * only by transfer), and giving nothing the viewer lacks — every permission a role can give, in
 * either scope, conditional or not, as the server's escalation guard counts them.
 */
export function grantableRoles(
  roles: readonly Role[],
  viewer: PermissionSet<Permission> | undefined,
  target: 'members' | 'groups' = 'members',
  ownerRole = 'owner',
): ReadonlySet<string> {
  const out = new Set<string>();
  if (!viewer) return out;
  for (const role of roles) {
    if (role.key === ownerRole || (role.assignable !== 'both' && role.assignable !== target))
      continue;
    const { self, descendants } = role.permissions;
    const given = [
      ...self.permissions,
      ...descendants.permissions,
      ...self.conditional.map((c) => c.permission),
      ...descendants.conditional.map((c) => c.permission),
    ];
    if (given.every((p) => viewer.has(p as Permission))) out.add(role.key);
  }
  return out;
}
