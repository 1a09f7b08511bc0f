import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import {
  aclGrants,
  groupMembers,
  groupRoles,
  groups,
  memberships,
  users,
} from '../db/schema/index.js';
import { newId } from '../lib/ids.js';

/** A group row. */
export type GroupRow = typeof groups.$inferSelect;

/** A group with its roles and member count. */
export interface GroupRecord extends GroupRow {
  readonly roles: string[];
  readonly memberCount: number;
}

/** A member of a group, as listed. */
export interface GroupMemberRecord {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
}

/** Storage for groups, their members and their roles. */
export function groupStore(db: DbOrTx) {
  async function rolesOf(groupIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (groupIds.length === 0) return out;
    const rows = await db
      .select()
      .from(groupRoles)
      .where(inArray(groupRoles.groupId, [...groupIds]))
      .orderBy(asc(groupRoles.roleKey));
    for (const r of rows) out.set(r.groupId, [...(out.get(r.groupId) ?? []), r.roleKey]);
    return out;
  }

  async function counts(groupIds: readonly string[]): Promise<Map<string, number>> {
    if (groupIds.length === 0) return new Map();
    const rows = await db
      .select({ groupId: groupMembers.groupId, n: sql<number>`count(*)` })
      .from(groupMembers)
      .where(inArray(groupMembers.groupId, [...groupIds]))
      .groupBy(groupMembers.groupId);
    return new Map(rows.map((r) => [r.groupId, Number(r.n)]));
  }

  async function withDetails(rows: GroupRow[]): Promise<GroupRecord[]> {
    const ids = rows.map((r) => r.id);
    const [roleMap, countMap] = await Promise.all([rolesOf(ids), counts(ids)]);
    return rows.map((r) => ({
      ...r,
      roles: roleMap.get(r.id) ?? [],
      memberCount: countMap.get(r.id) ?? 0,
    }));
  }

  return {
    async create(input: {
      orgId: string;
      name: string;
      description?: string | null;
      /** A chosen id (test worlds); default a new one. */
      id?: string;
    }): Promise<GroupRow> {
      const now = new Date();
      const [row] = await db
        .insert(groups)
        .values({
          id: input.id ?? newId('grp'),
          orgId: input.orgId,
          name: input.name,
          description: input.description ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    /** The group of that org, with roles and member count. */
    async get(orgId: string, groupId: string): Promise<GroupRecord | undefined> {
      const rows = await db
        .select()
        .from(groups)
        .where(and(eq(groups.orgId, orgId), eq(groups.id, groupId)));
      return (await withDetails(rows))[0];
    },

    /** Is the name taken in the org (case-insensitive), by a group other than `exceptId`? */
    async nameTaken(orgId: string, name: string, exceptId?: string): Promise<boolean> {
      const rows = await db
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.orgId, orgId), sql`lower(${groups.name}) = lower(${name})`));
      return rows.some((r) => r.id !== exceptId);
    },

    /** Groups of the org by name, keyset-paginated on `(lower(name), id)`. */
    async list(
      orgId: string,
      page: { after?: { name: string; id: string }; limit: number },
    ): Promise<GroupRecord[]> {
      const after = page.after
        ? sql`(lower(${groups.name}), ${groups.id}) > (${page.after.name}, ${page.after.id})`
        : undefined;
      const rows = await db
        .select()
        .from(groups)
        .where(and(eq(groups.orgId, orgId), after))
        .orderBy(sql`lower(${groups.name})`, asc(groups.id))
        .limit(page.limit);
      return withDetails(rows);
    },

    async update(
      groupId: string,
      patch: { name?: string; description?: string | null },
    ): Promise<void> {
      await db
        .update(groups)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(groups.id, groupId));
    },

    /**
     * Deletes the group; its members and roles go with it (foreign keys cascade), and so do the
     * resource grants naming it.
     */
    async delete(groupId: string): Promise<void> {
      await db
        .delete(aclGrants)
        .where(and(eq(aclGrants.principalType, 'group'), eq(aclGrants.principalId, groupId)));
      await db.delete(groups).where(eq(groups.id, groupId));
    },

    /** Members of a group, by name. */
    async members(groupId: string): Promise<GroupMemberRecord[]> {
      return db
        .select({ userId: users.id, email: users.email, name: users.name })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(eq(groupMembers.groupId, groupId))
        .orderBy(sql`lower(${users.name})`, asc(users.id));
    },

    /** Replaces the group's members. */
    async setMembers(groupId: string, userIds: readonly string[]): Promise<void> {
      await db.delete(groupMembers).where(eq(groupMembers.groupId, groupId));
      if (userIds.length > 0) {
        await db
          .insert(groupMembers)
          .values([...new Set(userIds)].map((userId) => ({ groupId, userId })));
      }
    },

    /** Replaces the group's roles. */
    async setRoles(groupId: string, roleKeys: readonly string[]): Promise<void> {
      await db.delete(groupRoles).where(eq(groupRoles.groupId, groupId));
      if (roleKeys.length > 0) {
        await db
          .insert(groupRoles)
          .values([...new Set(roleKeys)].map((roleKey) => ({ groupId, roleKey })));
      }
    },

    /** Which of `userIds` are members of the org (any membership status). */
    async orgMembers(orgId: string, userIds: readonly string[]): Promise<Set<string>> {
      if (userIds.length === 0) return new Set();
      const rows = await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [...userIds])));
      return new Set(rows.map((r) => r.userId));
    },

    /** Ids of the org's groups the user belongs to, by name (the settings waterfall order). */
    async idsForUser(orgId: string, userId: string): Promise<string[]> {
      const rows = await db
        .select({ id: groups.id })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(and(eq(groups.orgId, orgId), eq(groupMembers.userId, userId)))
        .orderBy(sql`lower(${groups.name})`, asc(groups.id));
      return rows.map((r) => r.id);
    },
  };
}
