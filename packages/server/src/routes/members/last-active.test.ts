import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TOUCH_INTERVAL_MS } from '../../middleware/authenticate.js';
import { backends } from '../../test-support/backends.js';
import { type Client, call, useTestApp } from '../../test-support/test-app.js';

type Member = { userId: string; email: string; lastActiveAt: string | null };
type Page = { items: Member[]; nextCursor: string | null };

const MINUTE = 60_000;

describe.each(backends)('members’ last activity ($name)', (backend) => {
  let now = new Date('2026-11-23T12:00:00.000Z');
  const t = useTestApp(backend, { now: () => now });
  let owner: Client;
  let orgId: string;
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const lastActive = async (userId: string) =>
    (await t.store.users.findById(userId))?.lastActiveAt?.toISOString() ?? null;

  beforeAll(async () => {
    owner = await t.signedIn('owner@active.test', { platformAdmin: true, name: 'Olivia Owner' });
    orgId = await t.createOrg(owner, 'Active');
    await t.store.users.update(owner.user!.id, { platformAdmin: false });
  });

  it('is set by signing in and shown on the member list and the member', async () => {
    advance(MINUTE);
    const signedInAt = now.toISOString();
    const mia = await t.memberOf(orgId, 'mia@active.test', ['member']);
    const never = await t.store.users.create({ email: 'never@active.test', name: 'Nev Never' });
    await t.store.members.add(orgId, never.id, ['member']);
    expect(await lastActive(mia.user!.id)).toBe(signedInAt);

    const list = await call<Page>(owner, 'GET', `/v1/organizations/${orgId}/members`);
    const byEmail = Object.fromEntries(list.body.items.map((m) => [m.email, m.lastActiveAt]));
    expect(byEmail['mia@active.test']).toBe(signedInAt);
    expect(byEmail['never@active.test']).toBeNull();
    const one = await call<Member>(
      owner,
      'GET',
      `/v1/organizations/${orgId}/members/${mia.user!.id}`,
    );
    expect(one.body.lastActiveAt).toBe(signedInAt);
  });

  it('is not rewritten within the interval, and moves on after it (session cookie)', async () => {
    advance(MINUTE);
    const mia = await t.signedIn('mia2@active.test');
    const signedInAt = now.toISOString();
    advance(ACTIVITY_TOUCH_INTERVAL_MS - MINUTE);
    expect((await mia.request('/v1/me')).status).toBe(200);
    expect(await lastActive(mia.user!.id)).toBe(signedInAt);

    advance(2 * MINUTE);
    expect((await mia.request('/v1/me')).status).toBe(200);
    const touchedAt = now.toISOString();
    expect(await lastActive(mia.user!.id)).toBe(touchedAt);
    advance(MINUTE);
    expect((await mia.request('/v1/auth/session')).status).toBe(200);
    expect(await lastActive(mia.user!.id)).toBe(touchedAt);
  });

  it('counts API key requests, throttled alike', async () => {
    advance(MINUTE);
    const minted = await call<{ secret: string }>(owner, 'POST', '/v1/me/api-keys', {
      name: 'ci',
    });
    expect(minted.status).toBe(201);
    const key = t.withKey(minted.body.secret);
    advance(ACTIVITY_TOUCH_INTERVAL_MS + MINUTE);
    expect((await key.request('/v1/me')).status).toBe(200);
    const usedAt = now.toISOString();
    expect(await lastActive(owner.user!.id)).toBe(usedAt);
    advance(MINUTE);
    expect((await key.request('/v1/me')).status).toBe(200);
    expect(await lastActive(owner.user!.id)).toBe(usedAt);
  });

  it('leaves anonymous and refused credentials out', async () => {
    const before = await lastActive(owner.user!.id);
    advance(ACTIVITY_TOUCH_INTERVAL_MS + MINUTE);
    const stranger = t.client();
    const refused = await stranger.request('/v1/auth/sign-in', {
      json: { email: 'owner@active.test', password: 'wrong password' },
    });
    expect(refused.status).toBe(401);
    expect((await t.withKey('ok_nope_nope').request('/v1/me')).status).toBe(401);
    expect(await lastActive(owner.user!.id)).toBe(before);
  });

  it('sorts by last activity (never active = least recent) with exact keyset pages', async () => {
    // Distinct, tied and null times: two members share one time; ids break the tie.
    const base = new Date('2026-10-01T00:00:00.000Z').getTime();
    const spec: [string, number | null][] = [
      ['s1@active.test', 3],
      ['s2@active.test', null],
      ['s3@active.test', 1],
      ['s4@active.test', 3],
      ['s5@active.test', null],
      ['s6@active.test', 2],
    ];
    for (const [email, hours] of spec) {
      const u = await t.store.users.create({ email, name: email });
      await t.store.members.add(orgId, u.id, ['viewer']);
      if (hours !== null)
        await t.store.users.touchActivity(u.id, new Date(base + hours * 3600_000));
    }
    const walk = async (order: 'asc' | 'desc') => {
      const out: Member[] = [];
      let cursor: string | null = null;
      do {
        const qs: string = `?role=viewer&sort=lastActive&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await call<Page>(owner, 'GET', `/v1/organizations/${orgId}/members${qs}`);
        expect(page.status).toBe(200);
        out.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return out;
    };
    const asc = await walk('asc');
    expect(asc).toHaveLength(6);
    const times = asc.map((m) => m.lastActiveAt);
    expect(times.slice(0, 2)).toEqual([null, null]);
    const ts = times.slice(2).map((x) => Date.parse(x!));
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    // ties and nulls ordered by id
    expect(asc[0]!.userId < asc[1]!.userId).toBe(true);
    const desc = await walk('desc');
    expect(desc.map((m) => m.userId)).toEqual(asc.map((m) => m.userId).reverse());
    expect(desc.at(-1)?.lastActiveAt).toBeNull();

    const page = await call<Page>(
      owner,
      'GET',
      `/v1/organizations/${orgId}/members?sort=lastActive&limit=1`,
    );
    const wrongSort = await call(
      owner,
      'GET',
      `/v1/organizations/${orgId}/members?sort=name&cursor=${page.body.nextCursor}`,
    );
    expect(wrongSort.status).toBe(422);
  });
});
