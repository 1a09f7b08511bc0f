/** The world timings both runtimes report: first world, each further world, a 10-test file. */
import type { OrgkitTestWorld } from '../src/world.js';

/** Timings in milliseconds. */
export interface WorldTimings {
  readonly first: number;
  readonly further: number;
  readonly file10: number;
}

/** One host test: a fresh world, the signed-in user, the member list, one invitation. */
export async function hostTest(world: OrgkitTestWorld, i: number): Promise<void> {
  const base = 'http://localhost:3000/v1';
  const me = await world.fetch(new Request(`${base}/me`));
  if (me.status !== 200) throw new Error(`me answered ${me.status}`);
  const members = await world.fetch(new Request(`${base}/organizations/org_acme/members`));
  if (members.status !== 200) throw new Error(`members answered ${members.status}`);
  const invite = await world.fetch(
    new Request(`${base}/organizations/org_acme/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emails: [`bench${i}@acme.test`] }),
    }),
  );
  if (invite.status !== 201) throw new Error(`invite answered ${invite.status}`);
}

/** Measures with `start` (a new world) and `close`. */
export async function measureWorlds(
  start: () => Promise<OrgkitTestWorld>,
  now: () => number,
): Promise<WorldTimings> {
  let t = now();
  const first = await start();
  const firstMs = now() - t;
  await first.close();
  const further: number[] = [];
  for (let i = 0; i < 9; i++) {
    t = now();
    const w = await start();
    further.push(now() - t);
    await w.close();
  }
  further.sort((a, b) => a - b);
  t = now();
  for (let i = 0; i < 10; i++) {
    const w = await start();
    await hostTest(w, i);
    await w.close();
  }
  return { first: firstMs, further: further[4] ?? 0, file10: now() - t };
}
