import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import {
  aclGrants,
  groupMembers,
  groupRoles,
  groups,
  type MembershipStatus,
  memberRoles,
  memberships,
  organizations,
  users,
} from '../db/schema/index.js';
import type { User } from './users.js';

/** A member: the user, the membership and the roles held directly. */
export interface MemberRecord {
  readonly user: User;
  readonly orgId: string;
  readonly status: MembershipStatus;
  readonly joinedAt: Date;
  readonly roles: string[];
}

/**
 * A member's effective status: the user's own (`invited`, `active`, `disabled`), unless the
 * membership in this org is disabled, which makes it `disabled` whatever the user's.
 */
export function effectiveMemberStatus(member: MemberRecord): 'invited' | 'active' | 'disabled' {
  return member.status === 'disabled' ? 'disabled' : member.user.status;
}

/** Sort keys of the member list. */
export type MemberSort = 'name' | 'email' | 'joinedAt' | 'lastActive';

/** Filters and page of the member list. */
export interface MemberQuery {
  readonly orgId: string;
  /** Prefix of the e-mail, of the name or of any word of the name (case-insensitive). */
  readonly search?: string;
  readonly role?: string;
  /** `invited` and `disabled` look at the user and the membership; `active` needs both active. */
  readonly status?: 'invited' | 'active' | 'disabled';
  readonly sort: MemberSort;
  readonly order: 'asc' | 'desc';
  /** Keyset position: the sort value and user id of the last row of the previous page. */
  readonly after?: { readonly value: string; readonly userId: string };
  readonly limit: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Storage for memberships, member roles and group-derived role assignments. */
export function memberStore(db: DbOrTx) {
  async function rolesOf(
    orgId: string,
    userIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (userIds.length === 0) return out;
    const rows = await db
      .select({ userId: memberRoles.userId, roleKey: memberRoles.roleKey })
      .from(memberRoles)
      .where(and(eq(memberRoles.orgId, orgId), inArray(memberRoles.userId, [...userIds])))
      .orderBy(asc(memberRoles.roleKey));
    for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.roleKey]);
    return out;
  }

  return {
    rolesOf,

    async get(orgId: string, userId: string): Promise<MemberRecord | undefined> {
      const [row] = await db
        .select({ user: users, m: memberships })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
      if (!row) return undefined;
      const roles = (await rolesOf(orgId, [userId])).get(userId) ?? [];
      return { user: row.user, orgId, status: row.m.status, joinedAt: row.m.createdAt, roles };
    },

    async add(
      orgId: string,
      userId: string,
      roleKeys: readonly string[],
      status: MembershipStatus = 'active',
      joinedAt: Date = new Date(),
    ) {
      await db.insert(memberships).values({ orgId, userId, status, createdAt: joinedAt });
      if (roleKeys.length > 0) {
        await db
          .insert(memberRoles)
          .values(roleKeys.map((roleKey) => ({ orgId, userId, roleKey })));
      }
    },

    /** Replaces the member's direct roles. */
    async setRoles(orgId: string, userId: string, roleKeys: readonly string[]): Promise<void> {
      await db
        .delete(memberRoles)
        .where(and(eq(memberRoles.orgId, orgId), eq(memberRoles.userId, userId)));
      if (roleKeys.length > 0) {
        await db
          .insert(memberRoles)
          .values(roleKeys.map((roleKey) => ({ orgId, userId, roleKey })));
      }
    },

    async setStatus(orgId: string, userId: string, status: MembershipStatus): Promise<void> {
      await db
        .update(memberships)
        .set({ status })
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    },

    /**
     * Removes the membership, its roles, the user's places in the org's groups and the resource
     * grants naming them there (a returning member starts with no leftover access).
     */
    async remove(orgId: string, userId: string): Promise<void> {
      await db
        .delete(aclGrants)
        .where(
          and(
            eq(aclGrants.orgId, orgId),
            eq(aclGrants.principalType, 'user'),
            eq(aclGrants.principalId, userId),
          ),
        );
      await db
        .delete(memberRoles)
        .where(and(eq(memberRoles.orgId, orgId), eq(memberRoles.userId, userId)));
      await db
        .delete(groupMembers)
        .where(
          and(
            eq(groupMembers.userId, userId),
            inArray(
              groupMembers.groupId,
              db.select({ id: groups.id }).from(groups).where(eq(groups.orgId, orgId)),
            ),
          ),
        );
      await db
        .delete(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    },

    /** Ids of the live (not deleted) orgs the user belongs to: what membership policy counts. */
    async orgIdsOf(userId: string): Promise<string[]> {
      const rows = await db
        .select({ orgId: memberships.orgId })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.orgId))
        .where(and(eq(memberships.userId, userId), isNull(organizations.deletedAt)));
      return rows.map((r) => r.orgId);
    },

    /** Users holding `roleKey` directly in the org. */
    async holdersOf(orgId: string, roleKey: string): Promise<string[]> {
      const rows = await db
        .select({ userId: memberRoles.userId })
        .from(memberRoles)
        .where(and(eq(memberRoles.orgId, orgId), eq(memberRoles.roleKey, roleKey)));
      return rows.map((r) => r.userId);
    },

    /** Roles the user holds in the given orgs, directly (active memberships) or through groups. */
    async assignments(userId: string, orgIds: readonly string[]) {
      if (orgIds.length === 0) return [];
      const direct = await db
        .select({ orgId: memberRoles.orgId, roleKey: memberRoles.roleKey })
        .from(memberRoles)
        .innerJoin(
          memberships,
          and(eq(memberships.orgId, memberRoles.orgId), eq(memberships.userId, memberRoles.userId)),
        )
        .where(
          and(
            eq(memberRoles.userId, userId),
            inArray(memberRoles.orgId, [...orgIds]),
            eq(memberships.status, 'active'),
          ),
        );
      const viaGroups = await db
        .select({
          orgId: groups.orgId,
          roleKey: groupRoles.roleKey,
          groupId: groups.id,
          groupName: groups.name,
        })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .innerJoin(groupRoles, eq(groupRoles.groupId, groups.id))
        .innerJoin(
          memberships,
          and(eq(memberships.orgId, groups.orgId), eq(memberships.userId, userId)),
        )
        .where(
          and(
            eq(groupMembers.userId, userId),
            inArray(groups.orgId, [...orgIds]),
            eq(memberships.status, 'active'),
          ),
        );
      return [
        ...direct.map((r) => ({
          orgId: r.orgId,
          roleKey: r.roleKey,
          source: { kind: 'direct' as const },
        })),
        ...viaGroups.map((r) => ({
          orgId: r.orgId,
          roleKey: r.roleKey,
          source: { kind: 'group' as const, groupId: r.groupId, groupName: r.groupName },
        })),
      ];
    },

    async list(query: MemberQuery): Promise<(MemberRecord & { sortValue: string })[]> {
      // Every sort key is a non-null text, so the keyset `(key, id) > (after)` is exact. Times are
      // fixed-width UTC text; "never active" is '' and sorts before every time (least recent).
      const sortExpr =
        query.sort === 'name'
          ? sql`lower(${users.name})`
          : query.sort === 'email'
            ? sql`${users.email}`
            : query.sort === 'lastActive'
              ? sql`coalesce(to_char(${users.lastActiveAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '')`
              : sql`to_char(${memberships.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
      const where: (SQL | undefined)[] = [eq(memberships.orgId, query.orgId)];
      if (query.search) {
        const q = escapeLike(query.search.trim().toLowerCase());
        where.push(
          or(
            sql`${users.email} like ${`${q}%`}`,
            sql`lower(${users.name}) like ${`${q}%`}`,
            sql`lower(${users.name}) like ${`% ${q}%`}`,
          ),
        );
      }
      if (query.role) {
        where.push(
          sql`exists (select 1 from ${memberRoles} r where r.org_id = ${memberships.orgId} and r.user_id = ${memberships.userId} and r.role_key = ${query.role})`,
        );
      }
      if (query.status === 'invited') where.push(eq(users.status, 'invited'));
      if (query.status === 'active')
        where.push(and(eq(users.status, 'active'), eq(memberships.status, 'active')));
      if (query.status === 'disabled')
        where.push(or(eq(users.status, 'disabled'), eq(memberships.status, 'disabled')));
      if (query.after) {
        const op = query.order === 'asc' ? sql`>` : sql`<`;
        where.push(
          sql`(${sortExpr}, ${users.id}) ${op} (${query.after.value}, ${query.after.userId})`,
        );
      }
      const dir = query.order === 'asc' ? asc : desc;
      // The page's roles come in the same statement: one round trip per page.
      const rows = await db
        .select({
          user: users,
          m: memberships,
          sortValue: sql<string>`${sortExpr}`,
          roles: sql<
            string[] | null
          >`(select array_agg(r.role_key order by r.role_key) from ${memberRoles} r where r.org_id = ${memberships.orgId} and r.user_id = ${memberships.userId})`,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(...where))
        .orderBy(dir(sortExpr), dir(users.id))
        .limit(query.limit);
      return rows.map((r) => ({
        user: r.user,
        orgId: query.orgId,
        status: r.m.status,
        joinedAt: r.m.createdAt,
        roles: r.roles ?? [],
        sortValue: r.sortValue,
      }));
    },
  };
}
