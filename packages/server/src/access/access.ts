import {
  type AccessQuery,
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
  /** What the decision was computed from, for `explain()`. */
  readonly query: AccessQuery;
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
   * The host's catalog: Orgkit's own (`orgkitCatalogSpec`) spread into the host's modules, so
   * the server's checks and the host's resource types (ACL-controlled ones included) share one
   * compiled index. Default: Orgkit's catalog alone.
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

const SCOPED_REGISTRY_CACHE_SIZE = 256;

/** Builds the access decisions over Orgkit's catalog and presets. */
export function createAccess(options: AccessOptions = {}): Access {
  const missing = options.catalog
    ? orgkitCatalog.permissions.filter((p) => !options.catalog?.has(p))
    : [];
  if (missing.length > 0) {
    throw new Error(
      `The host catalog must include Orgkit's own permissions (spread orgkitCatalogSpec); missing: ${missing.join(', ')}`,
    );
  }
  // The host catalog is a superset of Orgkit's: the server's own checks stay typed, host
  // permissions (ACL types, product roles) are reached as strings.
  const catalog = (options.catalog ?? orgkitCatalog) as Catalog<Permission>;
  const registry = createRoleRegistry<Permission>(
    catalog,
    (options.presets ?? orgkitPresetRoles) as readonly RoleSpec<Permission>[],
  );
  // Registries with the custom roles of a chain, keyed by those roles exactly as stored: the
  // stored rows are read on every decision (so an edit counts at once, on every instance), only
  // their compiled form is reused.
  const scopedRegistries = new Map<string, RoleRegistry<Permission>>();
  const scopedRegistry = (key: string, rows: () => readonly CustomRoleRow[]) => {
    if (key === '') return registry;
    let scoped = scopedRegistries.get(key);
    if (!scoped) {
      scoped = registry.withCustomRoles(rows().map(toRoleDefinition));
      if (scopedRegistries.size >= SCOPED_REGISTRY_CACHE_SIZE) {
        scopedRegistries.delete(scopedRegistries.keys().next().value!);
      }
      scopedRegistries.set(key, scoped);
    }
    return scoped;
  };
  return {
    catalog,
    registry,
    async resolve(store, actor, orgId) {
      if (actor.apiKey?.orgId && actor.apiKey.orgId !== orgId) {
        return undefined;
      }
      const user = actor.user;
      const facts = await store.accessFacts.load(orgId, user.id);
      if (!facts) return undefined;
      const { org, ancestors, assignments } = facts;
      const member = facts.membership === 'active';
      const scoped = scopedRegistry(facts.customRolesKey, facts.customRoles);
      const query: AccessQuery = {
        subject: { userId: user.id, status: user.status, platformAdmin: user.platformAdmin },
        orgId,
        ancestors,
        member,
        assignments,
      };
      let permissions = computePermissions(scoped, query);
      if (!member && !user.platformAdmin && permissions.size === 0) return undefined;
      if (actor.apiKey?.scopes) {
        permissions = permissions.intersect(PermissionSet.of(catalog, actor.apiKey.scopes));
      }
      return {
        org,
        member: facts.membership !== undefined,
        ancestors,
        permissions,
        registry: scoped,
        query,
      };
    },
  };
}
