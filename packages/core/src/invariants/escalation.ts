import type { Catalog } from '../catalog/define-catalog.js';
import { type CheckResult, ErrorCode, fail, OK } from '../errors/error-codes.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import type { CompiledRole } from '../roles/types.js';

/** Every permission a compiled role can ever give, in either scope, conditional or not. */
export function rolePermissionCeiling<P extends string>(
  catalog: Catalog<P>,
  role: CompiledRole<P>,
): PermissionSet<P> {
  const set = PermissionSet.empty(catalog);
  for (const grants of [role.self, role.descendants]) {
    for (let w = 0; w < set.words.length; w++)
      set.words[w] = (set.words[w]! | grants.unconditional[w]!) >>> 0;
    for (const c of grants.conditional)
      set.words[c.index >>> 5] = (set.words[c.index >>> 5]! | (1 << (c.index & 31))) >>> 0;
  }
  return set;
}

/**
 * Escalation guard (architecture §3): an actor may assign, create or edit a role, or mint an API key,
 * only with a permission set that is a superset of what is given. Conditional grants count as
 * given in full: the guard is conservative.
 */
export function checkEscalation<P extends string>(
  actor: PermissionSet<P>,
  given: PermissionSet<P>,
): CheckResult<{ missing: P[] }> {
  if (actor.covers(given)) return OK;
  const missing = actor.missing(given);
  return fail(
    ErrorCode.PERMISSION_ESCALATION,
    `You cannot give permissions you do not hold: ${missing.join(', ')}`,
    {
      missing,
    },
  );
}

/** The escalation guard for a list of roles being assigned. */
export function checkRoleEscalation<P extends string>(
  actor: PermissionSet<P>,
  roles: readonly CompiledRole<P>[],
): CheckResult<{ missing: P[] }> {
  const given = PermissionSet.empty(actor.catalog);
  for (const role of roles) {
    const ceiling = rolePermissionCeiling(actor.catalog, role);
    for (let w = 0; w < given.words.length; w++)
      given.words[w] = (given.words[w]! | ceiling.words[w]!) >>> 0;
  }
  return checkEscalation(actor, given);
}
