import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, tz } from './columns.js';
import { users } from './users.js';

/** Kind of organization: platform, partner or client. */
export type OrgKind = 'partner' | 'client' | 'standard';

/** Organizations form a tree through `parent_id`; deletion is soft. */
export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => organizations.id),
    kind: text('kind').$type<OrgKind>().notNull().default('standard'),
    deletedAt: tz('deleted_at'),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_slug_key').on(t.slug),
    // Walking the tree: children of an org, and ancestors via a recursive CTE on the primary key.
    index('organizations_parent_idx').on(t.parentId, t.id),
  ],
);

/** Member status inside one org; the user's own status applies on top of it. */
export type MembershipStatus = 'active' | 'disabled';

/** A user's membership in an org. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<MembershipStatus>().notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    // Member listing sorted by join date with keyset pagination.
    index('memberships_org_created_idx').on(t.orgId, t.createdAt, t.userId),
  ],
);

/** Roles held directly by a member (a member may hold several). */
export const memberRoles = pgTable(
  'member_roles',
  {
    orgId: text('org_id').notNull(),
    userId: text('user_id').notNull(),
    roleKey: text('role_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.roleKey] }),
    index('member_roles_org_role_idx').on(t.orgId, t.roleKey),
    index('member_roles_user_idx').on(t.userId),
  ],
);

/** Custom roles, defined per org at runtime (presets live in code). */
export const roles = pgTable(
  'roles',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    module: text('module'),
    extends: text('extends'),
    assignable: text('assignable'),
    self: jsonb('self').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    descendants: jsonb('descendants').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    remove: jsonb('remove').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roles_org_key_key').on(t.orgId, t.key)],
);

/** Named sets of members; roles assigned to a group apply to its members. */
export const groups = pgTable(
  'groups',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('groups_org_name_key').on(t.orgId, sql`lower(${t.name})`)],
);

/** Members of a group. */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_members_user_idx').on(t.userId),
  ],
);

/** Roles assigned to a group. */
export const groupRoles = pgTable(
  'group_roles',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    roleKey: text('role_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.roleKey] })],
);
