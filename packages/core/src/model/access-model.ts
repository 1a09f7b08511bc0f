import {
  checkResourceAccess,
  type NotificationRecipients,
  notificationRecipients,
} from '../acl/check-resource-access.js';
import type { AclGrant, AclQuery, ResourceRef } from '../acl/types.js';
import type { Catalog } from '../catalog/define-catalog.js';
import { computePermissions } from '../evaluate/compute-permissions.js';
import { type Explanation, explain } from '../evaluate/explain.js';
import type { AccessQuery, RoleAssignment } from '../evaluate/types.js';
import type { PermissionSet } from '../permission-set/permission-set.js';
import { createRoleRegistry, type RoleRegistry } from '../roles/role-registry.js';
import type { RoleDefinition, RoleSpec } from '../roles/types.js';
import type {
  AccessWorld,
  GroupRecord,
  MembershipRecord,
  OrgRecord,
  ResourceRecord,
  UserRecord,
} from './types.js';

const refKey = (r: ResourceRef) => `${r.type}\u0000${r.id}`;

/**
 * An in-memory access model over plain records: the whole domain of DESIGN §2 that decisions
 * need. Used by tests, by the MSW mocks of `@orgkit/react`, and as a readable specification of how
 * the server assembles an {@link AccessQuery}.
 */
export class AccessModel<P extends string = string> {
  readonly catalog: Catalog<P>;
  private baseRegistry: RoleRegistry<P>;
  private roles: RoleRegistry<P>;
  private readonly orgs = new Map<string, OrgRecord>();
  private readonly users = new Map<string, UserRecord>();
  private readonly memberships = new Map<string, MembershipRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  private customRoles: RoleDefinition<string>[] = [];
  private readonly resources = new Map<string, ResourceRecord>();
  private grants: AclGrant[] = [];

  constructor(catalog: Catalog<P>, presets: readonly RoleSpec<P>[], world?: Partial<AccessWorld>) {
    this.catalog = catalog;
    this.baseRegistry = createRoleRegistry(catalog, presets);
    this.roles = this.baseRegistry;
    for (const o of world?.orgs ?? []) this.upsertOrg(o);
    for (const u of world?.users ?? []) this.upsertUser(u);
    for (const m of world?.memberships ?? []) this.setMembership(m);
    for (const g of world?.groups ?? []) this.upsertGroup(g);
    for (const r of world?.resources ?? []) this.upsertResource(r);
    this.grants = [...(world?.grants ?? [])];
    this.setCustomRoles(world?.customRoles ?? []);
  }

  /** The role registry with the current custom roles. */
  get registry(): RoleRegistry<P> {
    return this.roles;
  }

  upsertOrg(org: OrgRecord): void {
    this.orgs.set(org.id, org);
  }
  removeOrg(orgId: string): void {
    this.orgs.delete(orgId);
  }
  org(orgId: string): OrgRecord | undefined {
    return this.orgs.get(orgId);
  }
  upsertUser(user: UserRecord): void {
    this.users.set(user.id, user);
  }
  user(userId: string): UserRecord | undefined {
    return this.users.get(userId);
  }
  setMembership(membership: MembershipRecord): void {
    this.memberships.set(`${membership.orgId}/${membership.userId}`, membership);
  }
  removeMembership(orgId: string, userId: string): void {
    this.memberships.delete(`${orgId}/${userId}`);
    for (const g of this.groups.values()) {
      if (g.orgId === orgId && g.memberIds.includes(userId)) {
        this.groups.set(g.id, { ...g, memberIds: g.memberIds.filter((id) => id !== userId) });
      }
    }
  }
  membership(orgId: string, userId: string): MembershipRecord | undefined {
    return this.memberships.get(`${orgId}/${userId}`);
  }
  upsertGroup(group: GroupRecord): void {
    this.groups.set(group.id, group);
  }
  removeGroup(groupId: string): void {
    this.groups.delete(groupId);
  }
  setCustomRoles(roles: readonly RoleDefinition<string>[]): void {
    this.customRoles = [...roles];
    this.roles = this.baseRegistry.withCustomRoles(this.customRoles);
  }
  upsertResource(resource: ResourceRecord): void {
    this.resources.set(refKey(resource), resource);
  }
  /** Replaces every grant on one resource. */
  setGrants(resource: ResourceRef, grants: readonly AclGrant[]): void {
    const key = refKey(resource);
    this.grants = [...this.grants.filter((g) => refKey(g.resource) !== key), ...grants];
  }
  grantsOn(resource: ResourceRef): AclGrant[] {
    const key = refKey(resource);
    return this.grants.filter((g) => refKey(g.resource) === key);
  }

