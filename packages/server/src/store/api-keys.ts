import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { apiKeys, memberships, users } from '../db/schema/index.js';
import type { ApiKeyRow } from './users.js';

/** An API key with its owner, as an org admin lists it. */
export interface OrgApiKeyRecord {
  readonly key: ApiKeyRow;
  readonly user: { readonly id: string; readonly email: string; readonly name: string };
}

/** Storage for API key management (lookup by hash lives in the user store). */
export function apiKeyStore(db: DbOrTx) {
  /** Keys usable in the org: bound to it, or unbound keys of its members. */
  const usableIn = (orgId: string) =>
    or(
      eq(apiKeys.orgId, orgId),
      and(
        isNull(apiKeys.orgId),
        sql`exists (select 1 from ${memberships} m where m.org_id = ${orgId} and m.user_id = ${apiKeys.userId})`,
      ),
    );

  return {
    /** The user's keys, newest first (revoked and expired ones included). */
    async listForUser(userId: string): Promise<ApiKeyRow[]> {
      return db
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.userId, userId))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    },

    async findForUser(userId: string, keyId: string): Promise<ApiKeyRow | undefined> {
      const [row] = await db
        .select()
        .from(apiKeys)
        .where(and(eq(apiKeys.userId, userId), eq(apiKeys.id, keyId)));
      return row;
    },

    /** Keys usable in the org, newest first, with their owners. */
    async listForOrg(orgId: string): Promise<OrgApiKeyRecord[]> {
      return db
        .select({
          key: apiKeys,
          user: { id: users.id, email: users.email, name: users.name },
        })
        .from(apiKeys)
        .innerJoin(users, eq(users.id, apiKeys.userId))
        .where(usableIn(orgId))
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
    },

    async findForOrg(orgId: string, keyId: string): Promise<OrgApiKeyRecord | undefined> {
      const [row] = await db
        .select({
          key: apiKeys,
          user: { id: users.id, email: users.email, name: users.name },
        })
        .from(apiKeys)
        .innerJoin(users, eq(users.id, apiKeys.userId))
        .where(and(eq(apiKeys.id, keyId), usableIn(orgId)));
      return row;
    },

    /** Marks the key revoked (once); returns the updated row. */
    async revoke(keyId: string, at: Date): Promise<ApiKeyRow | undefined> {
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at})` })
        .where(eq(apiKeys.id, keyId))
        .returning();
      return row;
    },
  };
}
