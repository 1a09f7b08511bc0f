import type { Catalog } from '../catalog/define-catalog.js';
import {
  type CheckResult,
  ErrorCode,
  fail,
  OK,
  OrgkitDefinitionError,
} from '../errors/error-codes.js';
import { DEFAULT_OWNERSHIP_ROLES, type OwnershipRoles } from '../invariants/ownership.js';
import { compileRole } from './compile-role.js';
import { inheritedModule, type RoleFieldProblem, roleSpecProblems } from './role-problems.js';
import type { RoleRegistry } from './role-registry.js';
import type { RoleDefinition, RoleSpec } from './types.js';

/**
 * A role that declares a module other than the exclusive module of the role it extends would
 * hold two levels at once; it must stay in its base's module (or declare none and inherit it).
 */
export function moduleConflict(
  registry: Pick<RoleRegistry, 'catalog'>,
  definition: RoleDefinition<string>,
  lookup: (key: string, orgId: string | null) => RoleDefinition<string> | undefined,
): RoleFieldProblem | undefined {
  if (definition.module === undefined || definition.extends === undefined) return undefined;
  const base = lookup(definition.extends, definition.orgId);
  const baseModule = base && inheritedModule(base, lookup);
  if (baseModule === undefined || baseModule === definition.module) return undefined;
  if (!registry.catalog.modules.get(baseModule)?.exclusiveRoles) return undefined;
  return {
    path: 'module',
    message: `extends "${definition.extends}", a level of the exclusive module "${baseModule}"; it cannot belong to "${definition.module}"`,
  };
}

const ROLE_KEY = /^[a-z][a-z0-9_:.-]{0,63}$/;

/** Field-level problems found in a role declaration. */
export interface RoleProblems {
  readonly fields: readonly { readonly path: string; readonly message: string }[];
}

/**
 * Validates a custom role before it is stored: key format, known permissions and requirements,
 * a known module, a resolvable `extends` without cycles, and that it does not replace a preset.
 */
export function validateRoleSpec<P extends string>(
  registry: RoleRegistry<P>,
  spec: RoleSpec<string>,
  orgId: string,
): CheckResult<RoleProblems> {
  const catalog: Catalog<P> = registry.catalog;
  const fields: { path: string; message: string }[] = [];
  if (!ROLE_KEY.test(spec.key)) {
    fields.push({
      path: 'key',
      message: 'must be 1-64 chars: a-z, 0-9, and _ : . - after a letter',
    });
  }
  if (registry.presets.some((p) => p.key === spec.key)) {
    fields.push({ path: 'key', message: `"${spec.key}" is a preset role key` });
  }
  fields.push(...roleSpecProblems(catalog, spec));
  if (fields.length === 0 && spec.extends !== undefined) {
    const candidate: RoleDefinition<P> = { ...(spec as RoleSpec<P>), kind: 'custom', orgId };
    const others = registry.customRoles(orgId).filter((r) => r.key !== spec.key);
    const trial = registry.withCustomRoles([...others, candidate]);
    try {
      compileRole(catalog, candidate, (key, org) => trial.definition(key, org));
    } catch (error) {
      if (error instanceof OrgkitDefinitionError) {
        fields.push({ path: 'extends', message: error.message });
      } else throw error;
    }
    const problem = moduleConflict(registry, candidate, (key, org) => trial.definition(key, org));
    if (problem) fields.push(problem);
  }
  return fields.length === 0
    ? OK
    : fail(ErrorCode.VALIDATION_FAILED, 'The role declaration is invalid', { fields });
}

/**
 * At most one role per module whose roles are exclusive levels, over every role a
 * member ends up holding in an org: direct ones and those of all their groups together.
 * Unknown keys are ignored here (checkRoleAssignment reports them).
 */
export function checkExclusiveLevels<P extends string>(
  registry: RoleRegistry<P>,
  orgId: string,
  roleKeys: readonly string[],
): CheckResult<{ roles: string[] }> {
  const byModule = new Map<string, string[]>();
  for (const key of new Set(roleKeys)) {
    const def = registry.definition(key, orgId);
    // A role without a module of its own is a level of the module of the role it extends.
    const module = def && inheritedModule(def, registry.definition);
    if (module === undefined || !registry.catalog.modules.get(module)?.exclusiveRoles) continue;
    byModule.set(module, [...(byModule.get(module) ?? []), key]);
  }
  for (const [module, keys] of byModule) {
    if (keys.length > 1) {
      return fail(
        ErrorCode.EXCLUSIVE_ROLE_CONFLICT,
        `Only one "${module}" role may be held at a time (got ${keys.join(', ')})`,
        { roles: keys },
      );
    }
  }
  return OK;
}

/**
 * Checks a member's (or group's) role list: every role known in the org, assignable to that kind of
 * holder, and at most one role per module whose roles are exclusive levels. The owner role is
 * never given to a group: exactly one member holds it, and it moves only by a transfer.
 */
export function checkRoleAssignment<P extends string>(
  registry: RoleRegistry<P>,
  orgId: string,
  roleKeys: readonly string[],
  holder: 'members' | 'groups',
  ownership: OwnershipRoles = DEFAULT_OWNERSHIP_ROLES,
): CheckResult<{ roles: string[] }> {
  if (holder === 'groups' && roleKeys.includes(ownership.owner)) {
    return fail(
      ErrorCode.OWNER_ROLE_REQUIRES_TRANSFER,
      'The owner role is held by exactly one member and moves only by an ownership transfer; it cannot be given to a group',
      { roles: [ownership.owner] },
    );
  }
  for (const key of roleKeys) {
    const def = registry.definition(key, orgId);
    if (!def) return fail(ErrorCode.UNKNOWN_ROLE, `Unknown role "${key}"`, { roles: [key] });
    const assignable = def.assignable ?? 'both';
    if (assignable !== 'both' && assignable !== holder) {
      return fail(
        ErrorCode.ROLE_NOT_ASSIGNABLE,
        `Role "${key}" can only be assigned to ${assignable}`,
        { roles: [key] },
      );
    }
  }
  return checkExclusiveLevels(registry, orgId, roleKeys);
}
