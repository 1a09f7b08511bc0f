import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import {
  memberRoles,
  memberships,
  type OrgKind,
  organizations,
  roles,
} from '../db/schema/index.js';
import { newId } from '../lib/ids.js';

/** An organization row. */
export type Org = typeof organizations.$inferSelect;

/** A custom role row. */
export type CustomRoleRow = typeof roles.$inferSelect;

/** Storage for organizations and the org tree. Soft-deleted orgs are invisible to every read. */
export function organizationStore(db: DbOrTx) {
  const live = isNull(organizations.deletedAt);
  return {
    async create(input: {
      name: string;
      slug: string;
      parentId?: string | null;
      kind?: OrgKind;
      /** A chosen id and creation time (test worlds); default a new id, now. */
      id?: string;
      createdAt?: Date;
    }): Promise<Org> {
      const now = input.createdAt ?? new Date();
      const [row] = await db
        .insert(organizations)
        .values({
          id: input.id ?? newId('org'),
          name: input.name,
          slug: input.slug,
          parentId: input.parentId ?? null,
          kind: input.kind ?? 'standard',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    /**
     * Locks the org's row until the transaction ends (`SELECT … FOR UPDATE`). Changes to who is
     * owner, a member's roles or status, or membership itself take it first, so they run one at
     * a time per org: each sees the others' committed result (no second owner, no owner removed
     * while being made owner), and a single lock per org cannot deadlock.
     */
    async lockForUpdate(id: string): Promise<void> {
      await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, id))
        .for('update');
    },

    async findById(id: string): Promise<Org | undefined> {
      const [row] = await db
        .select()
        .from(organizations)
        .where(and(eq(organizations.id, id), live));
      return row;
    },

    /** Any org with this slug, deleted or not (slugs are never reused). */
    async slugExists(slug: string): Promise<boolean> {
      const rows = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, slug));
      return rows.length > 0;
    },

    async update(
      id: string,
      patch: Partial<Pick<Org, 'name' | 'slug' | 'kind'>>,
    ): Promise<Org | undefined> {
      const [row] = await db
        .update(organizations)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(organizations.id, id), live))
        .returning();
      return row;
    },

    async softDelete(id: string, at: Date): Promise<void> {
      await db.update(organizations).set({ deletedAt: at }).where(eq(organizations.id, id));
    },

    /** Live children of an org, by name then id, with keyset pagination on `(name, id)`. */
    async children(
      parentId: string,
      page: { after?: { name: string; id: string }; limit: number },
    ): Promise<Org[]> {
      const after = page.after
        ? sql`(${organizations.name}, ${organizations.id}) > (${page.after.name}, ${page.after.id})`
        : undefined;
      return db
        .select()
        .from(organizations)
        .where(and(eq(organizations.parentId, parentId), live, after))
        .orderBy(asc(organizations.name), asc(organizations.id))
        .limit(page.limit);
    },

    /** Ids of the ancestors of an org, nearest first (one recursive query up the tree). */
    async ancestorIds(id: string): Promise<string[]> {
      const result = await db.execute<{ id: string; depth: number }>(sql`
        with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from ${organizations} where id = ${id}
          union all
          select o.id, o.parent_id, up.depth + 1
          from ${organizations} o join up on o.id = up.parent_id
          where up.depth < 64
        )
        select id, depth from up where depth > 0 order by depth`);
      return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    },

    /** Live orgs the user is a member of, with the membership status and direct roles. */
    async listForUser(userId: string) {
      const rows = await db
        .select({
          org: organizations,
          status: memberships.status,
          joinedAt: memberships.createdAt,
          roles: sql<
            string[]
          >`coalesce(array_agg(${memberRoles.roleKey}) filter (where ${memberRoles.roleKey} is not null), '{}')`,
        })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.orgId))
        .leftJoin(
          memberRoles,
          and(eq(memberRoles.orgId, memberships.orgId), eq(memberRoles.userId, memberships.userId)),
        )
        .where(and(eq(memberships.userId, userId), live))
        .groupBy(organizations.id, memberships.status, memberships.createdAt)
        .orderBy(asc(organizations.name), asc(organizations.id));
      return rows;
    },

    /** Custom roles defined in the given orgs. */
    async customRoles(orgIds: readonly string[]): Promise<CustomRoleRow[]> {
      if (orgIds.length === 0) return [];
      return db
        .select()
        .from(roles)
        .where(inArray(roles.orgId, [...orgIds]));
    },

    /** Live orgs by id. */
    async findMany(ids: readonly string[]): Promise<Org[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(organizations)
        .where(and(inArray(organizations.id, [...ids]), live));
    },

    /** Top-level orgs (platform admins' view), keyset on `(name, id)`. */
    async roots(page: { after?: { name: string; id: string }; limit: number }): Promise<Org[]> {
      const after = page.after
        ? sql`(${organizations.name}, ${organizations.id}) > (${page.after.name}, ${page.after.id})`
        : undefined;
      return db
        .select()
        .from(organizations)
        .where(and(isNull(organizations.parentId), live, after))
        .orderBy(asc(organizations.name), asc(organizations.id))
        .limit(page.limit);
    },
  };
}
