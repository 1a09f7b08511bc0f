import { index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tz } from './columns.js';
import { organizations } from './organizations.js';

/** Lifecycle of an invitation. `expired` is derived from `expires_at` when read. */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** Invitations to join an org with chosen roles; only the token's hash is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull(),
    inviterId: text('inviter_id'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: tz('expires_at').notNull(),
    status: text('status').$type<InvitationStatus>().notNull().default('pending'),
    acceptedBy: text('accepted_by'),
    acceptedAt: tz('accepted_at'),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    index('invitations_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('invitations_email_idx').on(t.email),
  ],
);
