import {
  type Answer,
  apiClient,
  DEMO_ADMIN,
  type Engine,
  freePort,
  mintKey,
  ServerProcess,
  seedDemoData,
} from '../server-process.js';
import { random } from './in-process.js';

/** Addresses per bulk invitation: large enough to be cut in the middle. */
const BULK = 20;
const PASSWORD = 'correct horse battery staple';

/** What the kill rounds found. */
export interface KillFigure {
  readonly rounds: number;
  readonly violations: readonly string[];
  /** Per operation: how often it was cut before committing / had committed when killed. */
  readonly outcomes: Record<string, { before: number; after: number }>;
  readonly restartMs: number;
}

type Call = ReturnType<typeof apiClient>;
const items = (a: Answer) => (a.body.items as Record<string, unknown>[] | undefined) ?? [];

/**
 * Rounds of: set up an org, fire every kind of mutating operation at it at once (bulk
 * invitation, ownership transfer, role change, removal, two redemptions of one invitation,
 * group edit, direct member creation), SIGKILL the server at a random moment, restart it on the
 * same data, then check the invariants through its API: one owner, audit consistent with data
 * for each operation, no half-done bulk, the invitation redeemed at most once.
 */
export async function killRoundsFigure(
  engine: Engine,
  rounds: number,
  deadline: number,
): Promise<KillFigure> {
  const env = { ...(await engine.env()), ORGKIT_DEV_OUTBOX: 'true' };
  seedDemoData(env);
  const server = new ServerProcess(await freePort(), env);
  await server.start();
  let call: Call = apiClient(server, await mintKey(server));
  const pick = random(rounds * 17 + 3);
  const violations: string[] = [];
  const outcomes: Record<string, { before: number; after: number }> = {};
  const count = (op: string, applied: boolean) => {
    outcomes[op] ??= { before: 0, after: 0 };
    outcomes[op][applied ? 'after' : 'before']++;
  };
  const expect = (ok: boolean, what: string) => {
    if (!ok) violations.push(what);
  };
  let restartMs = 0;
  let done = 0;
  try {
    let uncut = 0;
    for (let round = 0; round < rounds && Date.now() < deadline; round++) {
      const r = await prepare(call, round);
      const started = performance.now();
      const pending = Promise.allSettled(r.fire());
      if (round === 0) {
        // calibration: the same set uncut gives the window to kill in
        await pending;
        uncut = performance.now() - started;
      } else {
        await new Promise((resolve) =>
          setTimeout(resolve, pick(Math.max(1, Math.round(uncut * 1.2)))),
        );
      }
      await server.kill();
      await pending;
      const t0 = performance.now();
      await server.start();
      restartMs += performance.now() - t0;
      // the key survives (it was committed before the round)
      call = apiClient(server, r.key);
      await check(call, r, round, expect, count);
      done++;
    }
  } finally {
    await server.kill();
  }
  return {
    rounds: done,
    violations,
    outcomes,
    restartMs: Math.round(restartMs / Math.max(1, done)),
  };

  async function prepare(c: Call, round: number) {
    const org = await c('POST', '/v1/organizations', { name: `Kill ${round}` });
    const orgId = org.body.id as string;
    const slug = orgId.replaceAll('_', '-');
    const member = async (name: string, roles: string[]) => {
      const res = await c('POST', `/v1/organizations/${orgId}/members`, {
        email: `${name}@${slug}.kill.test`,
        name,
        password: PASSWORD,
        roles,
      });
      return res.body.userId as string;
    };
    const heir = await member('heir', ['admin']);
    const shifter = await member('shifter', ['member']);
    const leaver = await member('leaver', ['member']);
    const group = await c('POST', `/v1/organizations/${orgId}/groups`, { name: 'Crew' });
    const invited = `guest@${slug}.kill.test`;
    await c('POST', `/v1/organizations/${orgId}/invitations`, {
      emails: [invited],
      roles: ['viewer'],
    });
    const mail = await c('GET', `/dev/outbox?to=${encodeURIComponent(invited)}&limit=1`);
    const token = /token=([\w-]+)/.exec(String(items(mail)[0]?.text ?? ''))?.[1] ?? 'missing';
    const bulk = Array.from({ length: BULK }, (_, i) => `b${i}@${slug}.kill.test`);
    const key = await freshKeyFor(server);
    const accept = () =>
      fetch(`${server.url}/v1/invitations/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, name: 'Guest', password: PASSWORD }),
      });
    return {
      orgId,
      slug,
      heir,
      shifter,
      leaver,
      groupId: group.body.id as string,
      invited,
      key,
      fire: () => [
        c('POST', `/v1/organizations/${orgId}/invitations`, { emails: bulk, roles: ['viewer'] }),
        c('POST', `/v1/organizations/${orgId}/owner/transfer`, { userId: heir }),
        c('PATCH', `/v1/organizations/${orgId}/members/${shifter}`, { roles: ['admin'] }),
        c('DELETE', `/v1/organizations/${orgId}/members/${leaver}`),
        accept(),
        accept(),
        c('PUT', `/v1/organizations/${orgId}/groups/${group.body.id}/members`, {
          userIds: [heir, shifter],
        }),
        c('POST', `/v1/organizations/${orgId}/members`, {
          email: `direct@${slug}.kill.test`,
          name: 'Direct',
          password: PASSWORD,
          roles: ['viewer'],
        }),
      ],
    };
  }
}

/** A new admin key per round, minted before the round's kill. */
async function freshKeyFor(server: ServerProcess): Promise<string> {
  return mintKey(server, DEMO_ADMIN);
}

async function check(
  c: Call,
  r: {
    orgId: string;
    slug: string;
    heir: string;
    shifter: string;
    leaver: string;
    groupId: string;
    invited: string;
  },
  round: number,
  expect: (ok: boolean, what: string) => void,
  count: (op: string, applied: boolean) => void,
) {
  const base = `/v1/organizations/${r.orgId}`;
  const audit = async (action: string, targetId?: string) =>
    items(await c('GET', `${base}/audit-events?action=${action}&limit=200`)).filter(
      (e) => targetId === undefined || e.targetId === targetId,
    ).length;
  const at = `round ${round} ${r.orgId}`;

  const owners = items(await c('GET', `${base}/members?role=owner`));
  expect(owners.length === 1, `${at}: ${owners.length} owners`);
  const transferred = owners[0]?.userId === r.heir;
  expect(
    (await audit('organization.ownership_transferred')) === (transferred ? 1 : 0),
    `${at}: transfer audit disagrees with the owner`,
  );
  count('transfer', transferred);

  const invitations = items(await c('GET', `${base}/invitations?limit=100`)).filter((i) =>
    String(i.email).startsWith('b'),
  );
  expect(
    [0, BULK].includes(invitations.length),
    `${at}: ${invitations.length}/${BULK} bulk invitations`,
  );
  count('bulk invitation', invitations.length === BULK);

  const shifter = await c('GET', `${base}/members/${r.shifter}`);
  const promoted = ((shifter.body.roles as string[] | undefined) ?? []).includes('admin');
  expect(
    (await audit('member.roles_updated', r.shifter)) === (promoted ? 1 : 0),
    `${at}: role change audit disagrees with the roles`,
  );
  count('role change', promoted);

  const leaver = await c('GET', `${base}/members/${r.leaver}`);
  const removed = leaver.status === 404;
  expect(
    (await audit('member.removed', r.leaver)) === (removed ? 1 : 0),
    `${at}: removal audit disagrees with the membership`,
  );
  count('removal', removed);

  const guests = items(await c('GET', `${base}/members?search=guest&limit=10`)).filter(
    (m) => m.email === r.invited,
  );
  const accepted = await audit('invitation.accepted');
  expect(
    guests.length <= 1 && accepted === guests.length,
    `${at}: invitation redeemed ${accepted}×, ${guests.length} member(s)`,
  );
  count('invitation accept', guests.length === 1);

  const group = await c('GET', `${base}/groups/${r.groupId}`);
  const edited = Number(group.body.memberCount ?? 0) > 0;
  const groupEvents = await audit('group.members_changed', r.groupId);
  expect(
    groupEvents === (edited ? 1 : 0),
    `${at}: group edit audit (${groupEvents}) disagrees with its members`,
  );
  count('group edit', edited);

  const direct = items(await c('GET', `${base}/members?search=direct&limit=10`)).length;
  const created = (await audit('member.created')) - 3;
  expect(created === direct, `${at}: member creation audit ${created} vs ${direct} member(s)`);
  count('member creation', direct === 1);
}
