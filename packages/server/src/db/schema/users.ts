import { sql } from 'drizzle-orm';
import { boolean, index, inet, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tz } from './columns.js';

/** Account status (architecture §2). */
export type UserStatus = 'invited' | 'active' | 'disabled';

/** One real person, in any number of orgs. E-mails are stored lower-cased, so uniqueness is exact. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    status: text('status').$type<UserStatus>().notNull().default('active'),
    passwordHash: text('password_hash'),
    platformAdmin: boolean('platform_admin').notNull().default(false),
    /** `issuer|subject` of the host's JWT in external auth mode. */
    externalSubject: text('external_subject'),
    /**
     * When the user last signed in or made an authenticated request; null = never. Written at
     * most every few minutes per user (see `authenticate`), never once per request.
     */
    lastActiveAt: tz('last_active_at'),
    /**
     * The address is not proven yet (an account an admin created, or a sign-up while e-mail
     * verification is on): no sign-in and no API keys until the activation link is opened.
     */
    activationRequired: boolean('activation_required').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_external_subject_key').on(t.externalSubject),
    // Member search and sort by name: prefix search on lower(name), keyset on (lower(name), id).
    index('users_lower_name_idx').on(sql`lower(${t.name}) text_pattern_ops`, t.id),
    // The pattern index above serves LIKE prefixes only; ORDER BY lower(name), id and the keyset
    // comparison need the default operator class, or every page sorts the whole org.
    index('users_lower_name_order_idx').on(sql`lower(${t.name})`, t.id),
    index('users_email_pattern_idx').on(sql`${t.email} text_pattern_ops`),
  ],
);

/** Sign-in sessions; only the SHA-256 of the token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: tz('expires_at').notNull(),
    /** Set when the user's privileges changed: the next request swaps the token. */
    rotate: boolean('rotate').notNull().default(false),
    /** Last request seen with this session (written at most once a minute), for the idle timeout. */
    lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
    activeOrgId: text('active_org_id'),
    ip: inet('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
  ],
);

/** What a mailed account token is for. */
export type AccountTokenPurpose = 'password_reset' | 'activation';

/** Single-use account tokens (hashed): password reset links and address activation links. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<AccountTokenPurpose>().notNull().default('password_reset'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tz('expires_at').notNull(),
    usedAt: tz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_hash_key').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.userId),
  ],
);

/** Bearer API keys (`ok_<prefix>_<secret>`); only the SHA-256 of the whole key is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Optional org the key is restricted to. */
    orgId: text('org_id'),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    name: text('name').notNull(),
    /** Narrower permission list; null means the user's own permissions. */
    scopes: jsonb('scopes').$type<string[]>(),
    expiresAt: tz('expires_at'),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('api_keys_prefix_key').on(t.prefix),
    uniqueIndex('api_keys_hash_key').on(t.hash),
    index('api_keys_user_idx').on(t.userId),
  ],
);
