import type { AclGrant, Principal } from '@orgkit/core';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import {
  aclGrants,
  groupMembers,
  groups,
  memberships,
  type PrincipalType,
  resources,
  users,
} from '../db/schema/index.js';
import { newId } from '../lib/ids.js';

/** A registered ACL-controlled resource instance. */
export interface ResourceRow {
  readonly orgId: string;
  readonly type: string;
  readonly id: string;
  readonly parentId: string | null;
  readonly createdAt: Date;
}

/** A grant as stored: core's {@link AclGrant} plus its org. */
export interface StoredGrant extends AclGrant {
  readonly orgId: string;
}

/** A Postgres array literal, so a list travels as one parameter on PGlite and node-postgres. */
const toPgArray = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;

const principalOf = (type: PrincipalType, id: string): Principal =>
  type === 'email' ? { kind: 'email', email: id } : { kind: type, id };

const principalColumns = (p: Principal): { principalType: PrincipalType; principalId: string } =>
  p.kind === 'email'
    ? { principalType: 'email', principalId: p.email.toLowerCase() }
    : { principalType: p.kind, principalId: p.id };

const p = (name: string) => sql.placeholder(name);

/** Chains, grants and groups for a batch of resource checks: one statement, planned once. */
const ACL_FACTS = sql`(
  with recursive asked(type, id) as (
    select * from unnest(${p('types')}::text[], ${p('ids')}::text[])
  ),
  up(type, root, id, parent_id, depth, path) as (
    select r.type, r.id, r.id, r.parent_id, 0, array[r.id]
    from resources r join asked a on r.type = a.type and r.id = a.id
    where r.org_id = ${p('orgId')}
    union all
    select up.type, up.root, r.id, r.parent_id, up.depth + 1, up.path || r.id
    from resources r join up on r.id = up.parent_id
    where r.org_id = ${p('orgId')} and r.type = up.type and up.depth < 64
      and not r.id = any(up.path)
  )
  select
    (select json_agg(json_build_array(type, root, id) order by type, root, depth)
      from up) as chains,
    (select json_agg(json_build_array(g.resource_type, g.resource_id, g.principal_type,
        g.principal_id, g.role_key, g.actions) order by g.created_at, g.id)
      from acl_grants g
      where g.org_id = ${p('orgId')} and (g.resource_type, g.resource_id) in (
        select type, id from up union select type, id from asked)) as grants,
    (select json_agg(g.id) from group_members gm join groups g on g.id = gm.group_id
      join memberships m on m.org_id = g.org_id and m.user_id = gm.user_id
      where gm.user_id = ${p('userId')}
        and g.org_id = any(${p('groupOrgIds')}::text[])
        and m.status = 'active') as group_ids
) as facts`;

const prepareAclFacts = (db: DbOrTx) =>
  db
    .select({
      chains: sql<unknown>`facts.chains`,
      grants: sql<unknown>`facts.grants`,
      group_ids: sql<unknown>`facts.group_ids`,
    })
    .from(ACL_FACTS)
    .prepare('orgkit_acl_facts');

