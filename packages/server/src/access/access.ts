import {
  type Catalog,
  computePermissions,
  createRoleRegistry,
  PermissionSet,
  type RoleDefinition,
  type RoleRegistry,
  type RoleSpec,
} from '@orgkit/core';
import { orgkitCatalog, orgkitPresetRoles } from '@orgkit/core/presets';
import type { Principal } from '../context.js';
import type { CustomRoleRow, Org } from '../store/organizations.js';
import type { Store } from '../store/store.js';
import type { ApiKeyRow, User } from '../store/users.js';

/** A permission of the catalog the server enforces (Orgkit's own). */
export type Permission = typeof orgkitCatalog extends Catalog<infer P> ? P : never;

/** What the caller may do in one org. */
export interface OrgAccess {
  readonly org: Org;
  /** Is the caller a member of this org itself (not only of an ancestor)? */
  readonly member: boolean;
  /** Ancestors of the org, nearest first. */
  readonly ancestors: readonly string[];
  /** The caller's effective permissions here (API key scopes applied). */
  readonly permissions: PermissionSet<Permission>;
  /** The registry with the custom roles visible from this org. */
  readonly registry: RoleRegistry<Permission>;
}

/**
 * The one place where the server asks `@orgkit/core` for decisions. Routes never evaluate
 * permissions themselves: they load an {@link OrgAccess} here and test it.
 */
export interface Access {
  readonly catalog: Catalog<Permission>;
  readonly registry: RoleRegistry<Permission>;
  /**
   * The caller's access to `orgId`, or undefined when the org does not exist, is deleted, or is
   * invisible to the caller (no membership, no inherited permission, not a platform admin).
   */
  resolve(store: Store, actor: AccessActor, orgId: string): Promise<OrgAccess | undefined>;
}

/** Whose access to compute: a user, narrowed by the API key they authenticated with. */
export interface AccessActor {
  readonly user: User;
  readonly apiKey?: ApiKeyRow;
}

/** The {@link AccessActor} of an authenticated request. */
export function actorOf(principal: Principal): AccessActor {
  return principal.method === 'api_key'
    ? { user: principal.user, apiKey: principal.apiKey }
    : { user: principal.user };
}

/** Options of {@link createAccess}. */
export interface AccessOptions {
  /**
   * The host's permission catalog; default Orgkit's own. It must contain every Orgkit permission
   * (spread `orgkitCatalogSpec` into it), since the server's routes check those.
   */
  readonly catalog?: Catalog<string>;
  /** Preset roles; default Orgkit's (owner, admin, member, billing_contact, viewer). */
  readonly presets?: readonly RoleSpec<string>[];
}

/** Maps a stored custom role to core's definition. */
export function toRoleDefinition(row: CustomRoleRow): RoleDefinition<Permission> {
  return {
    kind: 'custom',
    orgId: row.orgId,
    key: row.key,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    ...(row.module ? { module: row.module } : {}),
    ...(row.extends ? { extends: row.extends } : {}),
    ...(row.assignable ? { assignable: row.assignable as 'members' | 'groups' | 'both' } : {}),
    self: row.self as RoleDefinition<Permission>['self'],
    descendants: row.descendants as RoleDefinition<Permission>['descendants'],
    ...(row.remove ? { remove: row.remove as RoleDefinition<Permission>['remove'] } : {}),
  };
}

/** Builds the access decisions over Orgkit's catalog and presets. */
export function createAccess(options: AccessOptions = {}): Access {
  const missing = orgkitCatalog.permissions.filter((p) => options.catalog?.has(p) === false);
  if (missing.length > 0) {
    throw new Error(`The access catalog lacks Orgkit permissions: ${missing.join(', ')}`);
  }
  // Safe: the catalog holds every Orgkit permission (checked above); host permissions are extra.
  const catalog = (options.catalog ?? orgkitCatalog) as Catalog<Permission>;
  const registry = createRoleRegistry<Permission>(
    catalog,
    (options.presets ?? orgkitPresetRoles) as readonly RoleSpec<Permission>[],
  );
  return {
    catalog,
    registry,
    async resolve(store, actor, orgId) {
      const org = await store.organizations.findById(orgId);
      if (!org) return undefined;
      if (actor.apiKey?.orgId && actor.apiKey.orgId !== orgId) {
        return undefined;
      }
      const ancestors = await store.organizations.ancestorIds(orgId);
      const chain = [orgId, ...ancestors];
      const user = actor.user;
      const membership = await store.members.get(orgId, user.id);
      const member = membership !== undefined && membership.status === 'active';
      const [assignments, custom] = await Promise.all([
        store.members.assignments(user.id, chain),
        store.organizations.customRoles(chain),
      ]);
      const scoped =
        custom.length > 0 ? registry.withCustomRoles(custom.map(toRoleDefinition)) : registry;
      let permissions = computePermissions(scoped, {
        subject: { userId: user.id, status: user.status, platformAdmin: user.platformAdmin },
        orgId,
        ancestors,
        member,
        assignments,
      });
      if (!member && !user.platformAdmin && permissions.size === 0) return undefined;
      if (actor.apiKey?.scopes) {
        permissions = permissions.intersect(PermissionSet.of(catalog, actor.apiKey.scopes));
      }
      return { org, member: membership !== undefined, ancestors, permissions, registry: scoped };
    },
  };
}
