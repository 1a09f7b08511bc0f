import type { Catalog } from '../catalog/define-catalog.js';
import { expandPattern, isKnownPattern } from './compile-role.js';
import type { GrantEntry, RoleDefinition, RoleSpec } from './types.js';

/** One problem found in a role declaration, at a path such as `self[2].requires`. */
export interface RoleFieldProblem {
  readonly path: string;
  readonly message: string;
}

const patternOf = (entry: GrantEntry<string>) =>
  typeof entry === 'string' ? entry : entry.permission;

/**
 * The problems of a role declaration that need only the catalog: unknown permissions in its
 * entries, requirements and removals, an unknown module, and own entries that its own `remove`
 * cancels entirely (a contradiction: removal always wins). The same rules hold for presets
 * (checked when a registry is created) and custom roles (checked before they are stored).
 */
export function roleSpecProblems(catalog: Catalog, spec: RoleSpec<string>): RoleFieldProblem[] {
  const fields: RoleFieldProblem[] = [];
  if (spec.module !== undefined && !catalog.modules.has(spec.module)) {
    fields.push({ path: 'module', message: `unknown module "${spec.module}"` });
  }
  for (const scope of ['self', 'descendants'] as const) {
    const removed = new Set<number>();
    for (const p of spec.remove?.[scope] ?? []) {
      for (const index of expandPattern(catalog, p)) removed.add(index);
    }
    spec[scope]?.forEach((entry, i) => {
      const pattern = patternOf(entry);
      if (!isKnownPattern(catalog, pattern)) {
        fields.push({ path: `${scope}[${i}]`, message: `unknown permission "${pattern}"` });
      } else if (removed.size > 0 && expandPattern(catalog, pattern).every((x) => removed.has(x))) {
        fields.push({
          path: `${scope}[${i}]`,
          message: `"${pattern}" is also removed by remove.${scope}; removal always wins`,
        });
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
  }
  for (const scope of ['self', 'descendants'] as const) {
    spec.remove?.[scope]?.forEach((p, i) => {
      if (!isKnownPattern(catalog, p)) {
        fields.push({ path: `remove.${scope}[${i}]`, message: `unknown permission "${p}"` });
      }
    });
  }
  return fields;
}

/**
 * The module a role belongs to: its own `module`, else the one of the role it extends (a role
 * built on an exclusive level is a level of the same module). Undefined for none, or when the
 * `extends` chain is broken.
 */
export function inheritedModule(
  definition: RoleDefinition<string>,
  lookup: (key: string, orgId: string | null) => RoleDefinition<string> | undefined,
): string | undefined {
  const seen = new Set<string>();
  let current: RoleDefinition<string> | undefined = definition;
  while (current) {
    if (current.module !== undefined) return current.module;
    const id = `${current.orgId ?? ''}/${current.key}`;
    if (current.extends === undefined || seen.has(id)) return undefined;
    seen.add(id);
    current = lookup(current.extends, current.orgId);
  }
  return undefined;
}
