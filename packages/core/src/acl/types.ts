/** A resource instance. */
export interface ResourceRef {
  readonly type: string;
  readonly id: string;
}

/** Who an ACL grant names. E-mail principals are notified, never granted access. */
export type Principal =
  | { readonly kind: 'user'; readonly id: string }
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'email'; readonly email: string };

/** A grant on a resource: a list of actions, or a role whose actions on that type apply. */
export interface AclGrant {
  readonly resource: ResourceRef;
  readonly principal: Principal;
  readonly actions?: readonly string[];
  readonly role?: string;
}

/**
 * What an ACL decision needs about one resource and one subject. Resources are identified by
 * `(org, type, id)`: the chain and the grants are those of `orgId`'s resource.
 */
export interface AclQuery {
  /** The resource, then its ancestors nearest first (a directory and its parents), in `orgId`. */
  readonly chain: readonly ResourceRef[];
  /** Grants on any resource of the chain, in `orgId` (others are ignored). */
  readonly grants: readonly AclGrant[];
  readonly userId: string;
  /**
   * Groups of the subject in the org that owns the resource and its ancestors, counting only
   * groups of orgs the subject is a member of.
   */
  readonly groupIds: readonly string[];
  /** The org that owns the resource; role grants resolve there. */
  readonly orgId: string;
}
