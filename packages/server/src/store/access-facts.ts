import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import type { MembershipStatus } from '../db/schema/index.js';
import type { CustomRoleRow, Org } from './organizations.js';

/** A role held in an org of the chain, directly or through a group. */
export interface RoleAssignmentRow {
  readonly orgId: string;
  readonly roleKey: string;
  readonly source:
    | { readonly kind: 'direct' }
    | { readonly kind: 'group'; readonly groupId: string; readonly groupName: string };
}

/** Everything an access decision in one org needs, read in one round trip. */
export interface AccessFacts {
  readonly org: Org;
  /** Ancestors of the org, nearest first. */
  readonly ancestors: string[];
  /** The user's membership status in the org itself, if a member. */
  readonly membership: MembershipStatus | undefined;
  /** Roles the user holds in the org and its ancestors (active memberships only). */
  readonly assignments: RoleAssignmentRow[];
  /** Custom roles defined in the org and its ancestors (parsed when called). */
  customRoles(): CustomRoleRow[];
  /**
   * The custom roles exactly as stored (JSON text), so callers can reuse what they compiled from
   * the same rows: any edit changes the text.
   */
  readonly customRolesKey: string;
}

type Json = Record<string, unknown>;
const date = (v: unknown) => new Date(v as string);
const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : date(v));

function toOrg(r: Json): Org {
  return {
    id: r.id as string,
    name: r.name as string,
    slug: r.slug as string,
    parentId: (r.parent_id as string | null) ?? null,
    kind: r.kind as Org['kind'],
    deletedAt: dateOrNull(r.deleted_at),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

function toCustomRole(r: Json): CustomRoleRow {
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    key: r.key as string,
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    module: (r.module as string | null) ?? null,
    extends: (r.extends as string | null) ?? null,
    assignable: (r.assignable as string | null) ?? null,
    self: r.self as unknown[],
    descendants: r.descendants as unknown[],
    remove: (r.remove as Record<string, unknown> | null) ?? null,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

const parse = <T>(v: unknown, fallback: T): T =>
  v === null || v === undefined
    ? fallback
    : typeof v === 'string'
      ? (JSON.parse(v) as T)
      : (v as T);

const orgId = sql.placeholder('orgId');
const userId = sql.placeholder('userId');

/** The statement, on its own so it is parsed and planned once per connection (see below). */
const FACTS = sql`(
  with recursive up(id, parent_id, depth) as (
    select id, parent_id, 0 from organizations where id = ${orgId}
    union all
    select o.id, o.parent_id, up.depth + 1
    from organizations o join up on o.id = up.parent_id
    where up.depth < 64
  )
  select
    (select row_to_json(o) from organizations o
      where o.id = ${orgId} and o.deleted_at is null) as org,
    (select json_agg(id order by depth) from up where depth > 0) as ancestors,
    (select m.status from memberships m
      where m.org_id = ${orgId} and m.user_id = ${userId}) as membership,
    (select json_agg(json_build_array(mr.org_id, mr.role_key))
      from member_roles mr
      join memberships m on m.org_id = mr.org_id and m.user_id = mr.user_id
      where mr.user_id = ${userId} and mr.org_id in (select id from up)
        and m.status = 'active') as direct,
    (select json_agg(json_build_array(g.org_id, gr.role_key, g.id, g.name))
      from group_members gm
      join groups g on g.id = gm.group_id
      join group_roles gr on gr.group_id = g.id
      join memberships m on m.org_id = g.org_id and m.user_id = gm.user_id
      where gm.user_id = ${userId} and g.org_id in (select id from up)
        and m.status = 'active') as via_groups,
    (select json_agg(r order by r.org_id, r.key)::text
      from roles r where r.org_id in (select id from up)) as custom
) as facts`;

/**
 * The facts behind access decisions. One statement walks up the org tree and reads the
 * membership, direct and group roles along the chain and the custom roles defined there, so a
 * decision costs one round trip to the database instead of seven. It is a named prepared
 * statement: planning it took three times as long as running it (1.3 ms against 0.4 ms on the
 * benchmark tenant), and Postgres keeps the plan of a named statement per connection.
 */
export function accessFactStore(db: DbOrTx) {
  let prepared: ReturnType<typeof prepare> | undefined;
  function prepare() {
    return db
      .select({
        org: sql<unknown>`facts.org`,
        ancestors: sql<unknown>`facts.ancestors`,
        membership: sql<MembershipStatus | null>`facts.membership`,
        direct: sql<unknown>`facts.direct`,
        viaGroups: sql<unknown>`facts.via_groups`,
        custom: sql<string | null>`facts.custom`,
      })
      .from(FACTS)
      .prepare('orgkit_access_facts');
  }
  return {
    /** Undefined when the org does not exist or is deleted. */
    async load(orgId: string, userId: string): Promise<AccessFacts | undefined> {
      prepared ??= prepare();
      const [row] = await prepared.execute({ orgId, userId });
      const org = row ? parse<Json | null>(row.org, null) : null;
      if (!row || !org) return undefined;
      const direct = parse<[string, string][]>(row.direct, []);
      const viaGroups = parse<[string, string, string, string][]>(row.viaGroups, []);
      const customRolesKey = row.custom ?? '';
      return {
        org: toOrg(org),
        ancestors: parse<string[]>(row.ancestors, []),
        membership: row.membership ?? undefined,
        assignments: [
          ...direct.map(([o, roleKey]) => ({
            orgId: o,
            roleKey,
            source: { kind: 'direct' as const },
          })),
          ...viaGroups.map(([o, roleKey, groupId, groupName]) => ({
            orgId: o,
            roleKey,
            source: { kind: 'group' as const, groupId, groupName },
          })),
        ],
        customRoles: () =>
          customRolesKey ? parse<Json[]>(customRolesKey, []).map(toCustomRole) : [],
        customRolesKey,
      };
    },
  };
}
