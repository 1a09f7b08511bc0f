import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { idempotencyKeys, outbox } from '../db/schema/index.js';
import { newSortableId } from '../lib/ids.js';

/** A stored outbox mail. */
export type OutboxMail = typeof outbox.$inferSelect;

/** A stored idempotency record. */
export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

/** Storage for the dev mail outbox. */
export function outboxStore(db: DbOrTx) {
  return {
    async add(mail: {
      to: string;
      subject: string;
      text: string;
      html?: string | null;
      meta?: Record<string, string>;
    }) {
      const now = new Date();
      const [row] = await db
        .insert(outbox)
        .values({ id: newSortableId('mail', now.getTime()), ...mail, createdAt: now })
        .returning();
      return row!;
    },

    async list(filter: { to?: string; limit: number }): Promise<OutboxMail[]> {
      return db
        .select()
        .from(outbox)
        .where(filter.to ? eq(outbox.to, filter.to) : undefined)
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(filter.limit);
    },
  };
}

/** Storage for Idempotency-Key records. */
export function idempotencyStore(db: DbOrTx) {
  return {
    /**
     * Claims `key` for `scope`; returns undefined when claimed now, or the existing record when
     * the key was used before (finished or still running).
     */
    async claim(input: {
      scope: string;
      key: string;
      method: string;
      path: string;
      requestHash: string;
    }): Promise<IdempotencyRecord | undefined> {
      const inserted = await db
        .insert(idempotencyKeys)
        .values(input)
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return undefined;
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, input.scope), eq(idempotencyKeys.key, input.key)));
      return row;
    },

    async complete(
      scope: string,
      key: string,
      status: number,
      responseBody: string,
    ): Promise<void> {
      await db
        .update(idempotencyKeys)
        .set({ status, responseBody })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    },

    /** Forgets a claim whose request failed, so the client may retry with the same key. */
    async release(scope: string, key: string): Promise<void> {
      await db
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    },

    async purgeOlderThan(date: Date): Promise<void> {
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, date));
    },
  };
}
