import { matchingGrants } from '../acl/check-resource-access.js';
import type { AclQuery, Principal, ResourceRef } from '../acl/types.js';
import { testBit } from '../permission-set/bits.js';
import type { RoleRegistry } from '../roles/role-registry.js';
import type { CompiledGrants } from '../roles/types.js';
import { computePermissions } from './compute-permissions.js';
import type { AccessQuery, AssignmentSource, UserStatus } from './types.js';

/** One reason behind a decision. A decision lists every reason that applies, not just one. */
export type ExplainReason =
  | { readonly kind: 'unknown-permission' }
  | { readonly kind: 'inactive'; readonly status: UserStatus }
  | { readonly kind: 'platform-admin' }
  | { readonly kind: 'not-member'; readonly orgId: string }
  | {
      /** A role grants the permission (for conditional grants, the condition holds). */
      readonly kind: 'role';
      readonly roleKey: string;
      readonly roleName: string;
      /** Where the role is held: the org itself (`self`) or an ancestor (`descendants`). */
      readonly orgId: string;
      readonly scope: 'self' | 'descendants';
      readonly source: AssignmentSource;
      readonly requires?: readonly string[];
    }
  | {
      /** A role would grant the permission, but its condition is not met. */
      readonly kind: 'condition-unmet';
      readonly roleKey: string;
      readonly roleName: string;
      readonly orgId: string;
      readonly scope: 'self' | 'descendants';
      readonly source: AssignmentSource;
      readonly missing: readonly string[];
    }
  | {
      /**
       * A role the user holds gives nothing: it extends a role that does not exist, or sits in
       * an `extends` cycle.
       */
      readonly kind: 'role-invalid';
      readonly roleKey: string;
      readonly orgId: string;
      readonly source: AssignmentSource;
      readonly problem: 'UNKNOWN_ROLE' | 'ROLE_CYCLE';
      readonly message: string;
    }
  | { readonly kind: 'no-role-grants' }
  | { readonly kind: 'resource-type-mismatch'; readonly resource: ResourceRef }
  | {
      /** The resource belongs to another organization than the one asked about. */
      readonly kind: 'resource-other-org';
      readonly resource: ResourceRef;
      readonly resourceOrgId: string;
    }
  | { readonly kind: 'acl-all'; readonly permission: string }
  | {
      readonly kind: 'acl-grant';
      readonly resource: ResourceRef;
      readonly principal: Principal;
      /** True when the grant sits on an ancestor of the resource. */
      readonly inherited: boolean;
    }
  | { readonly kind: 'acl-no-grant'; readonly resource: ResourceRef };

/** The answer to "why can (or can't) X do Y here". */
export interface Explanation {
  readonly allowed: boolean;
  readonly permission: string;
  readonly orgId: string;
  readonly userId: string;
  readonly reasons: readonly ExplainReason[];
}

/**
 * Explains a decision: which roles grant the permission (held directly, through which group, or
 * inherited from which ancestor org), which conditions are unmet, and which ACL grant on which
 * resource applies. Its `allowed` always equals the evaluator's decision.
 */
