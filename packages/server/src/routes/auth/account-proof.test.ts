import { describe, expect, it } from 'vitest';
import { freshKey } from '../../reliability/world.js';
import { backends } from '../../test-support/backends.js';
import { TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;

describe.each(backends)('accounts an admin creates, and password resets ($name)', (backend) => {
  const t = useTestApp(backend, { organizations: { selfServe: true } });

  it('an account made for an outside address cannot sign in or mint keys until it is activated', async () => {
    const owner = await t.signUp('owner@first.test');
    const orgId = await t.createOrg(owner, 'First');
    const created = await owner.request(`/v1/organizations/${orgId}/members`, {
      json: {
        email: 'victim@elsewhere.test',
        name: 'Victim',
        password: 'chosen by the owner',
        roles: ['admin'],
      },
    });
    expect(created.status).toBe(201);
    const signIn = () =>
      t.client().request('/v1/auth/sign-in', {
        json: { email: 'victim@elsewhere.test', password: 'chosen by the owner' },
      });
    const refused = await signIn();
    expect(refused.status).toBe(403);
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(((await refused.json()) as Json).code).toBe('ACTIVATION_REQUIRED');
    // a key minted for the account some other way does not work either
    const user = (await t.store.users.findByEmail('victim@elsewhere.test'))!;
    const key = await freshKey(t, user.id);
    const res = await t.withKey(key.secret).request('/v1/auth/session');
    expect(res.status).toBe(401);
    expect(((await res.json()) as Json).code).toBe('ACTIVATION_REQUIRED');

    // the mailed link is single-use and proves the address
    const [mail] = await t.outbox('victim@elsewhere.test');
    expect(mail?.meta?.kind).toBe('activation');
    const token = new URL(mail!.meta!.link!).searchParams.get('token')!;
    expect((await t.client().request('/v1/auth/activate', { json: { token } })).status).toBe(200);
    expect((await t.client().request('/v1/auth/activate', { json: { token } })).status).toBe(400);
    expect((await signIn()).status).toBe(200);
    const [event] = await t.store.audit.list({
      userId: user.id,
      action: 'user.activated',
      limit: 1,
    });
    expect(event?.targetId).toBe(user.id);
  });

  it('a password reset ends every session and revokes every API key, and says so', async () => {
    const c = await t.signUp('keys@reset.test');
    const other = t.client();
    expect(
      (
        await other.request('/v1/auth/sign-in', {
          json: { email: 'keys@reset.test', password: TEST_PASSWORD },
        })
      ).status,
    ).toBe(200);
    const { secret } = await freshKey(t, c.user!.id);
    const second = await freshKey(t, c.user!.id);
    expect((await t.withKey(secret).request('/v1/me')).status).toBe(200);

    await t.client().request('/v1/auth/password-reset', { json: { email: 'keys@reset.test' } });
    const [mail] = await t.outbox('keys@reset.test');
    const token = new URL(mail!.meta!.link!).searchParams.get('token')!;
    const confirm = await t.client().request('/v1/auth/password-reset/confirm', {
      json: { token, password: 'a brand new password' },
    });
    expect(confirm.status).toBe(200);
    expect(await confirm.json()).toEqual({ ok: true, sessionsEnded: 2, apiKeysRevoked: 2 });
    for (const key of [secret, second.secret]) {
      expect((await t.withKey(key).request('/v1/me')).status).toBe(401);
    }
    expect(await t.store.sessions.countForUser(c.user!.id)).toBe(0);
  });
});

describe.each(backends)('production without SMTP ($name)', (backend) => {
  const t = useTestApp(backend, { production: true, organizations: { selfServe: true } });

  it('refuses flows that mail links instead of keeping their tokens in a table', async () => {
    const owner = await t.signUp('owner@prod.test');
    const orgId = await t.createOrg(owner, 'Prod');
    const attempts = [
      await t.client().request('/v1/auth/password-reset', { json: { email: 'owner@prod.test' } }),
      await owner.request(`/v1/organizations/${orgId}/members`, {
        json: { email: 'new@prod.test', name: 'New', roles: ['member'] },
      }),
      await owner.request(`/v1/organizations/${orgId}/invitations`, {
        json: { emails: ['guest@prod.test'], roles: ['member'] },
      }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(503);
      expect(((await res.json()) as Json).code).toBe('MAIL_NOT_CONFIGURED');
    }
    await t.app.deps.deferred.idle();
    expect(await t.store.outbox.list({ limit: 10 })).toEqual([]);
    expect(await t.store.users.findByEmail('new@prod.test')).toBeUndefined();
  });
});
