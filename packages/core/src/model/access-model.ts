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
  ResourceGrantRecord,
  ResourceInOrg,
  ResourceRecord,
  UserRecord,
} from './types.js';

/** A resource of an org: resources are identified by `(org, type, id)`. */
const refKey = (orgId: string, r: ResourceRef) => `${orgId}\u0000${r.type}\u0000${r.id}`;

/**
 * An in-memory access model over plain records: the whole domain of architecture §2 that decisions
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
  /** Group ids by member id, so a check reads only the user's groups. */
  private readonly groupsByMember = new Map<string, Set<string>>();
  private customRoles: RoleDefinition<string>[] = [];
  private readonly resources = new Map<string, ResourceRecord>();
  /** Grants by the key of the resource they sit on, with that resource's org. */
  private readonly grants = new Map<string, { orgId: string; list: AclGrant[] }>();

  constructor(catalog: Catalog<P>, presets: readonly RoleSpec<P>[], world?: Partial<AccessWorld>) {
    this.catalog = catalog;
    this.baseRegistry = createRoleRegistry(catalog, presets);
    this.roles = this.baseRegistry;
    for (const o of world?.orgs ?? []) this.upsertOrg(o);
    for (const u of world?.users ?? []) this.upsertUser(u);
    for (const m of world?.memberships ?? []) this.setMembership(m);
    for (const g of world?.groups ?? []) this.upsertGroup(g);
    for (const r of world?.resources ?? []) this.upsertResource(r);
    for (const g of world?.grants ?? []) this.addGrant(g);
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
    for (const id of [...(this.groupsByMember.get(userId) ?? [])]) {
      const g = this.groups.get(id);
      if (g?.orgId === orgId) {
        this.upsertGroup({ ...g, memberIds: g.memberIds.filter((m) => m !== userId) });
      }
    }
  }
  membership(orgId: string, userId: string): MembershipRecord | undefined {
    return this.memberships.get(`${orgId}/${userId}`);
  }
  upsertGroup(group: GroupRecord): void {
    this.removeGroup(group.id);
    this.groups.set(group.id, group);
    for (const userId of group.memberIds) {
      let ids = this.groupsByMember.get(userId);
      if (!ids) {
        ids = new Set();
        this.groupsByMember.set(userId, ids);
      }
      ids.add(group.id);
    }
  }
  removeGroup(groupId: string): void {
    const old = this.groups.get(groupId);
    if (!old) return;
    this.groups.delete(groupId);
    for (const userId of old.memberIds) {
      const ids = this.groupsByMember.get(userId);
      ids?.delete(groupId);
      if (ids?.size === 0) this.groupsByMember.delete(userId);
    }
  }
  setCustomRoles(roles: readonly RoleDefinition<string>[]): void {
    this.customRoles = [...roles];
    this.roles = this.baseRegistry.withCustomRoles(this.customRoles);
  }
  upsertResource(resource: ResourceRecord): void {
    this.resources.set(refKey(resource.orgId, resource), resource);
  }
  private addGrant({ orgId, ...grant }: ResourceGrantRecord): void {
    const key = refKey(orgId, grant.resource);
    const entry = this.grants.get(key);
    if (entry) entry.list.push(grant);
    else this.grants.set(key, { orgId, list: [grant] });
  }
  /** Replaces every grant on one resource of an org. */
  setGrants(orgId: string, resource: ResourceRef, grants: readonly AclGrant[]): void {
    const key = refKey(orgId, resource);
    this.grants.delete(key);
    for (const g of grants) {
      this.addGrant({ ...g, orgId, resource: { type: resource.type, id: resource.id } });
    }
  }
  /** The grants on one resource of an org. */
  grantsOn(orgId: string, resource: ResourceRef): AclGrant[] {
    return [...(this.grants.get(refKey(orgId, resource))?.list ?? [])];
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

  /**
   * Groups of the user in the org and its ancestors, counting only groups of orgs the user is a
   * member of: a group's roles (and ACL grants to it) apply to members of the group's org.
   */
  groupsOf(userId: string, orgId: string, ancestors = this.ancestors(orgId)): GroupRecord[] {
    const ids = this.groupsByMember.get(userId);
    if (!ids) return [];
    const chain = new Set([orgId, ...ancestors]);
    const out: GroupRecord[] = [];
    for (const id of ids) {
      const g = this.groups.get(id);
      if (g && chain.has(g.orgId) && this.memberships.has(`${g.orgId}/${userId}`)) out.push(g);
    }
    return out;
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
    for (const g of this.groupsOf(userId, orgId, ancestors)) {
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

  /**
   * The ACL facts for one resource of `orgId`: its chain of ancestors in that org and the grants
   * on them; the user's groups of that org and its ancestors.
   */
  aclQuery(userId: string, orgId: string, resource: ResourceRef): AclQuery {
    const chain: ResourceRef[] = [];
    const grants: AclGrant[] = [];
    const seen = new Set<string>();
    let current: ResourceRef | null | undefined = resource;
    while (current && !seen.has(refKey(orgId, current))) {
      const key = refKey(orgId, current);
      seen.add(key);
      chain.push({ type: current.type, id: current.id });
      const on = this.grants.get(key);
      if (on) for (const g of on.list) grants.push(g);
      current = this.resources.get(key)?.parent;
    }
    return {
      chain,
      grants,
      userId,
      groupIds: this.groupsOf(userId, orgId).map((g) => g.id),
      orgId,
    };
  }

  /** Effective permissions of a user in an org. */
  permissions(userId: string, orgId: string): PermissionSet<P> {
    return computePermissions(this.roles, this.query(userId, orgId));
  }

  /**
   * architecture §3 `allowed(user, org, permission, resource?)`. The resource is one of `orgId`'s; a
   * resource that names another org (a {@link ResourceRecord}) is denied.
   */
  allowed(userId: string, orgId: string, permission: P, resource?: ResourceInOrg): boolean {
    const permissions = this.permissions(userId, orgId);
    if (!resource) return permissions.has(permission);
    if (resource.orgId !== undefined && resource.orgId !== orgId) return false;
    return checkResourceAccess(
      this.roles,
      permissions,
      permission,
      this.aclQuery(userId, orgId, resource),
    );
  }

  /** Why `allowed` answers what it answers. */
  explain(userId: string, orgId: string, permission: P, resource?: ResourceInOrg): Explanation {
    const query = this.query(userId, orgId);
    if (resource?.orgId !== undefined && resource.orgId !== orgId) {
      const held = explain(this.roles, query, permission);
      const ref = { type: resource.type, id: resource.id };
      return {
        ...held,
        allowed: false,
        reasons: [
          ...held.reasons,
          { kind: 'resource-other-org', resource: ref, resourceOrgId: resource.orgId },
        ],
      };
    }
    return explain(
      this.roles,
      query,
      permission,
      resource && this.aclQuery(userId, orgId, resource),
    );
  }

  /** Who is notified about a resource of an org. */
  notificationRecipients(orgId: string, resource: ResourceRef): NotificationRecipients {
    const { chain, grants } = this.aclQuery('', orgId, resource);
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
      grants: [...this.grants.values()].flatMap(({ orgId, list }) =>
        list.map((g) => ({ orgId, ...g })),
      ),
    };
  }
}
