import {
  type CompiledGrants,
  type CompiledRole,
  checkExclusiveLevels,
  checkRoleAssignment,
  checkRoleEscalation,
  PermissionSet,
  type RoleDefinition,
  type RoleRegistry,
  type RoleSpec,
  validateRoleSpec,
} from '@orgkit/core';
import { ApiError, conflict } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { Store } from '../store/store.js';
import type { OrgAccess, Permission } from './access.js';
import { assertOk } from './decisions.js';

/** A role's grants in one scope, resolved against the catalog (extends and remove applied). */
export interface ResolvedGrants {
  /** Permissions given outright, in catalog order. */
  readonly permissions: string[];
  /** Permissions given only while the holder also has every permission in `requires`. */
  readonly conditional: { permission: string; requires: string[] }[];
}

function resolveGrants(registry: RoleRegistry<Permission>, grants: CompiledGrants): ResolvedGrants {
  const { catalog } = registry;
  return {
    permissions: new PermissionSet(catalog, grants.unconditional.slice()).list(),
    conditional: grants.conditional.map((c) => ({
      permission: catalog.permissions[c.index]!,
      requires: c.requiresList.map((i) => catalog.permissions[i]!),
    })),
  };
}

/** What a compiled role gives in the org where it is held and in every org below. */
export function resolvedPermissions(
  registry: RoleRegistry<Permission>,
  role: CompiledRole<Permission>,
): { self: ResolvedGrants; descendants: ResolvedGrants } {
  return {
    self: resolveGrants(registry, role.self),
    descendants: resolveGrants(registry, role.descendants),
  };
}

/** Is the role a level of a module whose roles are exclusive? */
export function isExclusive(registry: RoleRegistry<Permission>, module: string | undefined) {
  return module !== undefined && registry.catalog.modules.get(module)?.exclusiveRoles === true;
}

/** Every custom role visible from the org (its own and its ancestors'). */
function chainCustomRoles(access: OrgAccess): RoleDefinition<Permission>[] {
  return [access.org.id, ...access.ancestors].flatMap((id) => [...access.registry.customRoles(id)]);
}

/**
 * Validates a custom role declaration for this org (core's `validateRoleSpec`): a 422 naming each
 * bad field when it is invalid. Returns the registry with the candidate in place of any stored
 * role of that key, and the candidate compiled.
 */
export function checkRoleSpec(
  access: OrgAccess,
  spec: RoleSpec<string>,
): { registry: RoleRegistry<Permission>; role: CompiledRole<Permission> } {
  const result = validateRoleSpec(access.registry, spec, access.org.id);
  if (!result.ok) {
    throw new ApiError(422, ErrorCode.VALIDATION_FAILED, result.message, {
      errors: (result.fields ?? []).map((f) => ({
        in: 'json',
        path: f.path.replace(/\[(\d+)\]/g, '.$1'),
        message: f.message,
        code: 'invalid_role',
      })),
    });
  }
  const candidate: RoleDefinition<string> = { ...spec, kind: 'custom', orgId: access.org.id };
  const others = chainCustomRoles(access).filter(
    (r) => !(r.orgId === access.org.id && r.key === spec.key),
  );
  const registry = access.registry.withCustomRoles([...others, candidate]);
  return { registry, role: registry.get(spec.key, access.org.id)! };
}

/**
 * Custom roles of the org that build on `key` through `extends` (directly or not), compiled in
 * `registry`: editing `key` changes what they give too.
 */
export function dependentRoles(
  registry: RoleRegistry<Permission>,
  orgId: string,
  key: string,
): CompiledRole<Permission>[] {
  const out: CompiledRole<Permission>[] = [];
  for (const def of registry.customRoles(orgId)) {
    let base = def.extends;
    const seen = new Set<string>([def.key]);
    while (base !== undefined && !seen.has(base)) {
      if (base === key) {
        out.push(registry.get(def.key, orgId)!);
        break;
      }
      seen.add(base);
      base = registry.definition(base, orgId)?.extends;
    }
  }
  return out;
}

/**
 * Escalation guard for role definitions: the caller must hold every permission the roles can
 * give (in either scope, conditions counted as granted).
 */
export function checkRolesWithinCaller(
  access: OrgAccess,
  roles: readonly (CompiledRole<Permission> | undefined)[],
): void {
  assertOk(
    checkRoleEscalation(
      access.permissions,
      roles.filter((r): r is CompiledRole<Permission> => r !== undefined),
    ),
  );
}

/**
 * After a role changes (its module, or where it may be assigned), every current holder's role
 * list must still be valid: 409 with core's code when one would not be.
 */
export function checkHoldersStillValid(
  registry: RoleRegistry<Permission>,
  orgId: string,
  holders: { members: { roles: string[] }[]; groups: { roles: string[] }[] },
): void {
  const lists = [
    ...holders.members.map((m) => ['members', m.roles] as const),
    ...holders.groups.map((g) => ['groups', g.roles] as const),
  ];
  for (const [kind, roleKeys] of lists) {
    const result = checkRoleAssignment(registry, orgId, roleKeys, kind);
    if (!result.ok) {
      throw conflict(result.code, `A current holder would become invalid: ${result.message}`);
    }
  }
}

/**
 * After a role changes module (or is replaced by another on delete), every user holding it —
 * directly or through a group — must still hold at most one level per exclusive module, counting
 * all their roles in the org together: 409 with core's code when one would not.
 */
export async function checkHolderLevels(
  store: Store,
  registry: RoleRegistry<Permission>,
  orgId: string,
  key: string,
  replaceWith?: string,
): Promise<void> {
  const users = new Set((await store.roles.memberHolders(orgId, key)).map((m) => m.userId));
  for (const g of await store.roles.groupHolders(orgId, key)) {
    for (const m of await store.groups.members(g.groupId)) users.add(m.userId);
  }
  for (const userId of users) {
    const held = (await store.members.assignments(userId, [orgId])).map((a) => a.roleKey);
    const next = replaceWith ? held.map((r) => (r === key ? replaceWith : r)) : held;
    const result = checkExclusiveLevels(registry, orgId, next);
    if (!result.ok)
      throw conflict(result.code, `A current holder would become invalid: ${result.message}`);
  }
}