export function explain<P extends string>(
  registry: RoleRegistry<P>,
  query: AccessQuery,
  permission: string,
  acl?: AclQuery,
): Explanation {
  const catalog = registry.catalog;
  const base = { permission, orgId: query.orgId, userId: query.subject.userId };
  const index = catalog.indexOf(permission);
  if (index < 0) return { ...base, allowed: false, reasons: [{ kind: 'unknown-permission' }] };
  const { subject } = query;
  if (subject.status !== 'active') {
    return { ...base, allowed: false, reasons: [{ kind: 'inactive', status: subject.status }] };
  }
  const effective = computePermissions(registry, query);
  const reasons: ExplainReason[] = [];
  if (subject.platformAdmin) reasons.push({ kind: 'platform-admin' });
  else {
    const ancestors = new Set(query.ancestors);
    for (const a of query.assignments) {
      const scope =
        a.orgId === query.orgId
          ? query.member
            ? 'self'
            : undefined
          : ancestors.has(a.orgId)
            ? 'descendants'
            : undefined;
      if (!scope) continue;
      const role = registry.get(a.roleKey, a.orgId);
      if (!role) continue;
      if (role.problem) {
        reasons.push({
          kind: 'role-invalid',
          roleKey: a.roleKey,
          orgId: a.orgId,
          source: a.source,
          problem: role.problem.code,
          message: role.problem.message,
        });
        continue;
      }
      const grants: CompiledGrants = role[scope];
      const common = {
        roleKey: a.roleKey,
        roleName: role.definition.name,
        orgId: a.orgId,
        scope,
        source: a.source,
      } as const;
      if (testBit(grants.unconditional, index)) {
        reasons.push({ kind: 'role', ...common });
        continue;
      }
      for (const c of grants.conditional) {
        if (c.index !== index) continue;
        const names = c.requiresList.map((i) => catalog.permissions[i]!);
        const missing = c.requiresList.filter((i) => !testBit(effective.words, i));
        reasons.push(
          missing.length === 0
            ? { kind: 'role', ...common, requires: names }
            : {
                kind: 'condition-unmet',
                ...common,
                missing: missing.map((i) => catalog.permissions[i]!),
              },
        );
      }
    }
    const anyRole = reasons.some((r) => r.kind === 'role' || r.kind === 'condition-unmet');
    const inherited = query.assignments.some((a) => ancestors.has(a.orgId));
    if (!query.member && !inherited) reasons.unshift({ kind: 'not-member', orgId: query.orgId });
    else if (!anyRole) reasons.push({ kind: 'no-role-grants' });
  }
  let allowed = testBit(effective.words, index);
  if (allowed && acl) {
    const type = catalog.entries[index]!.resource;
    const leaf = acl.chain[0];
    if (!leaf || leaf.type !== type) {
      allowed = false;
      reasons.push({ kind: 'resource-type-mismatch', resource: leaf ?? { type: '', id: '' } });
    } else if (catalog.resources.get(type)?.acl) {
      const all = `${type}:all`;
      if (effective.has(all as P)) reasons.push({ kind: 'acl-all', permission: all });
      else {
        const found = matchingGrants(
          registry as RoleRegistry,
          catalog.entries[index]!.action,
          type,
          acl,
        );
        for (const m of found) {
          reasons.push({
            kind: 'acl-grant',
            resource: m.grant.resource,
            principal: m.grant.principal,
            inherited: m.depth > 0,
          });
        }
        if (found.length === 0) {
          allowed = false;
          reasons.push({ kind: 'acl-no-grant', resource: leaf });
        }
      }
    }
  }
  return { ...base, allowed, reasons };
}

function sourceText(source: AssignmentSource): string {
  return source.kind === 'direct'
    ? 'held directly'
    : `through group ${source.groupName ?? source.groupId}`;
}

/** Renders an explanation as plain English lines, for logs and admin tooltips. */
export function describeExplanation(explanation: Explanation): string[] {
  const head = `${explanation.allowed ? 'Allowed' : 'Denied'}: ${explanation.permission} in org ${explanation.orgId}`;
  return [head, ...explanation.reasons.map((r) => `- ${reasonText(r)}`)];
}

function reasonText(r: ExplainReason): string {
  switch (r.kind) {
    case 'unknown-permission':
      return 'the permission is not in the catalog';
    case 'inactive':
      return `the user is ${r.status}`;
    case 'platform-admin':
      return 'the user is a platform admin';
    case 'not-member':
      return `the user is not a member of ${r.orgId} and inherits no role from an ancestor org`;
    case 'role':
      return `role "${r.roleName}" ${sourceText(r.source)} in ${r.scope === 'self' ? 'this org' : `ancestor org ${r.orgId}`}${r.requires ? ` (condition met: ${r.requires.join(', ')})` : ''}`;
    case 'condition-unmet':
      return `role "${r.roleName}" would grant it but also requires ${r.missing.join(', ')}`;
    case 'role-invalid':
      return `role "${r.roleKey}" ${sourceText(r.source)} gives nothing: ${r.message}`;
    case 'resource-other-org':
      return `${r.resource.type} ${r.resource.id} belongs to organization ${r.resourceOrgId}, not this one`;
    case 'no-role-grants':
      return 'no role of the user grants it';
    case 'resource-type-mismatch':
      return `the permission does not apply to resources of type ${r.resource.type}`;
    case 'acl-all':
      return `the user holds ${r.permission}, which bypasses resource ACLs`;
    case 'acl-grant':
      return `ACL grant to ${r.principal.kind === 'email' ? r.principal.email : `${r.principal.kind} ${r.principal.id}`} on ${r.resource.type} ${r.resource.id}${r.inherited ? ' (inherited from an ancestor)' : ''}`;
    case 'acl-no-grant':
      return `no ACL grant on ${r.resource.type} ${r.resource.id} or its ancestors names the user or their groups`;
  }
}
