/**
 * The page of the TeamTable render benchmark (bundled by esbuild, driven by playwright-core):
 * 10,000 members already in the query cache, then the time from `render` to a laid-out DOM for
 * TeamTable and for a plain <table> of the same rows.
 */
import { orgkitCatalog } from '@orgkit/core/presets';
import { createOrgkitClient } from '@orgkit/sdk';
import { QueryClient } from '@tanstack/react-query';
import { getResponse } from 'msw';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Member } from '../src/lib/types.js';
import { createOrgkitMockApi } from '../src/msw/create-orgkit-mock-api.js';
import { signedInAs } from '../src/msw/scenarios.js';
import { OrgkitProvider } from '../src/provider/orgkit-provider.js';
import { membersQueryOptions } from '../src/queries/members-query-options.js';
import { permissionsQueryOptions } from '../src/queries/permissions-query-options.js';
import { rolesQueryOptions } from '../src/queries/roles-query-options.js';
import { sessionQueryOptions } from '../src/queries/session-query-options.js';
import { manyMembersScenario } from '../src/story-support/many-members.js';
import { TeamTable } from '../src/team-table/team-table.js';

const COUNT = 10_000;
const ORG = 'org_acme';
const scenario = signedInAs(manyMembersScenario(COUNT), 'usr_olivia', ORG);
const api = createOrgkitMockApi({ scenario });
const client = createOrgkitClient({
  baseUrl: 'http://bench.local',
  fetch: async (request) =>
    (await getResponse(api.handlers, request)) ?? new Response(null, { status: 404 }),
});

// Every member, as the API would list them sorted by name (the table's default order).
const members: Member[] = [...api.db.memberships.values()]
  .filter((m) => m.orgId === ORG)
  .map((m) => {
    const user = api.db.users.get(m.userId)!;
    return {
      userId: user.id,
      orgId: ORG,
      name: user.name,
      email: user.email,
      roles: m.roles,
      status: user.status === 'active' && m.status === 'disabled' ? 'disabled' : user.status,
      joinedAt: m.joinedAt.toISOString(),
      lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
    } satisfies Member;
  })
  .sort((a, b) => a.name.localeCompare(b.name));

async function freshCache(): Promise<QueryClient> {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  await Promise.all([
    queryClient.prefetchQuery(sessionQueryOptions(client)),
    queryClient.prefetchQuery(permissionsQueryOptions(client, orgkitCatalog, ORG)),
    queryClient.prefetchQuery(rolesQueryOptions(client, ORG)),
  ]);
  queryClient.setQueryData(membersQueryOptions(client, ORG, { limit: 100 }).queryKey, {
    pages: [{ items: members, nextCursor: null }],
    pageParams: [undefined],
  });
  return queryClient;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** The peer: the same rows and columns in a plain table, no virtualization, no controls. */
function PlainTable({ rows }: { rows: readonly Member[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Name</th>
          <th>E-mail</th>
          <th>Roles</th>
          <th>Status</th>
          <th>Joined</th>
          <th>Last active</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.userId}>
            <td>{m.name}</td>
            <td>{m.email}</td>
            <td>{m.roles.join(', ')}</td>
            <td>{m.status}</td>
            <td>{dateFormat.format(new Date(m.joinedAt))}</td>
            <td>{m.lastActiveAt ? dateFormat.format(new Date(m.lastActiveAt)) : 'Never'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Renders once, synchronously, and forces layout; returns milliseconds. */
async function renderOnce(kind: 'team-table' | 'plain'): Promise<number> {
  const queryClient = await freshCache();
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const ui =
    kind === 'plain' ? (
      <PlainTable rows={members} />
    ) : (
      <OrgkitProvider client={client} queryClient={queryClient} orgId={ORG} storage={null}>
        <TeamTable />
      </OrgkitProvider>
    );
  const start = performance.now();
  flushSync(() => root.render(ui));
  void host.getBoundingClientRect().height;
  const ms = performance.now() - start;
  const rows = host.querySelectorAll('tbody tr').length;
  root.unmount();
  host.remove();
  if (rows === 0) throw new Error(`${kind}: no rows rendered`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

(window as unknown as { runBench: unknown }).runBench = async (runs: number) => {
  const out: Record<string, number> = {};
  for (const kind of ['team-table', 'plain'] as const) {
    for (let i = 0; i < 3; i++) await renderOnce(kind); // warm-up: JIT, caches
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await renderOnce(kind));
    out[kind] = median(times);
  }
  return out;
};