/** Storage of resource instances (trees per type) and their ACL grants. */
export function resourceStore(db: DbOrTx) {
  let aclPrepared: ReturnType<typeof prepareAclFacts> | undefined;
  return {
    async get(orgId: string, type: string, id: string): Promise<ResourceRow | undefined> {
      const [row] = await db
        .select()
        .from(resources)
        .where(and(eq(resources.orgId, orgId), eq(resources.type, type), eq(resources.id, id)));
      return row;
    },

    /** Registers or re-parents a resource; returns the previous row, if any. */
    async upsert(row: Omit<ResourceRow, 'createdAt'>): Promise<ResourceRow | undefined> {
      const before = await this.get(row.orgId, row.type, row.id);
      await db
        .insert(resources)
        .values(row)
        .onConflictDoUpdate({
          target: [resources.orgId, resources.type, resources.id],
          set: { parentId: row.parentId },
        });
      return before;
    },

    /** Every registered resource of a type in an org, by id (at most `limit`). */
    async list(orgId: string, type: string, limit: number): Promise<ResourceRow[]> {
      return db
        .select()
        .from(resources)
        .where(and(eq(resources.orgId, orgId), eq(resources.type, type)))
        .orderBy(asc(resources.id))
        .limit(limit);
    },

    /** Grants of a type in an org naming one of these principals (a user and their groups). */
    async grantsFor(
      orgId: string,
      type: string,
      userId: string,
      groupIds: readonly string[],
    ): Promise<StoredGrant[]> {
      const rows = await db
        .select()
        .from(aclGrants)
        .where(
          and(
            eq(aclGrants.orgId, orgId),
            eq(aclGrants.resourceType, type),
            or(
              and(eq(aclGrants.principalType, 'user'), eq(aclGrants.principalId, userId)),
              groupIds.length > 0
                ? and(
                    eq(aclGrants.principalType, 'group'),
                    inArray(aclGrants.principalId, [...groupIds]),
                  )
                : undefined,
            ),
          ),
        );
      return rows.map((r) => ({
        orgId: r.orgId,
        resource: { type: r.resourceType, id: r.resourceId },
        principal: principalOf(r.principalType, r.principalId),
        ...(r.actions ? { actions: r.actions } : {}),
        ...(r.roleKey ? { role: r.roleKey } : {}),
      }));
    },

    async hasChildren(orgId: string, type: string, id: string): Promise<boolean> {
      const [row] = await db
        .select({ id: resources.id })
        .from(resources)
        .where(
          and(eq(resources.orgId, orgId), eq(resources.type, type), eq(resources.parentId, id)),
        )
        .limit(1);
      return row !== undefined;
    },

    /** Deletes a resource and its grants. */
    async remove(orgId: string, type: string, id: string): Promise<void> {
      await db
        .delete(aclGrants)
        .where(
          and(
            eq(aclGrants.orgId, orgId),
            eq(aclGrants.resourceType, type),
            eq(aclGrants.resourceId, id),
          ),
        );
      await db
        .delete(resources)
        .where(and(eq(resources.orgId, orgId), eq(resources.type, type), eq(resources.id, id)));
    },

    /**
     * The resource and its ancestors, nearest first, in one recursive query (depth-capped and
     * cycle-safe). An unregistered resource is a chain of itself.
     */
    async chain(orgId: string, type: string, id: string): Promise<string[]> {
      const result = await db.execute<{ id: string; depth: number }>(sql`
        with recursive up(id, parent_id, depth, path) as (
          select id, parent_id, 0, array[id] from ${resources}
          where org_id = ${orgId} and type = ${type} and id = ${id}
          union all
          select r.id, r.parent_id, up.depth + 1, up.path || r.id
          from ${resources} r join up on r.id = up.parent_id
          where r.org_id = ${orgId} and r.type = ${type} and up.depth < 64 and not r.id = any(up.path)
        )
        select id, depth from up order by depth`);
      const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
      return ids.length > 0 ? ids : [id];
    },

    /**
     * For several resources at once, in one statement: each one's chain (itself, then its
     * ancestors, nearest first; an unregistered resource is a chain of itself), the grants on
     * every resource of those chains, and the user's groups in the given orgs where the user is an
     * active member (a disabled membership brings no group's grants, as it brings no group's roles).
     */
    async aclFacts(
      orgId: string,
      userId: string,
      groupOrgIds: readonly string[],
      refs: readonly { type: string; id: string }[],
    ): Promise<{
      chains: Map<string, string[]>;
      grants: StoredGrant[];
      groupIds: string[];
    }> {
      aclPrepared ??= prepareAclFacts(db);
      const [found] = await aclPrepared.execute({
        orgId,
        userId,
        types: toPgArray(refs.map((r) => r.type)),
        ids: toPgArray(refs.map((r) => r.id)),
        groupOrgIds: toPgArray(groupOrgIds),
      });
      const row: Record<string, unknown> = found ?? {};
      const json = <T>(v: unknown): T[] =>
        v === null || v === undefined ? [] : typeof v === 'string' ? JSON.parse(v) : (v as T[]);
      const chains = new Map<string, string[]>();
      for (const [type, root, id] of json<[string, string, string]>(row.chains)) {
        const key = `${type}\u0000${root}`;
        chains.set(key, [...(chains.get(key) ?? []), id]);
      }
      for (const r of refs) {
        const key = `${r.type}\u0000${r.id}`;
        if (!chains.has(key)) chains.set(key, [r.id]);
      }
      type GrantRow = [string, string, PrincipalType, string, string | null, string[] | null];
      const grants = json<GrantRow>(row.grants).map(([type, id, pType, pId, role, actions]) => ({
        orgId,
        resource: { type, id },
        principal: principalOf(pType, pId),
        ...(actions ? { actions } : {}),
        ...(role ? { role } : {}),
      }));
      return { chains, grants, groupIds: json<string>(row.group_ids) };
    },

    /** Grants on any of the given resources of one type. */
    async grantsOn(orgId: string, type: string, ids: readonly string[]): Promise<StoredGrant[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(aclGrants)
        .where(
          and(
            eq(aclGrants.orgId, orgId),
            eq(aclGrants.resourceType, type),
            inArray(aclGrants.resourceId, [...ids]),
          ),
        )
        .orderBy(asc(aclGrants.createdAt), asc(aclGrants.id));
      return rows.map((r) => ({
        orgId: r.orgId,
        resource: { type: r.resourceType, id: r.resourceId },
        principal: principalOf(r.principalType, r.principalId),
        ...(r.actions ? { actions: r.actions } : {}),
        ...(r.roleKey ? { role: r.roleKey } : {}),
      }));
    },

    /** Replaces every grant on one resource. */
    async replaceGrants(
      orgId: string,
      type: string,
      id: string,
      grants: readonly AclGrant[],
    ): Promise<void> {
      await db
        .delete(aclGrants)
        .where(
          and(
            eq(aclGrants.orgId, orgId),
            eq(aclGrants.resourceType, type),
            eq(aclGrants.resourceId, id),
          ),
        );
      if (grants.length === 0) return;
      await db.insert(aclGrants).values(
        grants.map((g) => ({
          id: newId('acl'),
          orgId,
          resourceType: type,
          resourceId: id,
          ...principalColumns(g.principal),
          roleKey: g.role ?? null,
          actions: g.actions ? [...g.actions] : null,
        })),
      );
    },

    /** Ids of the groups of the given orgs that the user belongs to. */
    async groupIdsOf(userId: string, orgIds: readonly string[]): Promise<string[]> {
      if (orgIds.length === 0) return [];
      const rows = await db
        .select({ id: groups.id })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(and(eq(groupMembers.userId, userId), inArray(groups.orgId, [...orgIds])));
      return rows.map((r) => r.id);
    },

    /** Members of each group, for notification recipients. */
    async groupMembers(groupIds: readonly string[]): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (groupIds.length === 0) return out;
      const rows = await db
        .select({ groupId: groupMembers.groupId, userId: groupMembers.userId })
        .from(groupMembers)
        .where(inArray(groupMembers.groupId, [...groupIds]));
      for (const r of rows) out.set(r.groupId, [...(out.get(r.groupId) ?? []), r.userId]);
      return out;
    },

    /** Users by id (id, e-mail, name), for notification recipients. */
    async usersByIds(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select({ id: users.id, email: users.email, name: users.name, status: users.status })
        .from(users)
        .where(inArray(users.id, [...ids]))
        .orderBy(asc(users.email));
    },

    /** Which of these users are members of the org. */
    async membersAmong(orgId: string, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [...ids])));
      return rows.map((r) => r.id);
    },

    /** Groups of an org by id (to validate grant principals). */
    async groupsIn(orgId: string, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.orgId, orgId), inArray(groups.id, [...ids])));
      return rows.map((r) => r.id);
    },
  };
}
