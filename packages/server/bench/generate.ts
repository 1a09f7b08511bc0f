/**
 * Generates the benchmark tenant straight into Postgres with multi-row `insert … select unnest(…)`
 * batches: the org tree, users, memberships with roles, groups, documents with ACL grants and the
 * bench actors' API keys in our database, and the same users, orgs and memberships in
 * better-auth's. Idempotent: a marker row records the scale and generator version.
 *
 *   BENCH_SCALE=1 tsx bench/generate.ts
 */
import { getMigrations } from 'better-auth/db/migration';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { benchCustomRoles, memberRoleKeys } from './catalog.js';
import {
  ACTORS,
  BIG,
  benchApiKey,
  DEEPEST,
  GENERATOR_VERSION,
  ids,
  OURS_DB,
  oursUrl,
  PEER_DB,
  PG_SERVER,
  peerSessionToken,
  peerUrl,
  ROOT,
  SCALE,
  sizes,
} from './config.js';
import { createPeerAuth, peerPool } from './peer-auth.js';
import { prng } from './random.js';

type Column = readonly [name: string, pgType: string];
type Value = string | number | boolean | null;

/** Inserts rows column-wise, `batch` rows per statement (one array parameter per column). */
async function insertColumns(
  client: pg.ClientBase,
  table: string,
  columns: readonly Column[],
  rows: readonly (readonly Value[])[],
  batch = 20_000,
): Promise<void> {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const unnest = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const params = columns.map((_, c) => slice.map((r) => r[c]));
    await client.query(`insert into ${table} (${names}) select * from unnest(${unnest})`, params);
  }
}

async function ensureDatabase(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  try {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rows.length > 0) return false;
    await admin.query(`create database "${name}"`);
    return true;
  } finally {
    await admin.end();
  }
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

