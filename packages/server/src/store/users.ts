import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import {
  type AccountTokenPurpose,
  apiKeys,
  passwordResetTokens,
  sessions,
  type UserStatus,
  users,
} from '../db/schema/index.js';
import { newId } from '../lib/ids.js';

/** A user row. */
export type User = typeof users.$inferSelect;

/** Fields to create a user with. */
export interface NewUser {
  readonly email: string;
  readonly name?: string;
  readonly status?: UserStatus;
  readonly passwordHash?: string | null;
  readonly platformAdmin?: boolean;
  readonly externalSubject?: string | null;
  /** A chosen id (test worlds); default a new random one. */
  readonly id?: string;
  readonly createdAt?: Date;
  readonly activationRequired?: boolean;
}

/** Storage for users, password reset tokens and API key lookup. */
export function userStore(db: DbOrTx) {
  return {
    async create(input: NewUser): Promise<User> {
      const [row] = await db
        .insert(users)
        .values({
          id: input.id ?? newId('usr'),
          ...(input.createdAt ? { createdAt: input.createdAt } : {}),
          email: input.email,
          name: input.name ?? '',
          status: input.status ?? 'active',
          passwordHash: input.passwordHash ?? null,
          platformAdmin: input.platformAdmin ?? false,
          externalSubject: input.externalSubject ?? null,
          activationRequired: input.activationRequired ?? false,
        })
        .returning();
      return row!;
    },

    async findById(id: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    async findByEmail(email: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },

    async findByExternalSubject(subject: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.externalSubject, subject));
      return row;
    },

    async update(
      id: string,
      patch: Partial<
        Pick<
          User,
          | 'name'
          | 'status'
          | 'passwordHash'
          | 'platformAdmin'
          | 'externalSubject'
          | 'activationRequired'
        >
      >,
    ): Promise<User | undefined> {
      const [row] = await db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .returning();
      return row;
    },

    /**
     * Records activity at `at`. With `staleBefore`, only when the stored time is older (or
     * unset): the condition is in the statement, so concurrent requests write once, and a fresh
     * value costs no write at all. Leaves `updated_at` alone (that is for profile changes).
     */
    async touchActivity(id: string, at: Date, staleBefore?: Date): Promise<void> {
      await db
        .update(users)
        .set({ lastActiveAt: at })
        .where(
          staleBefore
            ? and(
                eq(users.id, id),
                or(isNull(users.lastActiveAt), lt(users.lastActiveAt, staleBefore)),
              )
            : eq(users.id, id),
        );
    },

    async createPasswordReset(
      userId: string,
      tokenHash: string,
      expiresAt: Date,
      purpose: AccountTokenPurpose = 'password_reset',
    ): Promise<void> {
      // A new link replaces any older one of the same purpose still outstanding.
      await db
        .update(passwordResetTokens)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(passwordResetTokens.userId, userId),
            eq(passwordResetTokens.purpose, purpose),
            isNull(passwordResetTokens.usedAt),
          ),
        );
      await db
        .insert(passwordResetTokens)
        .values({ id: newId('prt'), userId, tokenHash, expiresAt, purpose });
    },

    /**
     * Marks an unused, unexpired reset token used and returns its user id; undefined when the
     * token is unknown, used or expired. The conditional update makes the token single-use even
     * under concurrent requests.
     */
    async consumePasswordReset(
      tokenHash: string,
      now: Date,
      purpose: AccountTokenPurpose = 'password_reset',
    ): Promise<string | undefined> {
      const [row] = await db
        .update(passwordResetTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(passwordResetTokens.tokenHash, tokenHash),
            eq(passwordResetTokens.purpose, purpose),
            isNull(passwordResetTokens.usedAt),
            gt(passwordResetTokens.expiresAt, now),
          ),
        )
        .returning({ userId: passwordResetTokens.userId });
      return row?.userId;
    },

    async findApiKeyByHash(hash: string) {
      const [row] = await db
        .select({ key: apiKeys, user: users })
        .from(apiKeys)
        .innerJoin(users, eq(users.id, apiKeys.userId))
        .where(eq(apiKeys.hash, hash));
      return row;
    },

    /** Revokes every live API key of the user (password reset); returns how many. */
    async revokeAllApiKeys(userId: string, at: Date): Promise<number> {
      const rows = await db
        .update(apiKeys)
        .set({ revokedAt: at })
        .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id });
      return rows.length;
    },

    async touchApiKey(id: string, at: Date): Promise<void> {
      await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
    },

    async createApiKey(input: {
      userId: string;
      name: string;
      prefix: string;
      hash: string;
      orgId?: string | null;
      scopes?: string[] | null;
      expiresAt?: Date | null;
    }) {
      const [row] = await db
        .insert(apiKeys)
        .values({ id: newId('key'), ...input })
        .returning();
      return row!;
    },
  };
}

