import { invitationFor, keyFor, openSoakApp, random, send } from './in-process.js';

/** Members of the contended org besides the ownership circle. */
const MEMBERS = 12;
/** Transfers go round a small circle of key holders, so many find their actor still owner. */
const CIRCLE = 3;

type Kind = 'transfer' | 'roles' | 'remove' | 'accept' | 'group';
const KINDS: readonly Kind[] = ['transfer', 'roles', 'remove', 'accept', 'group'];

/** What the mixed rounds found. */
export interface MixFigure {
  readonly rounds: number;
  readonly requests: number;
  readonly fiveHundreds: number;
  readonly ownerViolations: number;
  readonly statuses: Record<string, number>;
}

/**
 * `rounds` × `concurrency` mixed operations on ONE org (ownership transfers, role changes,
 * removals, invitation accepts, group edits), all in flight together each round; after each
 * round the org must have exactly one owner, and active, and nothing may have answered 5xx.
 */
export async function concurrentMixFigure(
  engine: 'pglite' | 'postgres',
  serverUrl: string,
  rounds: number,
  concurrency: number,
  deadline: number,
): Promise<MixFigure> {
  const { app, dispose } = await openSoakApp(engine, serverUrl);
  const store = app.deps.store;
  const pick = random(rounds * 31 + concurrency);
  const statuses: Record<string, number> = {};
  let requests = 0;
  let fiveHundreds = 0;
  let ownerViolations = 0;
  let done = 0;
  try {
    const root = await store.users.create({ email: 'root@mix.test', platformAdmin: true });
    const rootKey = await keyFor(app, root.id);
    const org = await store.organizations.create({
      name: 'Mix',
      slug: 'mix',
      kind: 'standard',
      parentId: null,
    });
    const base = `/v1/organizations/${org.id}`;
    const people: { id: string; key: string }[] = [];
    for (let i = 0; i < CIRCLE + MEMBERS; i++) {
      const user = await store.users.create({ email: `p${i}@mix.test`, name: `P${i}` });
      await store.members.add(org.id, user.id, [i === 0 ? 'owner' : i % 2 ? 'admin' : 'member']);
      people.push({ id: user.id, key: await keyFor(app, user.id) });
    }
    const group = await store.groups.create({ orgId: org.id, name: 'Mixers', description: '' });
    let invited = 0;
    for (let round = 0; round < rounds && Date.now() < deadline; round++) {
      // Put back whoever the last round removed, so every round has the same cast.
      for (const [i, p] of people.entries()) {
        if (!(await store.members.get(org.id, p.id))) {
          await store.members.add(org.id, p.id, [i % 2 ? 'admin' : 'member']);
        }
      }
      const owner = (await store.members.holdersOf(org.id, 'owner'))[0]!;
      const calls: Promise<{ kind: Kind; status: number }>[] = [];
      for (let c = 0; c < concurrency; c++) {
        const kind = KINDS[c % KINDS.length]!;
        const run = async (): Promise<{ status: number }> => {
          if (kind === 'transfer') {
            // the owner, or a circle member who may have just become it, hands over to the next
            const from = people.find((p) => p.id === owner) ?? people[pick(CIRCLE)]!;
            const to = people[(people.indexOf(from) + 1 + pick(CIRCLE - 1)) % CIRCLE]!;
            return send(app, 'POST', `${base}/owner/transfer`, { userId: to.id }, from.key);
          }
          if (kind === 'roles') {
            const target = people[pick(people.length)]!;
            const roles = pick(2) ? ['admin'] : ['member', 'billing_contact'];
            return send(app, 'PATCH', `${base}/members/${target.id}`, { roles }, rootKey);
          }
          if (kind === 'remove') {
            // mostly outside the circle; sometimes a transfer's target, the race that matters
            const target = people[pick(4) === 0 ? pick(CIRCLE) : CIRCLE + pick(MEMBERS)]!;
            return send(app, 'DELETE', `${base}/members/${target.id}`, undefined, rootKey);
          }
          if (kind === 'accept') {
            const email = `new${invited++}@mix.test`;
            const { token } = await invitationFor(app, org.id, root.id, email);
            return send(app, 'POST', '/v1/invitations/accept', {
              token,
              name: 'Newcomer',
              password: 'correct horse battery staple',
            });
          }
          const ids = people.filter(() => pick(2) === 0).map((p) => p.id);
          return send(app, 'PUT', `${base}/groups/${group.id}/members`, { userIds: ids }, rootKey);
        };
        calls.push(run().then((r) => ({ kind, status: r.status })));
      }
      const results = await Promise.all(calls);
      for (const r of results) {
        requests++;
        if (r.status >= 500) fiveHundreds++;
        const key = `${r.kind}:${r.status}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
      }
      const owners = await store.members.holdersOf(org.id, 'owner');
      const ownerRow =
        owners.length === 1 ? await store.members.get(org.id, owners[0]!) : undefined;
      if (owners.length !== 1 || ownerRow?.status !== 'active') ownerViolations++;
      done++;
    }
    return { rounds: done, requests, fiveHundreds, ownerViolations, statuses };
  } finally {
    await dispose();
  }
}
