import { describe, expect, it } from 'vitest';
import { sha256 } from '../lib/tokens.js';
import { backends } from '../test-support/backends.js';
import { type Client, useTestApp } from '../test-support/test-app.js';

/** A clock the tests move by hand. */
function manualClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(seconds: number) {
      offset += seconds * 1000;
    },
  };
}

const signedInUser = async (c: Client) =>
  ((await (await c.request('/v1/auth/session')).json()) as { user: unknown }).user;

describe.each(backends)('session idle and absolute timeouts ($name)', (backend) => {
  const clock = manualClock();
  const t = useTestApp(backend, { now: clock.now, auth: { sessionTtlSeconds: 3600 } });

  it('ends a session idle longer than the platform session_timeout_minutes', async () => {
    await t.store.settings.put({ type: 'platform', id: '' }, 'session_timeout_minutes', 5, false);
    try {
      const c = await t.signedIn('idle@timeout.test');
      clock.advance(200);
      expect(await signedInUser(c)).not.toBeNull();
      // active 200 s ago: another 200 s of use is fine, then 330 s idle is not
      clock.advance(200);
      expect(await signedInUser(c)).not.toBeNull();
      clock.advance(330);
      expect(await signedInUser(c)).toBeNull();
      expect(await t.store.sessions.countForUser(c.user!.id)).toBe(0);
    } finally {
      await t.store.settings.delete({ type: 'platform', id: '' }, 'session_timeout_minutes');
    }
  });

  it("honours the strictest org's value for its members only", async () => {
    const root = await t.signedIn('root@timeout.test', { platformAdmin: true });
    const strict = await t.createOrg(root, 'Strict');
    await t.store.settings.put({ type: 'org', id: strict }, 'session_timeout_minutes', 5, false);
    const member = await t.memberOf(strict, 'member@timeout.test', ['member']);
    const outsider = await t.signedIn('outsider@timeout.test');
    clock.advance(330);
    expect(await signedInUser(member)).toBeNull();
    expect(await signedInUser(outsider)).not.toBeNull();
  });

  it('a privilege change swaps the token but keeps the absolute end', async () => {
    const c = await t.signedIn('rotate@timeout.test');
    const before = await t.store.sessions.findValid(
      await sha256(c.cookies.get('orgkit_session')!),
      clock.now(),
    );
    clock.advance(60);
    await t.store.sessions.requireRotation(c.user!.id);
    expect(await signedInUser(c)).not.toBeNull();
    const after = await t.store.sessions.findValid(
      await sha256(c.cookies.get('orgkit_session')!),
      clock.now(),
    );
    expect(after!.session.id).not.toBe(before!.session.id);
    expect(after!.session.expiresAt.getTime()).toBe(before!.session.expiresAt.getTime());
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const c = await t.signedIn('absolute@timeout.test');
    for (let minutes = 0; minutes < 55; minutes += 5) {
      clock.advance(300);
      expect(await signedInUser(c)).not.toBeNull();
    }
    clock.advance(400);
    expect(await signedInUser(c)).toBeNull();
  });
});
