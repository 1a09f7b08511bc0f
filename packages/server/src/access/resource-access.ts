import {
  type AclGrant,
  type AclQuery,
  checkResourceAccess,
  grantActions,
  type RoleRegistry,
} from '@orgkit/core';
import { ApiError } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { Store } from '../store/store.js';
import type { OrgAccess, Permission } from './access.js';

/** The ACL-controlled resource types of the catalog; 422 for any other type. */
export function requireAclType(registry: RoleRegistry, type: string): readonly string[] {
  const info = registry.catalog.resources.get(type);
  if (!info?.acl) {
    throw new ApiError(
      422,
      ErrorCode.VALIDATION_FAILED,
      `"${type}" is not an ACL-controlled resource type.`,
      {
        errors: [
          {
            in: 'param',
            path: 'type',
            message: 'not an ACL-controlled resource type',
            code: 'invalid_type',
          },
        ],
      },
    );
  }
  return info.actions.filter((a) => a !== 'all');
}

/** The ACL facts for one user and one resource, loaded with three indexed queries. */
export async function loadAclQuery(
  store: Store,
  access: OrgAccess,
  userId: string,
  type: string,
  id: string,
): Promise<AclQuery> {
  const orgId = access.org.id;
  const chain = await store.resources.chain(orgId, type, id);
  const [grants, groupIds] = await Promise.all([
    store.resources.grantsOn(orgId, type, chain),
    store.resources.groupIdsOf(userId, [orgId, ...access.ancestors]),
  ]);
  return { chain: chain.map((rid) => ({ type, id: rid })), grants, userId, groupIds, orgId };
}

/**
 * The ACL facts for one user and many resources, loaded in one statement (a batch of checks
 * costs one round trip, not three per resource). Keyed by `type` and `id` joined with a NUL.
 */
export async function loadAclQueries(
  store: Store,
  access: OrgAccess,
  userId: string,
  refs: readonly { type: string; id: string }[],
): Promise<Map<string, AclQuery>> {
  const orgId = access.org.id;
  const out = new Map<string, AclQuery>();
  if (refs.length === 0) return out;
  const { chains, grants, groupIds } = await store.resources.aclFacts(
    orgId,
    userId,
    [orgId, ...access.ancestors],
    refs,
  );
  for (const [key, chain] of chains) {
    const type = key.slice(0, key.indexOf('\u0000'));
    const ids = new Set(chain);
    out.set(key, {
      chain: chain.map((rid) => ({ type, id: rid })),
      grants: grants.filter((g) => g.resource.type === type && ids.has(g.resource.id)),
      userId,
      groupIds,
      orgId,
    });
  }
  return out;
}

/** The key of a resource in the map returned by {@link loadAclQueries}. */
export const aclKey = (ref: { type: string; id: string }) => `${ref.type}\u0000${ref.id}`;

/** architecture §3 with a resource: the permission, then the ACL of the resource and its ancestors. */
export function allowedOn(access: OrgAccess, permission: string, acl: AclQuery): boolean {
  return checkResourceAccess(access.registry, access.permissions, permission as Permission, acl);
}

const principalKey = (g: AclGrant) =>
  g.principal.kind === 'email'
    ? `email:${g.principal.email}`
    : `${g.principal.kind}:${g.principal.id}`;

/**
 * The escalation guard for sharing: every action a change gives or takes away must be one the
 * actor may perform on this very resource. Access a principal keeps is not a change, so an
 * editor who may share but not delete can re-save a grant list holding someone's delete grant,
 * yet can neither give nor remove it. Returns the actions the actor cannot change.
 */
export function unchangeableActions(
  access: OrgAccess,
  acl: AclQuery,
  type: string,
  grants: readonly AclGrant[],
  previous: readonly AclGrant[],
): string[] {
  const entries = (list: readonly AclGrant[]) => {
    const out = new Map<string, string>();
    for (const g of list) {
      for (const a of grantActions(access.registry, g, type, access.org.id))
        out.set(`${principalKey(g)}|${a}`, a);
    }
    return out;
  };
  const had = entries(previous);
  const has = entries(grants);
  const changed = new Set<string>();
  for (const [key, action] of has) if (!had.has(key)) changed.add(action);
  for (const [key, action] of had) if (!has.has(key)) changed.add(action);
  return [...changed].filter((action) => !allowedOn(access, `${type}:${action}`, acl));
}
