import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, tz } from './columns.js';

/** Who performed an audited action. */
export type ActorType = 'user' | 'api_key' | 'system';

/** One audited mutation (the org and user audit logs). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id'),
    actorId: text('actor_id'),
    actorType: text('actor_type').$type<ActorType>().notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    description: text('description').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_org_idx').on(t.orgId, t.createdAt, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.createdAt, t.id),
    index('audit_events_target_idx').on(t.targetType, t.targetId, t.createdAt),
  ],
);

/** Development mail outbox, used when no SMTP server is configured. */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** What the mail is for and the link it carries, so tests and dev UIs can follow it. */
    meta: jsonb('meta').$type<Record<string, string>>(),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_to_idx').on(t.to, t.createdAt)],
);

/** Stored responses of POSTs sent with an `Idempotency-Key` header. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** The caller (user id) the key belongs to. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still running. */
    status: integer('status'),
    responseBody: text('response_body'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

/** Level of a setting override (architecture §2 settings waterfall); `platform` rows use scope id `''`. */
export type SettingScope = 'platform' | 'org' | 'group' | 'user';

/** Setting overrides; the platform defaults live in code. */
export const settingOverrides = pgTable(
  'setting_overrides',
  {
    id: text('id').primaryKey(),
    scopeType: text('scope_type').$type<SettingScope>().notNull(),
    scopeId: text('scope_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value'),
    locked: boolean('locked').notNull().default(false),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('setting_overrides_scope_key').on(t.scopeType, t.scopeId, t.key)],
);

/** ACL-controlled resource instances with an optional parent (for example directory trees). */
export const resources = pgTable(
  'resources',
  {
    orgId: text('org_id').notNull(),
    type: text('type').notNull(),
    id: text('id').notNull(),
    parentId: text('parent_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.type, t.id] }),
    index('resources_parent_idx').on(t.orgId, t.type, t.parentId),
  ],
);

/** Principal kinds of an ACL grant; `email` entries only receive notifications. */
export type PrincipalType = 'user' | 'group' | 'email';

/** A grant on one resource instance to a user, a group or an e-mail address. */
export const aclGrants = pgTable(
  'acl_grants',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    principalType: text('principal_type').$type<PrincipalType>().notNull(),
    principalId: text('principal_id').notNull(),
    roleKey: text('role_key'),
    actions: jsonb('actions').$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('acl_grants_resource_idx').on(t.orgId, t.resourceType, t.resourceId),
    index('acl_grants_principal_idx').on(t.principalType, t.principalId),
  ],
);
