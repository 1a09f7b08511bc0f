import { and, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import { type SettingScope, settingOverrides } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';

/** A stored setting override. */
export type SettingOverrideRow = typeof settingOverrides.$inferSelect;

/** Where an override is stored: a level and the id of the thing at that level. */
export interface StoredScope {
  readonly type: SettingScope;
  /** `''` for the platform, the org or group id, or `<orgId>/<userId>` for a member. */
  readonly id: string;
}

/**
 * The storage id of a member's own level: user overrides are kept per org, so one org's admins
 * never change what a user sees in another org.
 */
export function userScopeId(orgId: string, userId: string): string {
  return `${orgId}/${userId}`;
}

/** Storage for setting overrides; platform defaults live in code. */
export function settingStore(db: DbOrTx) {
  const at = (scope: StoredScope) =>
    and(eq(settingOverrides.scopeType, scope.type), eq(settingOverrides.scopeId, scope.id));
  return {
    /** Every override stored at the given scopes. */
    async list(scopes: readonly StoredScope[]): Promise<SettingOverrideRow[]> {
      if (scopes.length === 0) return [];
      return db
        .select()
        .from(settingOverrides)
        .where(or(...scopes.map(at)));
    },

    async get(scope: StoredScope, key: string): Promise<SettingOverrideRow | undefined> {
      const [row] = await db
        .select()
        .from(settingOverrides)
        .where(and(at(scope), eq(settingOverrides.key, key)));
      return row;
    },

    /** Sets (or replaces) the value and lock of `key` at `scope`. */
    async put(
      scope: StoredScope,
      key: string,
      value: unknown,
      locked: boolean,
    ): Promise<SettingOverrideRow> {
      const now = new Date();
      const [row] = await db
        .insert(settingOverrides)
        .values({
          id: newId('set'),
          scopeType: scope.type,
          scopeId: scope.id,
          key,
          value,
          locked,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [settingOverrides.scopeType, settingOverrides.scopeId, settingOverrides.key],
          set: { value, locked, updatedAt: now },
        })
        .returning();
      return row!;
    },

    async delete(scope: StoredScope, key: string): Promise<void> {
      await db.delete(settingOverrides).where(and(at(scope), eq(settingOverrides.key, key)));
    },

    /** Drops every override of these scopes (a deleted group, a removed member). */
    async deleteScopes(type: SettingScope, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db
        .delete(settingOverrides)
        .where(
          and(eq(settingOverrides.scopeType, type), inArray(settingOverrides.scopeId, [...ids])),
        );
    },
  };
}
