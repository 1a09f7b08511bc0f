import { invitationFor, openSoakApp, send } from './in-process.js';

/** `count` concurrent redemptions of one invitation (new account each): exactly one may win. */
export async function redemptionFigure(
  engine: 'pglite' | 'postgres',
  serverUrl: string,
  count: number,
): Promise<{ successes: number; statuses: Record<number, number>; members: number }> {
  const { app, dispose } = await openSoakApp(engine, serverUrl);
  try {
    const store = app.deps.store;
    const root = await store.users.create({ email: 'root@soak.test', platformAdmin: true });
    const org = await store.organizations.create({
      name: 'Redeem',
      slug: 'redeem',
      kind: 'standard',
      parentId: null,
    });
    await store.members.add(org.id, root.id, ['owner']);
    const { token } = await invitationFor(app, org.id, root.id, 'winner@soak.test');
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        send(app, 'POST', '/v1/invitations/accept', {
          token,
          name: `Racer ${i}`,
          password: 'correct horse battery staple',
        }),
      ),
    );
    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const user = await store.users.findByEmail('winner@soak.test');
    const members = user && (await store.members.get(org.id, user.id)) ? 1 : 0;
    return { successes: statuses[200] ?? 0, statuses, members };
  } finally {
    await dispose();
  }
}
