/** Scale, databases and credentials of the benchmark, from the environment. */
import { createHash } from 'node:crypto';

const num = (v: string | undefined, d: number) => (v === undefined || v === '' ? d : Number(v));

/**
 * `BENCH_SCALE=1` is the documented tenant (10,000 orgs, 100,000 users, 250,000 memberships,
 * 1,000,000 ACL grants); the default 0.1 keeps `pnpm bench` within a few minutes.
 */
export const SCALE = num(process.env.BENCH_SCALE, 0.1);
if (!(SCALE > 0 && SCALE <= 1)) throw new Error('BENCH_SCALE must be in (0, 1]');

const tag = String(SCALE).replace('.', '_');
const server = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';

/** Postgres server (loopback) and the two databases: ours and better-auth's. */
export const PG_SERVER = server;
export const OURS_DB = `orgkit_bench_s${tag}`;
export const PEER_DB = `orgkit_bench_ba_s${tag}`;
export const oursUrl = `${server}/${OURS_DB}`;
export const peerUrl = `${server}/${PEER_DB}`;
export const REDIS_URL = process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379';

/** Load: connections and seconds per measured operation. */
export const CONNECTIONS = num(process.env.BENCH_CONNECTIONS, 8);
export const DURATION_S = num(process.env.BENCH_DURATION, SCALE >= 1 ? 15 : 8);

/** Sizes of the generated tenant. */
export const sizes = {
  orgs: Math.round(10_000 * SCALE),
  users: Math.round(100_000 * SCALE),
  memberships: Math.round(250_000 * SCALE),
  grants: Math.round(1_000_000 * SCALE),
  maxDepth: 8,
};

/** Version of the generator: a change regenerates existing databases. */
export const GENERATOR_VERSION = 2;

/** The API key of a named bench actor, derived (not stored) so the runner can recompute it. */
export function benchApiKey(name: string): { token: string; prefix: string; hash: string } {
  const secret = createHash('sha256').update(`orgkit-bench:${name}`).digest('base64url');
  const prefix = `bench${name}`;
  const token = `ok_${prefix}_${secret}`;
  return { token, prefix, hash: createHash('sha256').update(token).digest('hex') };
}

/** The better-auth session token of a named actor (sent as a bearer; the plugin signs it). */
export function peerSessionToken(name: string): string {
  return createHash('sha256').update(`orgkit-bench-ba:${name}`).digest('hex').slice(0, 32);
}

/** better-auth's secret for the bench peer (loopback only). */
export const PEER_SECRET = 'orgkit-bench-better-auth-secret-0123456789abcdef';

export const ids = {
  org: (i: number) => `org_b${String(i).padStart(6, '0')}`,
  user: (i: number) => `usr_b${String(i).padStart(7, '0')}`,
};

/** Fixed places in the tree: the root partner, the deepest org, the 100,000-member org. */
export const ROOT = 0;
export const DEEPEST = 8;
export const BIG = 9;

/** Fixed users: the big org's owner, the deep user, the deepest org's owner, a probe member. */
export const ACTORS = { owner: 0, deep: 1, deepOwner: 2, probe: 3, limited: 4 } as const;
