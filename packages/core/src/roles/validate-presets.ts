import type { Catalog } from '../catalog/define-catalog.js';
import { ErrorCode, OrgkitDefinitionError } from '../errors/error-codes.js';
import { compileRole } from './compile-role.js';
import { roleSpecProblems } from './role-problems.js';
import type { RoleDefinition, RoleSpec } from './types.js';
import { moduleConflict } from './validate-role.js';

/**
 * Checks preset roles as custom roles are checked before they are stored: unique keys, known
 * permissions, requirements, removals and modules, no own entry cancelled by its own `remove`,
 * `extends` naming another preset without a cycle, and no module other than the exclusive module
 * of the role it extends. Throws {@link OrgkitDefinitionError} listing every problem, each naming
 * the preset and the entry.
 */
export function validatePresets(catalog: Catalog, presets: readonly RoleSpec<string>[]): void {
  const problems: string[] = [];
  const byKey = new Map<string, RoleDefinition<string>>();
  for (const spec of presets) {
    if (byKey.has(spec.key)) problems.push(`preset "${spec.key}": the key is declared twice`);
    byKey.set(spec.key, { ...spec, kind: 'preset', orgId: null });
  }
  const lookup = (key: string) => byKey.get(key);
  for (const spec of presets) {
    const at = (path: string, message: string) =>
      problems.push(`preset "${spec.key}", ${path}: ${message}`);
    for (const p of roleSpecProblems(catalog, spec)) at(p.path, p.message);
    const definition = byKey.get(spec.key)!;
    if (spec.extends !== undefined) {
      try {
        compileRole(catalog, definition, lookup);
      } catch (error) {
        if (!(error instanceof OrgkitDefinitionError)) throw error;
        at('extends', error.message);
      }
      const conflict = moduleConflict({ catalog }, definition, lookup);
      if (conflict) at(conflict.path, conflict.message);
    }
  }
  if (problems.length > 0) {
    throw new OrgkitDefinitionError(
      ErrorCode.VALIDATION_FAILED,
      `Invalid preset roles: ${problems.join('; ')}`,
    );
  }
}
