import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { organizations } from '../db/schema/index.js';
import type { Org } from './organizations.js';

/** A live org below a root, with its depth (1 = child). */
export interface TreeRow extends Org {
  readonly depth: number;
}

/** The org hierarchy: walking down, and moving an org under another. */
export function orgTreeStore(db: DbOrTx) {
  return {
    /**
     * Live descendants of an org down to `maxDepth`, parents before children, at most `limit`
     * rows (one recursive query; cycle-safe).
     */
    async descendants(rootId: string, maxDepth: number, limit: number): Promise<TreeRow[]> {
      const result = await db.execute(sql`
        with recursive down(id, depth, path) as (
          select id, 0, array[id] from ${organizations} where id = ${rootId} and deleted_at is null
          union all
          select o.id, down.depth + 1, down.path || o.id
          from ${organizations} o join down on o.parent_id = down.id
          where o.deleted_at is null and down.depth < ${maxDepth} and not o.id = any(down.path)
        )
        select o.*, down.depth from down join ${organizations} o on o.id = down.id
        where down.depth > 0
        order by down.depth, o.name, o.id
        limit ${limit}`);
      const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
      return rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        slug: r.slug as string,
        parentId: (r.parent_id as string | null) ?? null,
        kind: r.kind as Org['kind'],
        createdAt: new Date(r.created_at as string),
        updatedAt: new Date(r.updated_at as string),
        deletedAt: null,
        depth: Number(r.depth),
      })) as TreeRow[];
    },

    /** Re-parents an org (null: top level). */
    async move(id: string, parentId: string | null): Promise<Org | undefined> {
      const [row] = await db
        .update(organizations)
        .set({ parentId, updatedAt: new Date() })
        .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)))
        .returning();
      return row;
    },
  };
}