  /** Ancestors of an org, nearest first; stops on a cycle. */
  ancestors(orgId: string): string[] {
    const out: string[] = [];
    const seen = new Set([orgId]);
    let parent = this.orgs.get(orgId)?.parentId ?? null;
    while (parent !== null && !seen.has(parent)) {
      out.push(parent);
      seen.add(parent);
      parent = this.orgs.get(parent)?.parentId ?? null;
    }
    return out;
  }

  /** Groups of the user in the org and its ancestors. */
  groupsOf(userId: string, orgId: string): GroupRecord[] {
    const chain = new Set([orgId, ...this.ancestors(orgId)]);
    return [...this.groups.values()].filter(
      (g) => chain.has(g.orgId) && g.memberIds.includes(userId),
    );
  }

  /** Assembles the {@link AccessQuery} the evaluator needs, as the server does from SQL. */
  query(userId: string, orgId: string): AccessQuery {
    const user = this.users.get(userId);
    const ancestors = this.ancestors(orgId);
    const assignments: RoleAssignment[] = [];
    for (const id of [orgId, ...ancestors]) {
      for (const role of this.memberships.get(`${id}/${userId}`)?.roles ?? []) {
        assignments.push({ orgId: id, roleKey: role, source: { kind: 'direct' } });
      }
    }
    for (const g of this.groupsOf(userId, orgId)) {
      for (const role of g.roles) {
        assignments.push({
          orgId: g.orgId,
          roleKey: role,
          source: { kind: 'group', groupId: g.id, groupName: g.name },
        });
      }
    }
    return {
      subject: {
        userId,
        status: user?.status ?? 'disabled',
        platformAdmin: user?.platformAdmin === true,
      },
      orgId,
      ancestors,
      member: this.memberships.has(`${orgId}/${userId}`),
      assignments,
    };
  }

  /** The ACL facts for one resource: its chain of ancestors and the grants on it. */
  aclQuery(userId: string, orgId: string, resource: ResourceRef): AclQuery {
    const chain: ResourceRef[] = [];
    const seen = new Set<string>();
    let current: ResourceRef | null | undefined = resource;
    while (current && !seen.has(refKey(current))) {
      seen.add(refKey(current));
      chain.push({ type: current.type, id: current.id });
      current = this.resources.get(refKey(current))?.parent;
    }
    const keys = new Set(chain.map(refKey));
    return {
      chain,
      grants: this.grants.filter((g) => keys.has(refKey(g.resource))),
      userId,
      groupIds: this.groupsOf(userId, orgId).map((g) => g.id),
      orgId,
    };
  }

  /** Effective permissions of a user in an org. */
  permissions(userId: string, orgId: string): PermissionSet<P> {
    return computePermissions(this.roles, this.query(userId, orgId));
  }

  /** DESIGN §3 `allowed(user, org, permission, resource?)`. */
  allowed(userId: string, orgId: string, permission: P, resource?: ResourceRef): boolean {
    const permissions = this.permissions(userId, orgId);
    if (!resource) return permissions.has(permission);
    return checkResourceAccess(
      this.roles,
      permissions,
      permission,
      this.aclQuery(userId, orgId, resource),
    );
  }

  /** Why `allowed` answers what it answers. */
  explain(userId: string, orgId: string, permission: P, resource?: ResourceRef): Explanation {
    return explain(
      this.roles,
      this.query(userId, orgId),
      permission,
      resource && this.aclQuery(userId, orgId, resource),
    );
  }

  /** Who is notified about a resource (seed 002). */
  notificationRecipients(resource: ResourceRef): NotificationRecipients {
    const { chain, grants } = this.aclQuery('', '', resource);
    return notificationRecipients(chain, grants, (id) => this.groups.get(id)?.memberIds ?? []);
  }

  /** A snapshot of every record. */
  toWorld(): AccessWorld {
    return {
      orgs: [...this.orgs.values()],
      users: [...this.users.values()],
      memberships: [...this.memberships.values()],
      groups: [...this.groups.values()],
      customRoles: [...this.customRoles],
      resources: [...this.resources.values()],
      grants: [...this.grants],
    };
  }
}