/** A session row. */
export type Session = typeof sessions.$inferSelect;

/** Storage for sign-in sessions. */
export function sessionStore(db: DbOrTx) {
  return {
    async create(input: {
      userId: string;
      tokenHash: string;
      expiresAt: Date;
      lastSeenAt?: Date;
      ip?: string | null;
      userAgent?: string | null;
      activeOrgId?: string | null;
    }): Promise<Session> {
      const [row] = await db
        .insert(sessions)
        .values({
          id: newId('ses'),
          userId: input.userId,
          tokenHash: input.tokenHash,
          expiresAt: input.expiresAt,
          ...(input.lastSeenAt ? { lastSeenAt: input.lastSeenAt } : {}),
          ip: input.ip ?? null,
          userAgent: input.userAgent ?? null,
          activeOrgId: input.activeOrgId ?? null,
        })
        .returning();
      return row!;
    },

    /** The unexpired session with this token hash, with its user. */
    async findValid(
      tokenHash: string,
      now: Date,
    ): Promise<{ session: Session; user: User } | undefined> {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return row;
    },

    /**
     * Rotation: replaces a session flagged for rotation by a new one with `tokenHash`, and lets
     * the old token live on only until `graceUntil`, so requests the browser already sent with
     * it (a page fires several at once) still succeed instead of signing the user out. Only one
     * concurrent request wins; the others get `undefined` and go on with the old session.
     */
    async rotate(
      old: Session,
      tokenHash: string,
      expiresAt: Date,
      graceUntil: Date,
      now: Date = new Date(),
    ): Promise<Session | undefined> {
      const [claimed] = await db
        .update(sessions)
        .set({
          rotate: false,
          expiresAt: old.expiresAt < graceUntil ? old.expiresAt : graceUntil,
        })
        .where(and(eq(sessions.id, old.id), eq(sessions.rotate, true)))
        .returning({ id: sessions.id });
      if (!claimed) return undefined;
      const [row] = await db
        .insert(sessions)
        .values({
          id: newId('ses'),
          userId: old.userId,
          tokenHash,
          expiresAt,
          lastSeenAt: now,
          ip: old.ip,
          userAgent: old.userAgent,
          activeOrgId: old.activeOrgId,
        })
        .returning();
      return row!;
    },

    /** Records use of the session at `at` when the stored time is older than `staleBefore`. */
    async touchSeen(id: string, at: Date, staleBefore: Date): Promise<void> {
      await db
        .update(sessions)
        .set({ lastSeenAt: at })
        .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, staleBefore)));
    },

    async setActiveOrg(id: string, orgId: string | null): Promise<void> {
      await db.update(sessions).set({ activeOrgId: orgId }).where(eq(sessions.id, id));
    },

    async delete(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async deleteByTokenHash(tokenHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    /** Signs the user out everywhere (disable, password change); returns how many sessions. */
    async deleteAllForUser(userId: string): Promise<number> {
      const rows = await db
        .delete(sessions)
        .where(eq(sessions.userId, userId))
        .returning({ id: sessions.id });
      return rows.length;
    },

    /** Asks every session of the user to swap its token on the next request (role change). */
    async requireRotation(userId: string): Promise<void> {
      await db.update(sessions).set({ rotate: true }).where(eq(sessions.userId, userId));
    },

    async countForUser(userId: string): Promise<number> {
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.userId, userId));
      return rows.length;
    },
  };
}

/** An API key row. */
export type ApiKeyRow = typeof apiKeys.$inferSelect;