async function isGenerated(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select 1 from information_schema.tables where table_name = 'bench_marker'`,
    );
    if (rows.length === 0) return false;
    const marker = await client.query('select scale, version from bench_marker');
    return (
      Number(marker.rows[0]?.scale) === SCALE &&
      Number(marker.rows[0]?.version) === GENERATOR_VERSION
    );
  } finally {
    await client.end();
  }
}

const FIRST = [
  'mara',
  'marco',
  'lena',
  'liam',
  'noah',
  'emma',
  'olga',
  'ivan',
  'sofia',
  'yuki',
  'amir',
  'chen',
  'ana',
  'paul',
  'rosa',
  'tom',
  'ines',
  'omar',
  'kai',
  'nina',
];
const LAST = [
  'smith',
  'garcia',
  'muller',
  'rossi',
  'novak',
  'tanaka',
  'silva',
  'kowalski',
  'dubois',
  'jensen',
  'haddad',
  'okafor',
  'kim',
  'nguyen',
  'martin',
  'lopez',
];

/** The tenant, as plain arrays shared by both databases. */
interface Tenant {
  orgParent: (number | null)[];
  orgDepth: number[];
  userNames: string[];
  /** [org, user, roles] */
  memberships: [number, number, string[]][];
}

function buildTenant(): Tenant {
  const rand = prng(1);
  const { orgs, users, memberships, maxDepth } = sizes;
  const orgParent: (number | null)[] = [null];
  const orgDepth = [0];
  for (let i = 1; i < orgs; i++) {
    let parent: number;
    if (i <= DEEPEST)
      parent = i - 1; // the chain root → … → depth 8
    else if (i === BIG) parent = 1;
    else {
      // Bias towards shallow parents: the minimum of two picks.
      parent = Math.min(Math.floor(rand() * i), Math.floor(rand() * i));
      while (orgDepth[parent]! >= maxDepth) parent = orgParent[parent]!;
    }
    orgParent.push(parent);
    orgDepth.push(orgDepth[parent]! + 1);
  }
  const userNames = Array.from(
    { length: users },
    () => `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
  );

  const seen = new Set<string>();
  const out: [number, number, string[]][] = [];
  const add = (org: number, user: number, roles: string[]) => {
    const k = `${org}|${user}`;
    if (seen.has(k)) return false;
    seen.add(k);
    out.push([org, user, roles]);
    return true;
  };
  const pickRoles = () => {
    const r = rand();
    if (r < 0.5) return ['member'];
    if (r < 0.6) return ['viewer'];
    return ['member', memberRoleKeys[Math.floor(rand() * memberRoleKeys.length)]!];
  };
  // The bench actors.
  add(BIG, ACTORS.owner, ['owner']);
  add(DEEPEST, ACTORS.deepOwner, ['owner']);
  add(DEEPEST, ACTORS.deep, ['member', 'product_0', 'custom_0']);
  add(2, ACTORS.deep, ['product_1']); // inherited: product_1's descendants set applies at depth 8
  add(DEEPEST, ACTORS.probe, ['member']);
  add(DEEPEST, ACTORS.limited, ['member']);
  add(ROOT, ACTORS.owner, ['owner']);
  // The 100,000-member org: every user.
  for (let u = 0; u < users; u++) add(BIG, u, pickRoles());
  // The rest: every other org gets a member, then a Zipf-like spread of the remainder.
  const others = Array.from({ length: orgs }, (_, i) => i).filter((i) => i !== BIG);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const remaining = Math.max(0, memberships - out.length - others.length);
  const weights = others.map((_, rank) => 1 / (rank + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  others.forEach((org, rank) => {
    const size = Math.min(users - 1, 1 + Math.floor((remaining * weights[rank]!) / total));
    const start = Math.floor(rand() * users);
    const hasOwner = org === DEEPEST || org === ROOT;
    let placed = 0;
    for (let k = 0; placed < size && k < size * 2; k++) {
      const owner = !hasOwner && placed === 0;
      if (add(org, (start + k) % users, owner ? ['owner'] : pickRoles())) placed++;
    }
  });
  // Rounding and collisions leave a few short: top up with random members of random orgs.
  while (out.length < memberships) {
    const org = others[Math.floor(rand() * others.length)]!;
    add(org, Math.floor(rand() * users), pickRoles());
  }
  return { orgParent, orgDepth, userNames, memberships: out };
}

async function generateOurs(t: Tenant): Promise<void> {
  const database = await openDatabase({ kind: 'postgres', url: oursUrl, poolSize: 2 });
  await database.migrate();
  await database.close();
  const client = new pg.Client({ connectionString: oursUrl });
  await client.connect();
  const rand = prng(2);
  const base = Date.parse('2025-01-01T00:00:00Z');
  const at = (i: number) => new Date(base + i * 1000).toISOString();
  try {
    await client.query('begin');
    await insertColumns(
      client,
      'organizations',
      [
        ['id', 'text'],
        ['name', 'text'],
        ['slug', 'text'],
        ['parent_id', 'text'],
        ['kind', 'text'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      t.orgParent.map((p, i) => [
        ids.org(i),
        `Org ${i}`,
        `org-${i}`,
        p === null ? null : ids.org(p),
        t.orgDepth[i]! <= 1 ? 'partner' : 'client',
        at(i),
        at(i),
      ]),
    );
    await insertColumns(
      client,
      'users',
      [
        ['id', 'text'],
        ['email', 'text'],
        ['name', 'text'],
        ['status', 'text'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      t.userNames.map((name, i) => [
        ids.user(i),
        `${name.replace(' ', '.')}.${i}@bench.example`,
        name,
        'active',
        at(i),
        at(i),
      ]),
    );
    await insertColumns(
      client,
      'memberships',
      [
        ['org_id', 'text'],
        ['user_id', 'text'],
        ['status', 'text'],
        ['created_at', 'timestamptz'],
      ],
      t.memberships.map(([o, u], i) => [ids.org(o), ids.user(u), 'active', at(i)]),
    );
    await insertColumns(
      client,
      'member_roles',
      [
        ['org_id', 'text'],
        ['user_id', 'text'],
        ['role_key', 'text'],
      ],
      t.memberships.flatMap(([o, u, roles]) =>
        roles.map((r) => [ids.org(o), ids.user(u), r] as Value[]),
      ),
    );
    await insertColumns(
      client,
      'roles',
      [
        ['id', 'text'],
        ['org_id', 'text'],
        ['key', 'text'],
        ['name', 'text'],
        ['self', 'jsonb'],
        ['descendants', 'jsonb'],
      ],
      benchCustomRoles.map((r, i) => [
        `rol_b${i}`,
        ids.org(ROOT),
        r.key,
        r.name,
        JSON.stringify(r.self ?? []),
        JSON.stringify(r.descendants ?? []),
      ]),
    );

    // Members per org, for groups and grant principals.
    const membersOf = new Map<number, number[]>();
    for (const [o, u] of t.memberships) {
      const list = membersOf.get(o) ?? [];
      list.push(u);
      membersOf.set(o, list);
    }
    // Groups: one per 50 members (at most 50 per org), each with a product role.
    const groupRows: Value[][] = [];
    const groupMemberRows: Value[][] = [];
    const groupRoleRows: Value[][] = [];
    const groupsOf = new Map<number, string[]>();
    for (const [o, members] of membersOf) {
      const count = Math.min(50, Math.floor(members.length / 50));
      for (let g = 0; g < count; g++) {
        const id = `grp_b${o}_${g}`;
        groupRows.push([id, ids.org(o), `Group ${g}`]);
        groupRoleRows.push([id, memberRoleKeys[Math.floor(rand() * memberRoleKeys.length)]!]);
        for (let k = g; k < members.length; k += count * 4)
          groupMemberRows.push([id, ids.user(members[k]!)]);
        groupsOf.set(o, [...(groupsOf.get(o) ?? []), id]);
      }
    }
    await insertColumns(
      client,
      'groups',
      [
        ['id', 'text'],
        ['org_id', 'text'],
        ['name', 'text'],
      ],
      groupRows,
    );
    await insertColumns(
      client,
      'group_members',
      [
        ['group_id', 'text'],
        ['user_id', 'text'],
      ],
      groupMemberRows,
    );
    await insertColumns(
      client,
      'group_roles',
      [
        ['group_id', 'text'],
        ['role_key', 'text'],
      ],
      groupRoleRows,
    );

    // Documents: trees (8 children per folder) per org, 4 grants each. The big org holds 40%,
    // the deepest org a fixed share, the rest follows member counts.
    const documents = Math.ceil(sizes.grants / 4);
    const perOrg = new Map<number, number>();
    perOrg.set(BIG, Math.floor(documents * 0.4));
    perOrg.set(DEEPEST, Math.max(100, Math.floor(documents * 0.01)));
    const rest = documents - perOrg.get(BIG)! - perOrg.get(DEEPEST)!;
    const restMembers = t.memberships.filter(([o]) => o !== BIG && o !== DEEPEST).length;
    for (const [o, members] of membersOf) {
      if (o === BIG || o === DEEPEST) continue;
      perOrg.set(o, Math.round((rest * members.length) / restMembers));
    }
    const resourceRows: Value[][] = [];
    const grantRows: Value[][] = [];
    const actions = ['read', 'write', 'share', 'delete'];
    let grantId = 0;
    for (const [o, n] of perOrg) {
      const members = membersOf.get(o) ?? [];
      const groups = groupsOf.get(o) ?? [];
      for (let j = 0; j < n; j++) {
        const doc = `doc_${o}_${j}`;
        resourceRows.push([
          ids.org(o),
          'documents',
          doc,
          j === 0 ? null : `doc_${o}_${Math.floor((j - 1) / 8)}`,
        ]);
        for (let g = 0; g < 4 && grantRows.length < sizes.grants; g++) {
          const useGroup = groups.length > 0 && rand() < 0.25;
          const principal = useGroup
            ? (['group', groups[Math.floor(rand() * groups.length)]!] as const)
            : (['user', ids.user(members[Math.floor(rand() * members.length)]!)] as const);
          const acts = actions.filter(() => rand() < 0.5);
          grantRows.push([
            `acl_b${grantId++}`,
            ids.org(o),
            'documents',
            doc,
            principal[0],
            principal[1],
            null,
            JSON.stringify(acts.length ? acts : ['read']),
          ]);
        }
      }
    }
    // The deep user may read the deepest org's first folder (inherited by the documents below).
    grantRows.push([
      `acl_b${grantId++}`,
      ids.org(DEEPEST),
      'documents',
      `doc_${DEEPEST}_1`,
      'user',
      ids.user(ACTORS.deep),
      null,
      JSON.stringify(['read', 'write']),
    ]);
    await insertColumns(
      client,
      'resources',
      [
        ['org_id', 'text'],
        ['type', 'text'],
        ['id', 'text'],
        ['parent_id', 'text'],
      ],
      resourceRows,
    );
    await insertColumns(
      client,
      'acl_grants',
      [
        ['id', 'text'],
        ['org_id', 'text'],
        ['resource_type', 'text'],
        ['resource_id', 'text'],
        ['principal_type', 'text'],
        ['principal_id', 'text'],
        ['role_key', 'text'],
        ['actions', 'jsonb'],
      ],
      grantRows,
    );

    // API keys of the bench actors (the secrets are derived, see benchApiKey).
    await insertColumns(
      client,
      'api_keys',
      [
        ['id', 'text'],
        ['user_id', 'text'],
        ['prefix', 'text'],
        ['hash', 'text'],
        ['name', 'text'],
      ],
      Object.entries(ACTORS).map(([name, user]) => {
        const key = benchApiKey(name);
        return [`key_b${name}`, ids.user(user), key.prefix, key.hash, `bench ${name}`];
      }),
    );
    await client.query(
      'create table bench_marker (scale double precision, version int, generated_at timestamptz default now())',
    );
    await client.query('insert into bench_marker (scale, version) values ($1, $2)', [
      SCALE,
      GENERATOR_VERSION,
    ]);
    await client.query('commit');
    await client.query('vacuum analyze');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

async function generatePeer(t: Tenant): Promise<void> {
  const pool = peerPool(peerUrl, 2);
  const auth = createPeerAuth(pool);
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  const client = await pool.connect();
  const base = Date.parse('2025-01-01T00:00:00Z');
  const at = (i: number) => new Date(base + i * 1000).toISOString();
  try {
    await client.query('begin');
    // better-auth has no org tree: the same orgs, flat.
    await insertColumns(
      client,
      'organization',
      [
        ['id', 'text'],
        ['name', 'text'],
        ['slug', 'text'],
        ['createdAt', 'timestamptz'],
      ],
      t.orgParent.map((_, i) => [ids.org(i), `Org ${i}`, `org-${i}`, at(i)]),
    );
    await insertColumns(
      client,
      '"user"',
      [
        ['id', 'text'],
        ['name', 'text'],
        ['email', 'text'],
        ['emailVerified', 'boolean'],
        ['createdAt', 'timestamptz'],
        ['updatedAt', 'timestamptz'],
      ],
      t.userNames.map((name, i) => [
        ids.user(i),
        name,
        `${name.replace(' ', '.')}.${i}@bench.example`,
        true,
        at(i),
        at(i),
      ]),
    );
    // One member row per membership; several roles are better-auth's comma-separated list.
    await insertColumns(
      client,
      'member',
      [
        ['id', 'text'],
        ['organizationId', 'text'],
        ['userId', 'text'],
        ['role', 'text'],
        ['createdAt', 'timestamptz'],
      ],
      t.memberships.map(([o, u, roles], i) => [
        `mem_b${i}`,
        ids.org(o),
        ids.user(u),
        roles.join(','),
        at(i),
      ]),
    );
    const expires = new Date(Date.now() + 300 * 24 * 3600 * 1000).toISOString();
    await insertColumns(
      client,
      'session',
      [
        ['id', 'text'],
        ['token', 'text'],
        ['userId', 'text'],
        ['expiresAt', 'timestamptz'],
        ['createdAt', 'timestamptz'],
        ['updatedAt', 'timestamptz'],
      ],
      Object.entries(ACTORS).map(([name, user]) => [
        `ses_b${name}`,
        peerSessionToken(name),
        ids.user(user),
        expires,
        new Date().toISOString(),
        new Date().toISOString(),
      ]),
    );
    await client.query(
      'create table bench_marker (scale double precision, version int, generated_at timestamptz default now())',
    );
    await client.query('insert into bench_marker (scale, version) values ($1, $2)', [
      SCALE,
      GENERATOR_VERSION,
    ]);
    await client.query('commit');
    await client.query('vacuum analyze');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

/** Applies migrations newer than the generated data (e.g. an index) and refreshes statistics. */
async function migrateExisting(): Promise<void> {
  const database = await openDatabase({ kind: 'postgres', url: oursUrl, poolSize: 1 });
  await database.migrate();
  await database.close();
  const client = new pg.Client({ connectionString: oursUrl });
  await client.connect();
  await client.query('vacuum analyze users');
  await client.end();
}

/** Generates both databases unless they already hold this scale. */
export async function generate(log: (line: string) => void = console.log): Promise<void> {
  let tenant: Tenant | undefined;
  for (const [name, url, fill] of [
    [OURS_DB, oursUrl, generateOurs],
    [PEER_DB, peerUrl, generatePeer],
  ] as const) {
    if (!(await ensureDatabase(name)) && (await isGenerated(url))) {
      if (name === OURS_DB) await migrateExisting();
      log(`# ${name}: already generated at scale ${SCALE}`);
      continue;
    }
    await dropDatabase(name);
    await ensureDatabase(name);
    tenant ??= buildTenant();
    const started = performance.now();
    await fill(tenant);
    log(
      `# ${name}: generated ${sizes.orgs} orgs, ${sizes.users} users, ${tenant.memberships.length} memberships in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generate();
}
