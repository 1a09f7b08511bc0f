import { containsAll, orInto, setBit, testBit, wordsFor } from '../permission-set/bits.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import type { RoleRegistry } from '../roles/role-registry.js';
import type { CompiledCondition, CompiledGrants } from '../roles/types.js';
import type { AccessQuery } from './types.js';

/**
 * Computes the subject's effective permissions in `query.orgId` (architecture §3 rules 1–3):
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
  const ancestors = query.ancestors.length > 8 ? new Set(query.ancestors) : query.ancestors;
  const isAncestor = (orgId: string) =>
    ancestors instanceof Set ? ancestors.has(orgId) : ancestors.includes(orgId);
  for (const assignment of query.assignments) {
    let grants: CompiledGrants | undefined;
    if (assignment.orgId === query.orgId) {
      if (!query.member) continue;
      grants = registry.get(assignment.roleKey, assignment.orgId)?.self;
    } else if (isAncestor(assignment.orgId)) {
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
 * Adds each conditional grant whose requirements are held, until nothing changes: the least
 * fixpoint, so mutually dependent conditions with no unconditional anchor stay denied. Two plain
 * passes settle the usual case; what is still pending after them is settled by counting (each
 * condition counts its missing requirements, each newly granted permission wakes only the
 * conditions waiting for it), so a long chain of conditions costs linear time, not quadratic.
 */
export function applyConditions(
  words: Uint32Array,
  conditions: readonly CompiledCondition[],
): void {
  let pending = conditions;
  for (let pass = 0; pass < 2 && pending.length > 0; pass++) {
    let changed = false;
    const next: CompiledCondition[] = [];
    for (const c of pending) {
      if (testBit(words, c.index)) continue;
      if (containsAll(words, c.requires)) {
        setBit(words, c.index);
        changed = true;
      } else next.push(c);
    }
    if (!changed) return;
    pending = next;
  }
  if (pending.length > 0) settleByCounting(words, pending);
}

function settleByCounting(words: Uint32Array, conditions: readonly CompiledCondition[]): void {
  const missing = new Int32Array(conditions.length);
  const waiting = new Map<number, number[]>();
  const granted: number[] = [];
  const grant = (index: number) => {
    if (testBit(words, index)) return;
    setBit(words, index);
    granted.push(index);
  };
  for (let c = 0; c < conditions.length; c++) {
    const { index, requires } = conditions[c]!;
    if (testBit(words, index)) continue;
    let count = 0;
    for (let w = 0; w < requires.length; w++) {
      let word = (requires[w]! & ~words[w]!) >>> 0;
      while (word !== 0) {
        const low = word & -word;
        const bit = (w << 5) + (31 - Math.clz32(low));
        word = (word ^ low) >>> 0;
        count++;
        const list = waiting.get(bit);
        if (list) list.push(c);
        else waiting.set(bit, [c]);
      }
    }
    missing[c] = count;
    if (count === 0) grant(index);
  }
  while (granted.length > 0) {
    const list = waiting.get(granted.pop()!);
    if (!list) continue;
    for (const c of list) {
      missing[c]!--;
      if (missing[c] === 0) grant(conditions[c]!.index);
    }
  }
}
