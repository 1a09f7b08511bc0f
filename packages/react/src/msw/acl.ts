import { type AclGrant, type AclQuery, checkResourceAccess, grantActions } from '@orgkit/core';
import type { GrantRow, MockAccess, MockDb } from './mock-db.js';
import { MockProblem } from './problem.js';

/** The ACL facts of one user and one resource, as the server's `loadAclQuery` builds them. */
export function aclQuery(
  db: MockDb,
  orgId: string,
  userId: string,
  type: string,
  id: string,
): AclQuery {
  const chain = db.chain(orgId, type, id);
  const orgs = new Set([orgId, ...db.model().ancestors(orgId)]);
  const groupIds = [...db.groups.values()]
    .filter((g) => orgs.has(g.orgId) && g.memberIds.includes(userId))
    .map((g) => g.id);
  return {
    chain: chain.map((rid) => ({ type, id: rid })),
    grants: db.grantsOn(orgId, type, chain).map(toAclGrant),
    userId,
    groupIds,
    orgId,
  };
}

export const toAclGrant = ({ orgId: _orgId, ...g }: GrantRow): AclGrant => g;

/** DESIGN §3 with a resource, through core. */
export function allowedOn(db: MockDb, access: MockAccess, permission: string, acl: AclQuery) {
  return checkResourceAccess(db.model().registry, access.permissions, permission, acl);
}

/** The actions of an ACL-controlled type; 422 for any other type (as the server). */
export function requireAclType(db: MockDb, type: string): readonly string[] {
  const info = db.options.catalog.resources.get(type);
  if (!info?.acl) {
    throw new MockProblem(
      422,
      'VALIDATION_FAILED',
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

const principalKey = (g: AclGrant) =>
  g.principal.kind === 'email'
    ? `email:${g.principal.email}`
    : `${g.principal.kind}:${g.principal.id}`;

/** Actions newly given that the actor may not perform on the resource (escalation guard). */
export function ungivableActions(
  db: MockDb,
  access: MockAccess,
  acl: AclQuery,
  type: string,
  grants: readonly AclGrant[],
  previous: readonly AclGrant[],
): string[] {
  const registry = db.model().registry;
  const had = new Set<string>();
  for (const g of previous) {
    for (const a of grantActions(registry, g, type, access.org.id))
      had.add(`${principalKey(g)}|${a}`);
  }
  const given = new Set<string>();
  for (const g of grants) {
    for (const a of grantActions(registry, g, type, access.org.id)) {
      if (!had.has(`${principalKey(g)}|${a}`)) given.add(a);
    }
  }
  return [...given].filter((action) => !allowedOn(db, access, `${type}:${action}`, acl));
}
