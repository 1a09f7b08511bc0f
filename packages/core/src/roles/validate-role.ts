import type { Catalog } from '../catalog/define-catalog.js';
import {
  type CheckResult,
  ErrorCode,
  fail,
  OK,
  OrgkitDefinitionError,
} from '../errors/error-codes.js';
import { compileRole, isKnownPattern } from './compile-role.js';
import type { RoleRegistry } from './role-registry.js';
import type { GrantEntry, RoleDefinition, RoleSpec } from './types.js';

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
  if (spec.module !== undefined && !catalog.modules.has(spec.module)) {
    fields.push({ path: 'module', message: `unknown module "${spec.module}"` });
  }
  const checkEntries = (scope: string, entries: readonly GrantEntry<string>[] | undefined) => {
    entries?.forEach((entry, i) => {
      const pattern = typeof entry === 'string' ? entry : entry.permission;
      if (!isKnownPattern(catalog, pattern)) {
        fields.push({ path: `${scope}[${i}]`, message: `unknown permission "${pattern}"` });
      }
      if (typeof entry !== 'string') {
        const reqs = typeof entry.requires === 'string' ? [entry.requires] : entry.requires;
        for (const r of reqs) {
          if (!catalog.has(r)) {
            fields.push({ path: `${scope}[${i}].requires`, message: `unknown permission "${r}"` });
          }
        }
      }
    });
  };
  checkEntries('self', spec.self);
  checkEntries('descendants', spec.descendants);
  spec.remove?.self?.forEach((p, i) => {
    if (!isKnownPattern(catalog, p))
      fields.push({ path: `remove.self[${i}]`, message: `unknown permission "${p}"` });
  });
  spec.remove?.descendants?.forEach((p, i) => {
    if (!isKnownPattern(catalog, p)) {
      fields.push({ path: `remove.descendants[${i}]`, message: `unknown permission "${p}"` });
    }
  });
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
  }
  return fields.length === 0
    ? OK
    : fail(ErrorCode.VALIDATION_FAILED, 'The role declaration is invalid', { fields });
}

/**
 * At most one role per module whose roles are exclusive levels (seed 001), over every role a
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
    if (def?.module === undefined || !registry.catalog.modules.get(def.module)?.exclusiveRoles)
      continue;
    byModule.set(def.module, [...(byModule.get(def.module) ?? []), key]);
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
 * holder, and at most one role per module whose roles are exclusive levels (seed 001).
 */
export function checkRoleAssignment<P extends string>(
  registry: RoleRegistry<P>,
  orgId: string,
  roleKeys: readonly string[],
  holder: 'members' | 'groups',
): CheckResult<{ roles: string[] }> {
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
