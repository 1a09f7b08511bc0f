import type { AclGrant, ResourceRef } from '../acl/types.js';
import type { UserStatus } from '../evaluate/types.js';
import type { RoleDefinition } from '../roles/types.js';

/** An organization in the tree. */
export interface OrgRecord {
  readonly id: string;
  readonly parentId: string | null;
  readonly name?: string;
  readonly kind?: 'partner' | 'client' | 'standard';
}

/** A user account. */
export interface UserRecord {
  readonly id: string;
  readonly status: UserStatus;
  readonly platformAdmin?: boolean;
  readonly email?: string;
}

/** A user's membership of an org with the roles held directly. */
export interface MembershipRecord {
  readonly orgId: string;
  readonly userId: string;
  readonly roles: readonly string[];
}

/**
 * A named set of members of an org; its roles apply to every member. A listed user who is not a
 * member of the group's org gets nothing from the group, there or in the orgs below it.
 */
export interface GroupRecord {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly memberIds: readonly string[];
}

/**
 * A resource instance registered for ACLs, with its parent (directory trees). A resource is
 * identified by `(orgId, type, id)`: two orgs may each have a `docs/root`, and they are different
 * resources. The parent is a resource of the same org.
 */
export interface ResourceRecord extends ResourceRef {
  readonly orgId: string;
  readonly parent?: ResourceRef | null;
}

/**
 * A resource asked about in an org: a bare `{ type, id }` is that org's resource; a record that
 * names another org (`orgId`) is another org's resource, and checks in this org deny it.
 */
export type ResourceInOrg = ResourceRef & { readonly orgId?: string };

/** An ACL grant on the resource `(orgId, resource.type, resource.id)`. */
export interface ResourceGrantRecord extends AclGrant {
  readonly orgId: string;
}

/** Everything the access model knows: plain data, so it can be seeded, cloned and compared. */
export interface AccessWorld {
  readonly orgs: readonly OrgRecord[];
  readonly users: readonly UserRecord[];
  readonly memberships: readonly MembershipRecord[];
  readonly groups: readonly GroupRecord[];
  readonly customRoles: readonly RoleDefinition<string>[];
  readonly resources: readonly ResourceRecord[];
  readonly grants: readonly ResourceGrantRecord[];
}
