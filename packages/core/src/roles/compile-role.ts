import type { Catalog } from '../catalog/define-catalog.js';
import { ErrorCode, OrgkitDefinitionError } from '../errors/error-codes.js';
import { setBit, wordsFor } from '../permission-set/bits.js';
import type {
  CompiledCondition,
  CompiledGrants,
  CompiledRole,
  GrantEntry,
  GrantPattern,
  RoleDefinition,
} from './types.js';

/** Expands a grant pattern to catalog indexes; unknown permissions expand to nothing. */
export function expandPattern(catalog: Catalog, pattern: string): number[] {
  if (pattern === '*') return catalog.permissions.map((_, i) => i);
  if (pattern.endsWith(':*')) {
    return catalog.permissionsOf(pattern.slice(0, -2)).map((p) => catalog.indexOf(p));
  }
  const i = catalog.indexOf(pattern);
  return i < 0 ? [] : [i];
}

/** Is the pattern meaningful for this catalog (a known permission, `resource:*` or `*`)? */
export function isKnownPattern(catalog: Catalog, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith(':*')) return catalog.resources.has(pattern.slice(0, -2));
  return catalog.has(pattern);
}

function requirementsOf(entry: GrantEntry<string>): readonly string[] {
  if (typeof entry === 'string') return [];
  return typeof entry.requires === 'string' ? [entry.requires] : entry.requires;
}

function patternOf(entry: GrantEntry<string>): string {
  return typeof entry === 'string' ? entry : entry.permission;
}

interface MutableGrants {
  unconditional: Uint32Array;
  conditional: CompiledCondition[];
}

function cloneGrants(grants: CompiledGrants): MutableGrants {
  return { unconditional: grants.unconditional.slice(), conditional: [...grants.conditional] };
}

function addEntries(
  catalog: Catalog,
  target: MutableGrants,
  entries: readonly GrantEntry<string>[],
) {
  const words = wordsFor(catalog.size);
  for (const entry of entries) {
    const indexes = expandPattern(catalog, patternOf(entry));
    const required = requirementsOf(entry);
    if (required.length === 0) {
      for (const i of indexes) setBit(target.unconditional, i);
      continue;
    }
    const requires = new Uint32Array(words);
    const requiresList: number[] = [];
    let unknownRequirement = false;
    for (const r of required) {
      const ri = catalog.indexOf(r);
      if (ri < 0) unknownRequirement = true;
      else {
        setBit(requires, ri);
        requiresList.push(ri);
      }
    }
    // A condition on a permission the catalog does not know can never hold: deny by default.
    if (unknownRequirement) continue;
    for (const index of indexes) target.conditional.push({ index, requires, requiresList });
  }
}

function removePatterns(
  catalog: Catalog,
  target: MutableGrants,
  patterns: readonly GrantPattern<string>[],
) {
  const removed = new Set<number>();
  for (const p of patterns) for (const i of expandPattern(catalog, p)) removed.add(i);
  for (const i of removed) {
    target.unconditional[i >>> 5] = (target.unconditional[i >>> 5]! & ~(1 << (i & 31))) >>> 0;
  }
  target.conditional = target.conditional.filter((c) => !removed.has(c.index));
}

/** Looks up the role a definition extends (a custom role of the same org, else a preset). */
export type RoleLookup = (key: string, orgId: string | null) => RoleDefinition | undefined;

/**
 * Compiles a role against a catalog, resolving `extends` chains.
 * Throws {@link OrgkitDefinitionError} on an unknown base role or a cycle.
 */
export function compileRole<P extends string>(
  catalog: Catalog<P>,
  definition: RoleDefinition<P>,
  lookup: RoleLookup,
  seen: ReadonlySet<string> = new Set(),
): CompiledRole<P> {
  const id = `${definition.orgId ?? ''}/${definition.key}`;
  if (seen.has(id)) {
    throw new OrgkitDefinitionError(
      ErrorCode.ROLE_CYCLE,
      `Role "${definition.key}" extends itself`,
    );
  }
  const words = wordsFor(catalog.size);
  let self: MutableGrants = { unconditional: new Uint32Array(words), conditional: [] };
  let descendants: MutableGrants = { unconditional: new Uint32Array(words), conditional: [] };
  if (definition.extends !== undefined) {
    const base = lookup(definition.extends, definition.orgId);
    if (!base) {
      throw new OrgkitDefinitionError(
        ErrorCode.UNKNOWN_ROLE,
        `Role "${definition.key}" extends unknown role "${definition.extends}"`,
      );
    }
    const compiledBase = compileRole(
      catalog,
      base as RoleDefinition<P>,
      lookup,
      new Set([...seen, id]),
    );
    self = cloneGrants(compiledBase.self);
    descendants = cloneGrants(compiledBase.descendants);
  }
  addEntries(catalog, self, (definition.self ?? []) as readonly GrantEntry<string>[]);
  addEntries(catalog, descendants, (definition.descendants ?? []) as readonly GrantEntry<string>[]);
  if (definition.remove?.self) removePatterns(catalog, self, definition.remove.self);
  if (definition.remove?.descendants)
    removePatterns(catalog, descendants, definition.remove.descendants);
  return { key: definition.key, definition, self, descendants };
}
