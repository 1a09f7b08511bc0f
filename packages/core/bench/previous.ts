/**
 * The previous algorithms, kept only as peers so the bench prints before/after in one run:
 * a scan of every group per check, the ACL explanation's chain × grants loop, and the ⭐
 * fixpoint that re-scans every pending condition until nothing changes.
 */
import { grantActions, grantNamesSubject } from '../src/acl/check-resource-access.js';
import type { AclQuery } from '../src/acl/types.js';
import { AccessModel } from '../src/model/access-model.js';
import type { GroupRecord } from '../src/model/types.js';
import { containsAll, setBit, testBit } from '../src/permission-set/bits.js';
import type { RoleRegistry } from '../src/roles/role-registry.js';
import type { CompiledCondition } from '../src/roles/types.js';

/** An AccessModel whose group lookup scans every group, as before the member index. */
export class ScanningModel<P extends string> extends AccessModel<P> {
  allGroups: readonly GroupRecord[] = [];
  override groupsOf(userId: string, orgId: string, ancestors = this.ancestors(orgId)) {
    const chain = new Set([orgId, ...ancestors]);
    return this.allGroups.filter(
      (g) =>
        chain.has(g.orgId) &&
        g.memberIds.includes(userId) &&
        this.membership(g.orgId, userId) !== undefined,
    );
  }
}

/** The ACL part of explain() before: every grant tested against every chain position. */
export function previousMatchingGrants(
  registry: RoleRegistry,
  action: string,
  type: string,
  acl: AclQuery,
): number {
  let found = 0;
  acl.chain.forEach((ref) => {
    for (const grant of acl.grants) {
      if (grant.resource.type !== ref.type || grant.resource.id !== ref.id) continue;
      if (!grantNamesSubject(grant, acl.userId, acl.groupIds)) continue;
      if (grantActions(registry, grant, type, acl.orgId).includes(action)) found++;
    }
  });
  return found;
}

/** The ⭐ fixpoint before: pass over the pending conditions until a pass changes nothing. */
export function previousApplyConditions(
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
