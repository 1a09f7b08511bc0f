import { testBit } from '../permission-set/bits.js';
import type { PermissionSet } from '../permission-set/permission-set.js';
import type { RoleRegistry } from '../roles/role-registry.js';
import type { AclGrant, AclQuery, ResourceRef } from './types.js';

const sameResource = (a: ResourceRef, b: ResourceRef) => a.type === b.type && a.id === b.id;

function inChain(chain: readonly ResourceRef[], ref: ResourceRef): boolean {
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
    if (c.id === ref.id && c.type === ref.type) return true;
  }
  return false;
}

/**
 * The actions a grant gives on resources of `type`: its listed actions, or, for a grant naming a
 * role, the role's unconditional `self` actions on that type. A role's conditional (⭐) actions
 * never pass through an ACL grant, whatever the holder's other permissions.
 */
export function grantActions(
  registry: RoleRegistry,
  grant: AclGrant,
  type: string,
  orgId: string,
): readonly string[] {
  if (grant.actions) return grant.actions;
  if (grant.role === undefined) return [];
  const role = registry.get(grant.role, orgId);
  if (!role) return [];
  const catalog = registry.catalog;
  return catalog
    .permissionsOf(type)
    .filter((p) => testBit(role.self.unconditional, catalog.indexOf(p)))
    .map((p) => p.slice(type.length + 1));
}

/** Does the grant name the subject (directly or through one of its groups)? */
export function grantNamesSubject(
  grant: AclGrant,
  userId: string,
  groupIds: readonly string[],
): boolean {
  const p = grant.principal;
  return (p.kind === 'user' && p.id === userId) || (p.kind === 'group' && groupIds.includes(p.id));
}

/** A grant that lets the subject perform an action, with the chain position it sits on. */
export interface MatchingGrant {
  readonly grant: AclGrant;
  /** 0 when on the resource itself, n when on its n-th ancestor. */
  readonly depth: number;
}

/** Grants of the chain that name the subject and include `action`, nearest first. */
export function matchingGrants(
  registry: RoleRegistry,
  action: string,
  type: string,
  acl: AclQuery,
): MatchingGrant[] {
  // One pass over the grants (those naming the subject, by resource), then one over the chain.
  const byResource = new Map<string, AclGrant[]>();
  for (const grant of acl.grants) {
    if (!grantNamesSubject(grant, acl.userId, acl.groupIds)) continue;
    const key = `${grant.resource.type}\u0000${grant.resource.id}`;
    const list = byResource.get(key);
    if (list) list.push(grant);
    else byResource.set(key, [grant]);
  }
  const out: MatchingGrant[] = [];
  const seen = new Set<string>();
  acl.chain.forEach((ref, depth) => {
    const key = `${ref.type}\u0000${ref.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const grant of byResource.get(key) ?? []) {
      if (grantActions(registry, grant, type, acl.orgId).includes(action))
        out.push({ grant, depth });
    }
  });
  return out;
}

/**
 * Rule 4 of `allowed` (architecture §3) for one resource instance. The permission must already be held (rules 1–3);
 * then, when the resource type is ACL-controlled, the subject needs `<type>:all` or a grant on the
 * resource or one of its ancestors naming them or one of their groups with the action.
 */
export function checkResourceAccess<P extends string>(
  registry: RoleRegistry<P>,
  permissions: PermissionSet<P>,
  permission: P,
  acl: AclQuery,
): boolean {
  if (!permissions.has(permission)) return false;
  const leaf = acl.chain[0];
  const colon = permission.indexOf(':');
  const type = permission.slice(0, colon);
  if (!leaf || leaf.type !== type) return false;
  const info = registry.catalog.resources.get(type);
  if (!info?.acl) return true;
  if (permissions.has(`${type}:all` as P)) return true;
  const action = permission.slice(colon + 1);
  // Hot path: one pass over the grants, cheapest test first; explain() uses matchingGrants.
  const keys =
    acl.chain.length > 16 ? new Set(acl.chain.map((r) => `${r.type}\u0000${r.id}`)) : undefined;
  for (const grant of acl.grants) {
    if (!grantNamesSubject(grant, acl.userId, acl.groupIds)) continue;
    if (
      keys
        ? !keys.has(`${grant.resource.type}\u0000${grant.resource.id}`)
        : !inChain(acl.chain, grant.resource)
    )
      continue;
    const actions = grant.actions ?? grantActions(registry as RoleRegistry, grant, type, acl.orgId);
    if (actions.includes(action)) return true;
  }
  return false;
}

/** Who is notified about a resource: users, members of groups and bare e-mail addresses. */
export interface NotificationRecipients {
  readonly userIds: readonly string[];
  readonly emails: readonly string[];
}

/**
 * Resolves the notification recipients of a resource from the grants on it and its ancestors
 * ("Notifications are sent to all users within the ACL list, regardless the user role.
 * E-mail addresses can also be added").
 */
export function notificationRecipients(
  chain: readonly ResourceRef[],
  grants: readonly AclGrant[],
  groupMembers: (groupId: string) => readonly string[],
): NotificationRecipients {
  const userIds = new Set<string>();
  const emails = new Set<string>();
  for (const grant of grants) {
    if (!chain.some((ref) => sameResource(ref, grant.resource))) continue;
    const p = grant.principal;
    if (p.kind === 'user') userIds.add(p.id);
    else if (p.kind === 'group') for (const id of groupMembers(p.id)) userIds.add(id);
    else emails.add(p.email.toLowerCase());
  }
  return { userIds: [...userIds], emails: [...emails] };
}
