import type { Catalog } from '../catalog/define-catalog.js';
import { ErrorCode, OrgkitDefinitionError } from '../errors/error-codes.js';
import { wordsFor } from '../permission-set/bits.js';
import { compileRole } from './compile-role.js';
import type { CompiledRole, RoleDefinition, RoleSpec } from './types.js';
import { validatePresets } from './validate-presets.js';

/**
 * Compiles a stored role without throwing: a role whose `extends` names a role that no longer
 * exists, or that sits in an `extends` cycle, gives nothing and carries the problem.
 */
function compileStored<P extends string>(
  catalog: Catalog<P>,
  definition: RoleDefinition<P>,
  lookup: (key: string, orgId: string | null) => RoleDefinition<P> | undefined,
): CompiledRole<P> {
  try {
    return compileRole(catalog, definition, lookup);
  } catch (error) {
    if (!(error instanceof OrgkitDefinitionError)) throw error;
    const empty = () => ({
      unconditional: new Uint32Array(wordsFor(catalog.size)),
      conditional: [],
    });
    const code = error.code === ErrorCode.ROLE_CYCLE ? 'ROLE_CYCLE' : 'UNKNOWN_ROLE';
    return {
      key: definition.key,
      definition,
      self: empty(),
      descendants: empty(),
      problem: { code, message: error.message },
    };
  }
}

/**
 * Resolves role keys to compiled roles. Presets are global; custom roles belong to one org and
 * shadow a preset of the same key there. Compilation is cached per registry.
 */
export interface RoleRegistry<P extends string = string> {
  readonly catalog: Catalog<P>;
  /**
   * The role `key` as seen from `orgId`: that org's custom role, else the preset. Never throws: a
   * stored role with a broken `extends` comes back empty, with its `problem`.
   */
  get(key: string, orgId: string | null): CompiledRole<P> | undefined;
  /** The definition of `key` as seen from `orgId`. */
  definition(key: string, orgId: string | null): RoleDefinition<P> | undefined;
  /** Preset definitions, in declaration order. */
  readonly presets: readonly RoleDefinition<P>[];
  /** Custom role definitions of one org. */
  customRoles(orgId: string): readonly RoleDefinition<P>[];
  /**
   * A registry with the same presets (and their compiled cache) and these custom roles. Custom
   * roles come from storage as plain strings; unknown permissions in them grant nothing.
   */
  withCustomRoles(custom: readonly RoleDefinition<string>[]): RoleRegistry<P>;
}

interface Shared<P extends string> {
  catalog: Catalog<P>;
  presets: readonly RoleDefinition<P>[];
  presetByKey: ReadonlyMap<string, RoleDefinition<P>>;
  compiledPresets: Map<string, CompiledRole<P>>;
}

function build<P extends string>(
  shared: Shared<P>,
  custom: readonly RoleDefinition<string>[],
): RoleRegistry<P> {
  const customByOrg = new Map<string, Map<string, RoleDefinition<P>>>();
  for (const role of custom) {
    if (role.orgId === null) continue;
    let forOrg = customByOrg.get(role.orgId);
    if (!forOrg) {
      forOrg = new Map();
      customByOrg.set(role.orgId, forOrg);
    }
    forOrg.set(role.key, role as RoleDefinition<P>);
  }
  const compiledCustom = new Map<string, CompiledRole<P>>();

  const definition = (key: string, orgId: string | null): RoleDefinition<P> | undefined =>
    (orgId === null ? undefined : customByOrg.get(orgId)?.get(key)) ?? shared.presetByKey.get(key);

  const lookup = (key: string, orgId: string | null) => definition(key, orgId);

  return {
    catalog: shared.catalog,
    presets: shared.presets,
    definition,
    get(key, orgId) {
      const def = definition(key, orgId);
      if (!def) return undefined;
      const cache = def.kind === 'preset' ? shared.compiledPresets : compiledCustom;
      const cacheKey = def.kind === 'preset' ? key : `${def.orgId}/${key}`;
      let compiled = cache.get(cacheKey);
      if (!compiled) {
        compiled = compileStored(shared.catalog, def, lookup);
        cache.set(cacheKey, compiled);
      }
      return compiled;
    },
    customRoles: (orgId) => [...(customByOrg.get(orgId)?.values() ?? [])],
    withCustomRoles: (next) => build<P>(shared, next),
  };
}

/**
 * Creates a registry over a catalog with preset roles (defined in code, not editable) and,
 * optionally, custom roles loaded from storage. Presets are validated like custom roles; an
 * invalid preset throws {@link OrgkitDefinitionError} naming the preset and the bad entry.
 */
export function createRoleRegistry<P extends string>(
  catalog: Catalog<P>,
  presets: readonly RoleSpec<P>[],
  custom: readonly RoleDefinition<string>[] = [],
): RoleRegistry<P> {
  validatePresets(catalog, presets);
  const definitions = presets.map(
    (spec): RoleDefinition<P> => ({ ...spec, kind: 'preset', orgId: null }),
  );
  const shared: Shared<P> = {
    catalog,
    presets: definitions,
    presetByKey: new Map(definitions.map((d) => [d.key, d])),
    compiledPresets: new Map(),
  };
  return build<P>(shared, custom);
}
