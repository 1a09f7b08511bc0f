import { describe, expect, it } from 'vitest';
import { sha256 } from '../../lib/tokens.js';
import { backends } from '../../test-support/backends.js';
import { TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;

describe.each(backends)('auth ($name)', (backend) => {
  const t = useTestApp(backend);

  it('signs up, reads the session, signs out', async () => {
    const c = t.client();
    const res = await c.request('/v1/auth/sign-up', {
      json: { email: ' Ada@Example.com ', password: TEST_PASSWORD, name: 'Ada' },
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('orgkit_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const body = (await res.json()) as { user: Json };
    expect(body.user).toMatchObject({ email: 'ada@example.com', name: 'Ada', status: 'active' });
    expect(body.user).not.toHaveProperty('passwordHash');

    const session = (await (await c.request('/v1/auth/session')).json()) as Json;
    expect(session).toMatchObject({ method: 'session', user: { email: 'ada@example.com' } });

    // The stored session is the token's hash, never the token itself.
    const token = c.cookies.get('orgkit_session')!;
    const found = await t.store.sessions.findValid(await sha256(token), new Date());
    expect(found?.user.email).toBe('ada@example.com');

    expect((await c.request('/v1/auth/sign-out', { method: 'POST' })).status).toBe(204);
    expect(await t.store.sessions.findValid(await sha256(token), new Date())).toBeUndefined();
    const [event] = await t.store.audit.list({ userId: c.user?.id ?? found!.user.id, limit: 1 });
    expect(event?.action).toBe('user.signed_out');
    const after = (await (await c.request('/v1/auth/session')).json()) as Json;
    expect(after.user).toBeNull();
  });

  it('refuses a second account for the same e-mail', async () => {
    await t.signUp('dup@example.com');
    const res = await t.client().request('/v1/auth/sign-up', {
      json: { email: 'DUP@example.com', password: TEST_PASSWORD, name: 'Other' },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).code).toBe('EMAIL_TAKEN');
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    await t.signUp('bob@example.com');
    const wrong = await t
      .client()
      .request('/v1/auth/sign-in', { json: { email: 'bob@example.com', password: 'nope-nope' } });
    const unknown = await t.client().request('/v1/auth/sign-in', {
      json: { email: 'nobody@example.com', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as Json;
    const b = (await unknown.json()) as Json;
    expect(a.code).toBe('INVALID_CREDENTIALS');
    expect({ ...a, instance: null }).toEqual({ ...b, instance: null });
  });

  it('rotates the session token on sign-in', async () => {
    const c = await t.signUp('rot@example.com');
    const before = c.cookies.get('orgkit_session')!;
    const res = await c.request('/v1/auth/sign-in', {
      json: { email: 'rot@example.com', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    const after = c.cookies.get('orgkit_session')!;
    expect(after).not.toBe(before);
    expect(await t.store.sessions.findValid(await sha256(before), new Date())).toBeUndefined();
    expect(await t.store.sessions.findValid(await sha256(after), new Date())).toBeDefined();
  });

  it('swaps the token on the next request after a privilege change', async () => {
    const c = await t.signUp('priv@example.com');
    const before = c.cookies.get('orgkit_session')!;
    await t.store.sessions.requireRotation(c.user!.id);
    const res = await c.request('/v1/auth/session');
    expect(((await res.json()) as Json).user).not.toBeNull();
    const after = c.cookies.get('orgkit_session')!;
    expect(after).not.toBe(before);
    // the old token only lives on for requests already in flight, then dies
    const later = new Date(Date.now() + 21_000);
    expect(await t.store.sessions.findValid(await sha256(before), later)).toBeUndefined();
    expect(await t.store.sessions.findValid(await sha256(after), later)).toBeDefined();
  });

  it('lets requests sent together with the old token all succeed, rotating only once', async () => {
    const c = await t.signUp('race@example.com');
    const before = c.cookies.get('orgkit_session')!;
    await t.store.sessions.requireRotation(c.user!.id);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => c.request('/v1/auth/session')),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Json[];
    expect(bodies.map((b) => (b.user as Json | null)?.email)).toEqual(
      Array(5).fill('race@example.com'),
    );
    const issued = responses.flatMap((r) =>
      r.headers.getSetCookie().filter((h) => h.startsWith('orgkit_session=')),
    );
    expect(issued).toHaveLength(1);
    const after = c.cookies.get('orgkit_session')!;
    expect(after).not.toBe(before);
    expect(await t.store.sessions.countForUser(c.user!.id)).toBe(2);
    const later = new Date(Date.now() + 21_000);
    expect(await t.store.sessions.findValid(await sha256(before), later)).toBeUndefined();
    expect(await t.store.sessions.findValid(await sha256(after), later)).toBeDefined();
    // the next request with the new token does not rotate again
    const again = await c.request('/v1/auth/session');
    expect(again.headers.getSetCookie().filter((h) => h.startsWith('orgkit_session='))).toEqual([]);
  });

  it('keeps the rotated cookie when the request that rotated it fails', async () => {
    const c = await t.signUp('priv2@example.com');
    await t.store.sessions.requireRotation(c.user!.id);
    const before = c.cookies.get('orgkit_session')!;
    expect((await c.request('/v1/organizations/org_missing')).status).toBe(404);
    expect(c.cookies.get('orgkit_session')).not.toBe(before);
    const session = (await (await c.request('/v1/auth/session')).json()) as Json;
    expect(session.user).not.toBeNull();
  });

  it('drops the sessions of a disabled user at once', async () => {
    const c = await t.signUp('dis@example.com');
    await t.store.users.update(c.user!.id, { status: 'disabled' });
    const session = (await (await c.request('/v1/auth/session')).json()) as Json;
    expect(session.user).toBeNull();
    expect(await t.store.sessions.countForUser(c.user!.id)).toBe(0);
    const signIn = await t.client().request('/v1/auth/sign-in', {
      json: { email: 'dis@example.com', password: TEST_PASSWORD },
    });
    expect(signIn.status).toBe(401);
    expect(((await signIn.json()) as Json).code).toBe('USER_DISABLED');
  });

  describe('CSRF', () => {
    it('rejects a cookie-authenticated write from a foreign origin, and changes nothing', async () => {
      const c = await t.signUp('csrf@example.com');
      const res = await c.request('/v1/auth/sign-out', {
        method: 'POST',
        origin: 'https://evil.example',
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as Json).code).toBe('CSRF_REJECTED');
      expect(await t.store.sessions.countForUser(c.user!.id)).toBe(1);
    });

    it('rejects cross-site Sec-Fetch-Site', async () => {
      const c = await t.signUp('csrf2@example.com');
      const res = await c.request('/v1/auth/sign-out', {
        method: 'POST',
        origin: false,
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(res.status).toBe(403);
    });

    it('needs the double-submit header when no Origin is sent', async () => {
      const c = await t.signUp('csrf3@example.com');
      const bare = await c.request('/v1/auth/sign-out', { method: 'POST', origin: false });
      expect(bare.status).toBe(403);
      const wrong = await c.request('/v1/auth/sign-out', {
        method: 'POST',
        origin: false,
        headers: { 'x-orgkit-csrf': 'guess' },
      });
      expect(wrong.status).toBe(403);
      const ok = await c.request('/v1/auth/sign-out', {
        method: 'POST',
        origin: false,
        headers: { 'x-orgkit-csrf': c.csrfToken! },
      });
      expect(ok.status).toBe(204);
    });

    it('accepts trusted origins', async () => {
      const c = await t.signUp('csrf4@example.com');
      const res = await c.request('/v1/auth/sign-out', {
        method: 'POST',
        origin: 'http://localhost',
      });
      expect(res.status).toBe(204);
    });
  });

  describe('password reset', () => {
    it('mails a single-use link that changes the password and ends every session', async () => {
      const c = await t.signUp('reset@example.com');
      const res = await t
        .client()
        .request('/v1/auth/password-reset', { json: { email: 'reset@example.com' } });
      expect(res.status).toBe(202);
      const [mail] = await t.outbox('reset@example.com');
      expect(mail?.meta?.kind).toBe('password_reset');
      const token = new URL(mail!.meta!.link!).searchParams.get('token')!;
      expect(mail!.text).toContain(token);

      const confirm = await t.client().request('/v1/auth/password-reset/confirm', {
        json: { token, password: 'a brand new password' },
      });
      expect(confirm.status).toBe(200);
      expect(await t.store.sessions.countForUser(c.user!.id)).toBe(0);

      const reuse = await t.client().request('/v1/auth/password-reset/confirm', {
        json: { token, password: 'yet another password' },
      });
      expect(reuse.status).toBe(400);
      expect(((await reuse.json()) as Json).code).toBe('TOKEN_INVALID');

      const oldPw = await t.client().request('/v1/auth/sign-in', {
        json: { email: 'reset@example.com', password: TEST_PASSWORD },
      });
      expect(oldPw.status).toBe(401);
      const newPw = await t.client().request('/v1/auth/sign-in', {
        json: { email: 'reset@example.com', password: 'a brand new password' },
      });
      expect(newPw.status).toBe(200);
    });

    it('answers the same for unknown addresses and sends nothing', async () => {
      const known = await t
        .client()
        .request('/v1/auth/password-reset', { json: { email: 'reset@example.com' } });
      const unknown = await t
        .client()
        .request('/v1/auth/password-reset', { json: { email: 'ghost@example.com' } });
      expect(unknown.status).toBe(known.status);
      expect(await unknown.json()).toEqual(await known.json());
      expect(await t.outbox('ghost@example.com')).toHaveLength(0);
    });

    it('rejects an unknown token', async () => {
      const res = await t.client().request('/v1/auth/password-reset/confirm', {
        json: { token: 'x'.repeat(43), password: 'whatever password' },
      });
      expect(res.status).toBe(400);
    });

    it('rejects an expired token', async () => {
      const c = await t.signUp('expired@example.com');
      await t.store.users.createPasswordReset(
        c.user!.id,
        await sha256('expired-token-123'),
        new Date(Date.now() - 1000),
      );
      const res = await t.client().request('/v1/auth/password-reset/confirm', {
        json: { token: 'expired-token-123', password: 'whatever password' },
      });
      expect(res.status).toBe(400);
    });
  });

  describe('API keys', () => {
    it('authenticates a bearer key by its hash and records its use', async () => {
      const c = await t.signUp('keys@example.com');
      const secret = 'ok_abc123_supersecretvalue';
      const key = await t.store.users.createApiKey({
        userId: c.user!.id,
        name: 'ci',
        prefix: 'abc123',
        hash: await sha256(secret),
      });
      const res = await t.app.request('/v1/auth/session', {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(await res.json()).toMatchObject({
        method: 'api_key',
        user: { email: 'keys@example.com' },
      });
      const row = await t.store.users.findApiKeyByHash(await sha256(secret));
      expect(row?.key.lastUsedAt).toBeInstanceOf(Date);
      expect(row?.key.id).toBe(key.id);
    });

    it('refuses unknown, revoked and malformed credentials with 401', async () => {
      const unknown = await t.app.request('/v1/auth/session', {
        headers: { authorization: 'Bearer ok_nope_nope' },
      });
      expect(unknown.status).toBe(401);
      const malformed = await t.app.request('/v1/auth/session', {
        headers: { authorization: 'Basic abc' },
      });
      expect(malformed.status).toBe(401);
      const jwtLike = await t.app.request('/v1/auth/session', {
        headers: { authorization: 'Bearer eyJhbGciOi.x.y' },
      });
      expect(jwtLike.status).toBe(401);
    });

    it('exempts bearer requests from CSRF checks', async () => {
      const c = await t.signUp('keys2@example.com');
      const secret = 'ok_def456_anothersecretvalue';
      await t.store.users.createApiKey({
        userId: c.user!.id,
        name: 'ci',
        prefix: 'def456',
        hash: await sha256(secret),
      });
      const res = await t.app.request('/v1/auth/sign-out', {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, origin: 'https://elsewhere.example' },
      });
      expect(res.status).toBe(204);
    });
  });

  it('writes audit events for sign-up and sign-in', async () => {
    const c = await t.signUp('audited@example.com');
    const events = await t.store.audit.list({ userId: c.user!.id, limit: 10 });
    expect(events.map((e) => e.action)).toContain('user.signed_up');
  });
});

describe.each(backends)('auth in production mode ($name)', (backend) => {
  const t = useTestApp(backend, { production: true });

  it('marks cookies Secure and hides the dev outbox', async () => {
    const res = await t.client().request('/v1/auth/sign-up', {
      json: { email: 'prod@example.com', password: TEST_PASSWORD, name: 'Prod' },
    });
    expect(res.headers.getSetCookie().find((h) => h.startsWith('orgkit_session='))).toMatch(
      /Secure/,
    );
    expect((await t.app.request('/dev/outbox')).status).toBe(404);
  });
});

describe.each(backends)('sign-up disabled ($name)', (backend) => {
  const t = useTestApp(backend, { auth: { allowSignUp: false } });

  it('refuses sign-up and creates nothing', async () => {
    const res = await t.client().request('/v1/auth/sign-up', {
      json: { email: 'no@example.com', password: TEST_PASSWORD, name: 'No' },
    });
    expect(res.status).toBe(403);
    expect(await t.store.users.findByEmail('no@example.com')).toBeUndefined();
  });
});
