import { containsAll, orInto, setBit, testBit, wordsFor } from '../permission-set/bits.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import type { RoleRegistry } from '../roles/role-registry.js';
import type { CompiledCondition, CompiledGrants } from '../roles/types.js';
import type { AccessQuery } from './types.js';

/**
 * Computes the subject's effective permissions in `query.orgId` (DESIGN §3 rules 1–3):
 * inactive users get nothing, platform admins everything; otherwise the union of the `self` sets
 * of roles held in the org (directly or through groups) and the `descendants` sets of roles held
 * in ancestor orgs, then conditional grants added to a fixpoint. A subject who is not a member of
 * the org gets only what roles held above it give to descendants, so nothing when they inherit
 * nothing.
 */
export function computePermissions<P extends string>(
  registry: RoleRegistry<P>,
  query: AccessQuery,
): PermissionSet<P> {
  const catalog = registry.catalog;
  const { subject } = query;
  if (subject.status !== 'active') return PermissionSet.empty(catalog);
  if (subject.platformAdmin) return PermissionSet.full(catalog);

  const words = new Uint32Array(wordsFor(catalog.size));
  const conditions: CompiledCondition[] = [];
  for (const assignment of query.assignments) {
    let grants: CompiledGrants | undefined;
    if (assignment.orgId === query.orgId) {
      if (!query.member) continue;
      grants = registry.get(assignment.roleKey, assignment.orgId)?.self;
    } else if (query.ancestors.includes(assignment.orgId)) {
      grants = registry.get(assignment.roleKey, assignment.orgId)?.descendants;
    }
    if (!grants) continue;
    orInto(words, grants.unconditional);
    for (const c of grants.conditional) conditions.push(c);
  }
  applyConditions(words, conditions);
  return new PermissionSet(catalog, words);
}

/**
 * Adds each conditional grant whose requirements are held, repeating until nothing changes: the
 * least fixpoint, so mutually dependent conditions with no unconditional anchor stay denied.
 */
export function applyConditions(
  words: Uint32Array,
  conditions: readonly CompiledCondition[],
): void {
  let pending = conditions.filter((c) => !testBit(words, c.index));
  let changed = true;
  while (changed && pending.length > 0) {
    changed = false;
    const next: CompiledCondition[] = [];
    for (const c of pending) {
      if (testBit(words, c.index)) continue;
      if (containsAll(words, c.requires)) {
        setBit(words, c.index);
        changed = true;
      } else next.push(c);
    }
    pending = next;
  }
}
