/**
 * Two server instances on one Postgres and one Redis: a key's rate limit is counted once across
 * both, a role change through one is seen at once through the other, and both together serve the
 * load one instance served (same total connections, loaded directly, half on each).
 */
import {
  benchApiKey,
  CONNECTIONS,
  DEEPEST,
  DURATION_S,
  ids,
  oursUrl,
  REDIS_URL,
} from './config.js';
import type { LoadResult } from './load.js';
import { runLoadProcess, startServer, stopServer } from './processes.js';
import { bench, describe } from './report.js';
import { oursRequests } from './scenarios.js';

const PORTS = [4102, 4103] as const;
const LIMIT = 100;
const bases = PORTS.map((p) => `http://127.0.0.1:${p}`);
const auth = (actor: string) => ({ authorization: `Bearer ${benchApiKey(actor).token}` });

async function startPair(points: number) {
  const prefix = `orgkit-bench:rl:${Date.now()}`;
  return Promise.all(
    PORTS.map((port) =>
      startServer('./serve-orgkit.ts', {
        PORT: String(port),
        DATABASE_URL: oursUrl,
        REDIS_URL,
        BENCH_RATE_LIMIT: String(points),
        BENCH_RL_PREFIX: prefix,
      }),
    ),
  );
}

async function permissionsOf(base: string, actor: string): Promise<string[]> {
  const res = await fetch(`${base}/v1/me/permissions?orgId=${ids.org(DEEPEST)}`, {
    headers: auth(actor),
  });
  return ((await res.json()) as { permissions: string[] }).permissions;
}

async function setProbeRoles(base: string, roles: string[]): Promise<void> {
  const res = await fetch(`${base}/v1/organizations/${ids.org(DEEPEST)}/members/${ids.user(3)}`, {
    method: 'PATCH',
    headers: { ...auth('deepOwner'), 'content-type': 'application/json' },
    body: JSON.stringify({ roles }),
  });
  if (!res.ok) throw new Error(`role change failed: ${res.status} ${await res.text()}`);
}

/** Runs the three horizontal checks and prints their BENCH lines. */
export async function runHorizontal(single: LoadResult): Promise<void> {
  // 1. Shared limits and consistent answers, with a small per-key budget.
  let pair = await startPair(LIMIT);
  try {
    let accepted = 0;
    let limited = 0;
    for (let i = 0; i < LIMIT * 1.5; i++) {
      const res = await fetch(`${bases[i % 2]}/v1/me`, { headers: auth('limited') });
      if (res.status === 200) accepted++;
      else if (res.status === 429) limited++;
      await res.arrayBuffer();
    }
    console.log(
      `# two instances, one key, ${LIMIT * 1.5} requests alternating: ${accepted} accepted, ${limited} limited (budget ${LIMIT})`,
    );
    bench('server.horizontal.rate_limit_accepted', accepted, 'requests', 'budget', LIMIT);

    let consistent = 0;
    const rounds = 10;
    for (let i = 0; i < rounds; i++) {
      const [writer, reader] = i % 2 === 0 ? [bases[0]!, bases[1]!] : [bases[1]!, bases[0]!];
      await setProbeRoles(writer, ['member', 'viewer']);
      const granted = (await permissionsOf(reader, 'probe')).includes('audit_log:read');
      await setProbeRoles(reader, ['member']);
      const revoked = !(await permissionsOf(writer, 'probe')).includes('audit_log:read');
      if (granted && revoked) consistent++;
    }
    console.log(
      `# role change through one instance seen at once through the other: ${consistent}/${rounds} rounds`,
    );
    bench('server.horizontal.role_change_consistent', consistent, 'rounds', 'rounds', rounds);
  } finally {
    await Promise.all(pair.map(stopServer));
  }

  // 2. Throughput of the pair under the single-instance load, limits on and shared in Redis.
  pair = await startPair(1_000_000_000);
  try {
    const requests = oursRequests.mePermissions();
    // One instance alone first, with the same Redis limits, so the pair is compared like for like.
    await runLoadProcess({ url: bases[0]!, requests, connections: CONNECTIONS, duration: 2 });
    const alone = await runLoadProcess({
      url: bases[0]!,
      requests,
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    describe('one instance: GET /me/permissions (Redis limits)', alone);
    const half = Math.max(1, Math.floor(CONNECTIONS / 2));
    await Promise.all(
      bases.map((url) => runLoadProcess({ url, requests, connections: half, duration: 2 })),
    );
    const results = await Promise.all(
      bases.map((url) =>
        runLoadProcess({ url, requests, connections: half, duration: DURATION_S }),
      ),
    );
    for (const [i, r] of results.entries()) {
      describe(`instance ${i + 1}: GET /me/permissions (Redis limits)`, r);
    }
    const rps = results.reduce((n, r) => n + r.rps, 0);
    const p99 = Math.max(...results.map((r) => r.p99));
    bench(
      'server.horizontal.me_permissions.rps',
      rps,
      'req/s',
      'server.one_instance_redis_limits.me_permissions.rps',
      alone.rps,
    );
    bench(
      'server.horizontal.me_permissions.p99',
      p99,
      'ms',
      'server.one_instance_redis_limits.me_permissions.p99',
      alone.p99,
    );
    console.log(
      `# for reference, one instance without limits: ${single.rps.toFixed(0)} req/s, p99 ${single.p99.toFixed(2)} ms`,
    );
    // The same key through both: one counter, so the two remaining budgets are consecutive.
    const remaining: number[] = [];
    for (const base of [...bases, ...bases]) {
      const res = await fetch(`${base}/v1/me`, { headers: auth('deep') });
      remaining.push(Number(res.headers.get('ratelimit-remaining')));
    }
    const shared = remaining.every((r, i) => i === 0 || r === remaining[i - 1]! - 1);
    console.log(
      `# RateLimit-Remaining after the load, alternating instances: ${remaining.join(', ')} (${shared ? 'one shared counter' : 'NOT shared'})`,
    );
  } finally {
    await Promise.all(pair.map(stopServer));
  }
}
