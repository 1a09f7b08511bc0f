import { and, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { type InvitationStatus, invitations, users } from '../db/schema/index.js';
import { newSortableId } from '../lib/ids.js';

/** An invitation row. */
export type Invitation = typeof invitations.$inferSelect;

/** Storage for invitations. `expired` is derived: pending past `expires_at`. */
export function invitationStore(db: DbOrTx) {
  return {
    async create(input: {
      orgId: string;
      email: string;
      roles: string[];
      inviterId: string | null;
      tokenHash: string;
      expiresAt: Date;
      /** A chosen id and creation time (test worlds); default a new id, now. */
      id?: string;
      createdAt?: Date;
    }): Promise<Invitation> {
      const { id, createdAt, ...fields } = input;
      const now = createdAt ?? new Date();
      const [row] = await db
        .insert(invitations)
        .values({
          id: id ?? newSortableId('inv', now.getTime()),
          ...fields,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return row!;
    },

    async findById(orgId: string, id: string): Promise<Invitation | undefined> {
      const [row] = await db
        .select()
        .from(invitations)
        .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)));
      return row;
    },

    async findByTokenHash(tokenHash: string): Promise<Invitation | undefined> {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row;
    },

    /** The pending, unexpired invitation of an address to an org, if any. */
    async findPending(orgId: string, email: string, now: Date): Promise<Invitation | undefined> {
      const [row] = await db
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.orgId, orgId),
            eq(invitations.email, email),
            eq(invitations.status, 'pending'),
            gt(invitations.expiresAt, now),
          ),
        );
      return row;
    },

    async update(
      id: string,
      patch: Partial<
        Pick<
          Invitation,
          'status' | 'tokenHash' | 'expiresAt' | 'acceptedBy' | 'acceptedAt' | 'roles'
        >
      >,
    ): Promise<Invitation | undefined> {
      const [row] = await db
        .update(invitations)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(invitations.id, id))
        .returning();
      return row;
    },

    /**
     * Marks a pending invitation accepted; false when another request accepted or revoked it
     * first (the token is single-use even under concurrency).
     */
    async markAccepted(id: string, userId: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ status: 'accepted', acceptedBy: userId, acceptedAt: at, updatedAt: at })
        .where(and(eq(invitations.id, id), eq(invitations.status, 'pending')))
        .returning({ id: invitations.id });
      return rows.length === 1;
    },

    /** Invitations of an org, newest first, with keyset pagination on `(created_at, id)`. */
    async list(query: {
      orgId: string;
      status?: InvitationStatus;
      now: Date;
      after?: { createdAt: Date; id: string };
      limit: number;
    }) {
      const where: (SQL | undefined)[] = [eq(invitations.orgId, query.orgId)];
      if (query.status === 'expired') {
        where.push(eq(invitations.status, 'pending'), lt(invitations.expiresAt, query.now));
      } else if (query.status === 'pending') {
        where.push(eq(invitations.status, 'pending'), gt(invitations.expiresAt, query.now));
      } else if (query.status) {
        where.push(eq(invitations.status, query.status));
      }
      if (query.after) {
        where.push(
          sql`(${invitations.createdAt}, ${invitations.id}) < (${query.after.createdAt}, ${query.after.id})`,
        );
      }
      return db
        .select({ invitation: invitations, inviterName: users.name, inviterEmail: users.email })
        .from(invitations)
        .leftJoin(users, eq(users.id, invitations.inviterId))
        .where(and(...where))
        .orderBy(desc(invitations.createdAt), desc(invitations.id))
        .limit(query.limit);
    },
  };
}

/** The status an invitation shows: pending ones past their expiry read as `expired`. */
export function effectiveStatus(invitation: Invitation, now: Date): InvitationStatus {
  return invitation.status === 'pending' && invitation.expiresAt <= now
    ? 'expired'
    : invitation.status;
}
