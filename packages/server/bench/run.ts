/**
 * `pnpm bench` for @orgkit/server: generates the tenant (once per scale), starts our server and
 * the better-auth peer on the same Postgres, loads each operation from a separate process, prints
 * BENCH lines with ratios, then runs two instances behind one Redis (horizontal.ts).
 *
 *   BENCH_SCALE=1 pnpm --filter @orgkit/server bench      # the documented run
 *   pnpm --filter @orgkit/server bench                     # BENCH_SCALE=0.1, a few minutes
 *
 * Env: BENCH_SCALE, BENCH_CONNECTIONS (8), BENCH_DURATION (s per operation), BENCH_PG, BENCH_REDIS.
 */
import os from 'node:os';
import { CONNECTIONS, DURATION_S, oursUrl, peerUrl, SCALE, sizes } from './config.js';
import { generate } from './generate.js';
import { runHorizontal } from './horizontal.js';
import type { LoadRequest, LoadResult } from './load.js';
import { runLoadProcess, startServer, stopServer } from './processes.js';
import { compare, describe, type Measured } from './report.js';
import {
  batch,
  memberCursors,
  oursRequests,
  peerRequests,
  plainPermissions,
  SEARCHES,
} from './scenarios.js';

const OURS_PORT = 4101;
const PEER_PORT = 4201;
const WARMUP_S = 2;
const LIGHT_S = Math.max(3, Math.round(DURATION_S / 2));

console.log(
  `# @orgkit/server bench: scale ${SCALE} (${sizes.orgs} orgs, ${sizes.users} users, ${sizes.memberships} memberships, ${sizes.grants} ACL grants), ${CONNECTIONS} connections × ${DURATION_S} s per operation`,
);
console.log(
  `# ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load avg ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, node ${process.version}`,
);
await generate((line) => console.log(line));

async function measure(url: string, label: string, requests: LoadRequest[]): Promise<Measured> {
  await runLoadProcess({ url, requests, connections: CONNECTIONS, duration: WARMUP_S });
  const loaded = await runLoadProcess({
    url,
    requests,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  describe(`${label} ×${CONNECTIONS}`, loaded);
  const single = await runLoadProcess({ url, requests, connections: 1, duration: LIGHT_S });
  describe(`${label} ×1`, single);
  return { loaded, single };
}

/** One answer of each, checked before timing, so we never measure errors. */
async function sanity(url: string, request: LoadRequest, check: (body: unknown) => boolean) {
  const res = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  });
  const body = await res.json();
  if (!res.ok || !check(body)) {
    throw new Error(
      `sanity check failed for ${request.path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`,
    );
  }
}

const ours = await startServer('./serve-orgkit.ts', {
  PORT: String(OURS_PORT),
  DATABASE_URL: oursUrl,
});
const peer = await startServer('./serve-peer.ts', {
  PORT: String(PEER_PORT),
  DATABASE_URL: peerUrl,
});
const oursBase = `http://127.0.0.1:${OURS_PORT}`;
const peerBase = `http://127.0.0.1:${PEER_PORT}`;
let mePermissions: LoadResult | undefined;
try {
  const plainChecks = plainPermissions.map((permission) => ({ permission }));
  const searchPages = await memberCursors(oursBase, SEARCHES);
  const plainPages = await memberCursors(oursBase, [undefined]);
  const r = {
    mePermissions: oursRequests.mePermissions(),
    check50: oursRequests.accessCheck(batch),
    check40: oursRequests.accessCheck(plainChecks),
    searchPage: oursRequests.membersPages(searchPages),
    page: oursRequests.membersPages(plainPages),
    hasPermission: peerRequests.hasPermission(),
    listMembers: peerRequests.listMembers(),
  };
  type Results = { results: { allowed: boolean }[] };
  await sanity(
    oursBase,
    r.mePermissions[0]!,
    (b) => (b as { permissions: string[] }).permissions.length > 10,
  );
  await sanity(oursBase, r.check50[0]!, (b) => {
    const allowed = (b as Results).results.map((x) => x.allowed);
    return allowed.length === 50 && allowed.includes(true) && allowed.slice(40).includes(false);
  });
  await sanity(oursBase, r.searchPage[0]!, (b) => (b as { items: unknown[] }).items.length === 50);
  await sanity(
    peerBase,
    r.hasPermission[0]!,
    (b) => typeof (b as { success: boolean }).success === 'boolean',
  );
  await sanity(
    peerBase,
    r.listMembers[0]!,
    (b) => (b as { members: unknown[] }).members.length === 50,
  );

  const peerCheck = await measure(
    peerBase,
    'better-auth has-permission (40 perms)',
    r.hasPermission,
  );
  const peerList = await measure(
    peerBase,
    'better-auth list-members (page 2, offset)',
    r.listMembers,
  );
  const me = await measure(oursBase, 'GET /me/permissions (depth 8)', r.mePermissions);
  mePermissions = me.loaded;
  const check50 = await measure(oursBase, 'POST access/check (50, 10 on documents)', r.check50);
  const check40 = await measure(oursBase, 'POST access/check (40 plain)', r.check40);
  const searchPage = await measure(
    oursBase,
    'GET members (search, page 2 by cursor)',
    r.searchPage,
  );
  const page = await measure(oursBase, 'GET members (page 2 by cursor)', r.page);

  compare('server.me_permissions', me, 'better-auth.has_permission', peerCheck);
  compare('server.access_check_50', check50, 'better-auth.has_permission', peerCheck);
  compare('server.access_check_40_plain', check40, 'better-auth.has_permission', peerCheck);
  compare('server.members_search_page', searchPage, 'better-auth.list_members', peerList);
  compare('server.members_page', page, 'better-auth.list_members', peerList);
  for (const [name, res] of [
    ['me_permissions', me],
    ['access_check_50', check50],
    ['members_search_page', searchPage],
  ] as const) {
    const verdict = (r: LoadResult) => `${r.p99 <= 5 ? 'met' : 'missed'} (${r.p99.toFixed(2)} ms)`;
    console.log(
      `# goal p99 ≤ 5 ms: ${name} at ${CONNECTIONS} connections ${verdict(res.loaded)}, at 1 connection ${verdict(res.single)}`,
    );
  }
} finally {
  await stopServer(ours);
  await stopServer(peer);
}
await runHorizontal(mePermissions!);
