import { and, desc, eq, gte, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { type ActorType, auditEvents, users } from '../db/schema/index.js';
import { newSortableId } from '../lib/ids.js';

/** An audit event row. */
export type AuditEvent = typeof auditEvents.$inferSelect;

/** An audit event as listed: with the acting user's current name and e-mail, when known. */
export type ListedAuditEvent = AuditEvent & {
  readonly actorName: string | null;
  readonly actorEmail: string | null;
};

/** Who did it and from where; taken from the request. */
export interface AuditActor {
  readonly actorId: string | null;
  readonly actorType: ActorType;
  readonly ip?: string | null;
  readonly userAgent?: string | null;
}

/** What happened. */
export interface AuditEntry {
  readonly orgId?: string | null;
  /** Dotted verb, e.g. `member.roles_updated`. */
  readonly action: string;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly description: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Filters of an audit listing. Exactly one of `orgId`/`userId` scopes it. */
export interface AuditQuery {
  readonly orgId?: string;
  /** Events the user performed or that targeted the user. */
  readonly userId?: string;
  readonly action?: string;
  readonly actorId?: string;
  readonly targetType?: string;
  readonly targetId?: string;
  readonly since?: Date;
  readonly until?: Date;
  /** Position after which to continue: the last row of the previous page. */
  readonly after?: { readonly createdAt: Date; readonly id: string };
  readonly limit: number;
}

/** Storage for audit events: append inside the mutation's transaction, list newest first. */
export function auditStore(db: DbOrTx) {
  return {
    async record(
      actor: AuditActor,
      entry: AuditEntry,
      /** When it happened (test worlds replaying history); default now. */
      at: Date = new Date(),
    ): Promise<AuditEvent> {
      const now = at;
      const [row] = await db
        .insert(auditEvents)
        .values({
          id: newSortableId('evt', now.getTime()),
          orgId: entry.orgId ?? null,
          actorId: actor.actorId,
          actorType: actor.actorType,
          action: entry.action,
          targetType: entry.targetType ?? null,
          targetId: entry.targetId ?? null,
          description: entry.description,
          before: entry.before ?? null,
          after: entry.after ?? null,
          ip: actor.ip ?? null,
          userAgent: actor.userAgent ?? null,
          createdAt: now,
        })
        .returning();
      return row!;
    },

    async list(query: AuditQuery): Promise<ListedAuditEvent[]> {
      const where: (SQL | undefined)[] = [];
      if (query.orgId) where.push(eq(auditEvents.orgId, query.orgId));
      if (query.userId) {
        where.push(
          or(
            eq(auditEvents.actorId, query.userId),
            and(eq(auditEvents.targetType, 'user'), eq(auditEvents.targetId, query.userId)),
          ),
        );
      }
      if (query.action) {
        // `member` matches `member.*`; `member.removed` matches exactly.
        where.push(
          query.action.includes('.')
            ? eq(auditEvents.action, query.action)
            : sql`${auditEvents.action} like ${`${query.action}.%`}`,
        );
      }
      if (query.actorId) where.push(eq(auditEvents.actorId, query.actorId));
      if (query.targetType) where.push(eq(auditEvents.targetType, query.targetType));
      if (query.targetId) where.push(eq(auditEvents.targetId, query.targetId));
      if (query.since) where.push(gte(auditEvents.createdAt, query.since));
      if (query.until) where.push(lte(auditEvents.createdAt, query.until));
      if (query.after) {
        const { createdAt, id } = query.after;
        where.push(
          or(
            lt(auditEvents.createdAt, createdAt),
            and(eq(auditEvents.createdAt, createdAt), lt(auditEvents.id, id)),
          ),
        );
      }
      const rows = await db
        .select({ event: auditEvents, actorName: users.name, actorEmail: users.email })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(and(...where))
        .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
        .limit(query.limit);
      return rows.map((r) => ({ ...r.event, actorName: r.actorName, actorEmail: r.actorEmail }));
    },
  };
}
