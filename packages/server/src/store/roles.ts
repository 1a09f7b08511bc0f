import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { groupRoles, groups, invitations, memberRoles, roles } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';
import type { CustomRoleRow } from './organizations.js';

/** The stored fields of a custom role. */
export type CustomRoleFields = Pick<
  CustomRoleRow,
  'name' | 'description' | 'module' | 'extends' | 'assignable' | 'self' | 'descendants' | 'remove'
>;

/** How many members and groups hold a role in one org. */
export interface RoleHolderCount {
  readonly members: number;
  readonly groups: number;
}

/** Storage for custom roles and for who holds a role (members directly, and groups). */
export function roleStore(db: DbOrTx) {
  return {
    async find(orgId: string, key: string): Promise<CustomRoleRow | undefined> {
      const [row] = await db
        .select()
        .from(roles)
        .where(and(eq(roles.orgId, orgId), eq(roles.key, key)));
      return row;
    },

    async create(orgId: string, key: string, fields: CustomRoleFields): Promise<CustomRoleRow> {
      const now = new Date();
      const [row] = await db
        .insert(roles)
        .values({ id: newId('role'), orgId, key, ...fields, createdAt: now, updatedAt: now })
        .returning();
      return row!;
    },

    async update(orgId: string, key: string, fields: CustomRoleFields): Promise<CustomRoleRow> {
      const [row] = await db
        .update(roles)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(roles.orgId, orgId), eq(roles.key, key)))
        .returning();
      return row!;
    },

    async delete(orgId: string, key: string): Promise<void> {
      await db.delete(roles).where(and(eq(roles.orgId, orgId), eq(roles.key, key)));
    },

    /** Members holding `key` directly in the org, with all their direct roles. */
    async memberHolders(
      orgId: string,
      key: string,
    ): Promise<{ userId: string; roles: string[] }[]> {
      const holders = db
        .select({ userId: memberRoles.userId })
        .from(memberRoles)
        .where(and(eq(memberRoles.orgId, orgId), eq(memberRoles.roleKey, key)));
      const rows = await db
        .select({ userId: memberRoles.userId, roleKey: memberRoles.roleKey })
        .from(memberRoles)
        .where(and(eq(memberRoles.orgId, orgId), inArray(memberRoles.userId, holders)))
        .orderBy(asc(memberRoles.userId), asc(memberRoles.roleKey));
      return group(rows.map((r) => [r.userId, r.roleKey]));
    },

    /** Groups of the org holding `key`, with all their roles. */
    async groupHolders(
      orgId: string,
      key: string,
    ): Promise<{ groupId: string; roles: string[] }[]> {
      const holders = db
        .select({ groupId: groupRoles.groupId })
        .from(groupRoles)
        .innerJoin(groups, eq(groups.id, groupRoles.groupId))
        .where(and(eq(groups.orgId, orgId), eq(groupRoles.roleKey, key)));
      const rows = await db
        .select({ groupId: groupRoles.groupId, roleKey: groupRoles.roleKey })
        .from(groupRoles)
        .where(inArray(groupRoles.groupId, holders))
        .orderBy(asc(groupRoles.groupId), asc(groupRoles.roleKey));
      return group(rows.map((r) => [r.groupId, r.roleKey])).map((g) => ({
        groupId: g.userId,
        roles: g.roles,
      }));
    },

    /** Pending invitations of the org that would give `key` on acceptance. */
    async pendingInvitations(
      orgId: string,
      key: string,
    ): Promise<{ id: string; roles: string[] }[]> {
      return db
        .select({ id: invitations.id, roles: invitations.roles })
        .from(invitations)
        .where(
          and(
            eq(invitations.orgId, orgId),
            eq(invitations.status, 'pending'),
            sql`${invitations.roles} @> ${JSON.stringify([key])}::jsonb`,
          ),
        );
    },

    /** Holder counts of every role used in the org. */
    async holderCounts(orgId: string): Promise<Map<string, RoleHolderCount>> {
      const [direct, viaGroups] = await Promise.all([
        db
          .select({ key: memberRoles.roleKey, n: count() })
          .from(memberRoles)
          .where(eq(memberRoles.orgId, orgId))
          .groupBy(memberRoles.roleKey),
        db
          .select({ key: groupRoles.roleKey, n: count() })
          .from(groupRoles)
          .innerJoin(groups, eq(groups.id, groupRoles.groupId))
          .where(eq(groups.orgId, orgId))
          .groupBy(groupRoles.roleKey),
      ]);
      const out = new Map<string, RoleHolderCount>();
      for (const r of direct) out.set(r.key, { members: Number(r.n), groups: 0 });
      for (const r of viaGroups) {
        out.set(r.key, { members: out.get(r.key)?.members ?? 0, groups: Number(r.n) });
      }
      return out;
    },

    /**
     * Replaces `from` by `to` for every member and group of the org holding `from`, and in its
     * pending invitations.
     */
    async reassign(orgId: string, from: string, to: string): Promise<void> {
      for (const inv of await this.pendingInvitations(orgId, from)) {
        const next = [...new Set(inv.roles.map((r) => (r === from ? to : r)))];
        await db.update(invitations).set({ roles: next }).where(eq(invitations.id, inv.id));
      }
      const members = await this.memberHolders(orgId, from);
      const groupHolders = await this.groupHolders(orgId, from);
      await db
        .delete(memberRoles)
        .where(and(eq(memberRoles.orgId, orgId), eq(memberRoles.roleKey, from)));
      const needMember = members.filter((m) => !m.roles.includes(to));
      if (needMember.length > 0) {
        await db
          .insert(memberRoles)
          .values(needMember.map((m) => ({ orgId, userId: m.userId, roleKey: to })));
      }
      const groupIds = groupHolders.map((g) => g.groupId);
      if (groupIds.length > 0) {
        await db
          .delete(groupRoles)
          .where(and(inArray(groupRoles.groupId, groupIds), eq(groupRoles.roleKey, from)));
        const needGroup = groupHolders.filter((g) => !g.roles.includes(to));
        if (needGroup.length > 0) {
          await db
            .insert(groupRoles)
            .values(needGroup.map((g) => ({ groupId: g.groupId, roleKey: to })));
        }
      }
    },
  };
}

function group(rows: [string, string][]): { userId: string; roles: string[] }[] {
  const out = new Map<string, string[]>();
  for (const [id, key] of rows) out.set(id, [...(out.get(id) ?? []), key]);
  return [...out].map(([userId, keys]) => ({ userId, roles: keys }));
}
