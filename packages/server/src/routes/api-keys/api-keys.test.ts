import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, idempotencyKeys } from '../../db/schema/index.js';
import { sha256 } from '../../lib/tokens.js';
import { backends } from '../../test-support/backends.js';
import { type Client, call, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type ApiKey = Json & { id: string; prefix: string; status: string };
type Created = { apiKey: ApiKey; secret: string | null };

describe.each(backends)('API keys ($name)', (backend) => {
  const t = useTestApp(backend);
  let owner: Client;
  let admin: Client;
  let user: Client;
  let viewer: Client;
  let outsider: Client;
  let orgA: string;
  let orgB: string;

  const mint = (c: Client, body: Json, headers?: Record<string, string>) =>
    call<Created>(c, 'POST', '/v1/me/api-keys', body, headers);
  const keyCount = async () => (await t.store.apiKeys.listForUser(user.user!.id)).length;

  beforeAll(async () => {
    owner = await t.signedIn('owner@keys.test', { platformAdmin: true });
    orgA = await t.createOrg(owner, 'Key A');
    orgB = await t.createOrg(owner, 'Key B');
    await t.store.users.update(owner.user!.id, { platformAdmin: false });
    admin = await t.memberOf(orgA, 'admin@keys.test', ['admin']);
    user = await t.memberOf(orgA, 'user@keys.test', ['member']);
    await t.store.members.add(orgB, user.user!.id, ['admin']);
    viewer = await t.memberOf(orgA, 'viewer@keys.test', ['viewer']);
    outsider = await t.signedIn('outsider@else.test');
  });

  it('creates a key shown once, stored hashed, listed without its secret', async () => {
    expect((await mint(t.client(), { name: 'anon' })).status).toBe(401);
    const res = await mint(user, { name: 'CI', orgId: orgA, scopes: ['members:read'] });
    expect(res.status).toBe(201);
    const { apiKey, secret } = res.body;
    expect(secret).toMatch(new RegExp(`^ok_${apiKey.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(apiKey).toMatchObject({
      name: 'CI',
      orgId: orgA,
      scopes: ['members:read'],
      status: 'active',
      lastUsedAt: null,
    });
    const [row] = await t.store.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.hash).toBe(await sha256(secret!));
    const list = await call<{ items: Json[] }>(user, 'GET', '/v1/me/api-keys');
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(secret!.slice(20));

    const me = await call(t.withKey(secret!), 'GET', '/v1/me');
    expect(me).toMatchObject({ status: 200, body: { email: 'user@keys.test' } });
    const listed = await call<{ items: ApiKey[] }>(user, 'GET', '/v1/me/api-keys');
    expect(listed.body.items[0]?.lastUsedAt).toEqual(expect.any(String));
    const [event] = await t.store.audit.list({ orgId: orgA, action: 'api_key.created', limit: 1 });
    expect(event).toMatchObject({ actorId: user.user!.id, targetId: apiKey.id });
  });

  it('replays an Idempotency-Key without the secret, which is never stored', async () => {
    const body = { name: 'Deploy', orgId: orgA };
    const first = await mint(user, body, { 'idempotency-key': 'deploy-1' });
    const again = await mint(user, body, { 'idempotency-key': 'deploy-1' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ apiKey: { id: first.body.apiKey.id }, secret: null });
    const stored = await t.store.db.select().from(idempotencyKeys);
    expect(stored.some((r) => r.responseBody?.includes(first.body.secret!))).toBe(false);
  });

  it('refuses scopes beyond the caller, unknown scopes, past expiry, and keys minted by keys', async () => {
    const before = await keyCount();
    const escalate = await mint(user, { name: 'x', orgId: orgA, scopes: ['members:remove'] });
    expect(escalate).toMatchObject({
      status: 403,
      body: { code: 'PERMISSION_ESCALATION', missing: ['members:remove'] },
    });
    const unknown = await mint(user, {
      name: 'x',
      orgId: orgA,
      scopes: ['members:read', 'nope:nope'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ errors: [{ path: 'scopes.1' }] });
    const past = await mint(user, { name: 'x', orgId: orgA, expiresAt: '2000-01-01T00:00:00Z' });
    expect(past).toMatchObject({ status: 422, body: { errors: [{ path: 'expiresAt' }] } });
    expect((await mint(viewer, { name: 'x', orgId: orgA })).status).toBe(403);
    expect((await mint(viewer, { name: 'x' })).status).toBe(403);
    expect((await mint(outsider, { name: 'x', orgId: orgA })).status).toBe(404);
    const { body } = await mint(user, { name: 'parent', orgId: orgA });
    const byKey = await mint(t.withKey(body.secret!), { name: 'child', orgId: orgA });
    expect(byKey.status).toBe(403);
    expect(await keyCount()).toBe(before + 1);
  });

  it('evaluates scope ∩ current permissions at each request: demotion narrows, removal and disabling kill', async () => {
    const unscoped = (await mint(user, { name: 'B full', orgId: orgB })).body.secret!;
    const scoped = (
      await mint(user, {
        name: 'B read',
        orgId: orgB,
        scopes: ['organization:read', 'members:read'],
      })
    ).body.secret!;
    const full = t.withKey(unscoped);
    const narrow = t.withKey(scoped);
    const audit = `/v1/organizations/${orgB}/audit-events`;
    const membersB = `/v1/organizations/${orgB}/members`;
    expect((await call(full, 'GET', audit)).status).toBe(200);
    expect((await call(narrow, 'GET', audit)).status).toBe(403);
    expect((await call(narrow, 'GET', membersB)).status).toBe(200);
    expect((await call(full, 'GET', `/v1/organizations/${orgA}`)).status).toBe(404);

    const memberUrl = `${membersB}/${user.user!.id}`;
    expect((await call(owner, 'PATCH', memberUrl, { roles: ['viewer'] })).status).toBe(200);
    expect((await call(full, 'GET', audit)).status).toBe(200);
    expect((await call(owner, 'PATCH', memberUrl, { roles: ['member'] })).status).toBe(200);
    expect((await call(full, 'GET', audit)).status).toBe(403);
    expect((await call(narrow, 'GET', membersB)).status).toBe(200);

    expect((await call(owner, 'PATCH', memberUrl, { status: 'disabled' })).status).toBe(200);
    expect((await call(full, 'GET', '/v1/me')).body).toMatchObject({ code: 'USER_DISABLED' });
    expect((await call(narrow, 'GET', membersB)).status).toBe(401);
    expect((await call(owner, 'PATCH', memberUrl, { status: 'active' })).status).toBe(200);
    expect((await call(narrow, 'GET', membersB)).status).toBe(200);

    expect((await call(owner, 'DELETE', memberUrl)).status).toBe(204);
    expect((await call(narrow, 'GET', membersB)).status).toBe(404);
    await t.store.members.add(orgB, user.user!.id, ['admin']);
    expect((await call(full, 'GET', audit)).status).toBe(200);

    await t.store.users.update(user.user!.id, { status: 'disabled' });
    expect((await call(full, 'GET', '/v1/me')).status).toBe(401);
    await t.store.users.update(user.user!.id, { status: 'active' });
  });

  it('answers 401 for revoked and expired keys', async () => {
    const created = (await mint(user, { name: 'short', orgId: orgA })).body;
    const client = t.withKey(created.secret!);
    expect((await call(client, 'GET', '/v1/me')).status).toBe(200);
    await t.store.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, created.apiKey.id));
    expect((await call(client, 'GET', '/v1/me')).status).toBe(401);
    const mine = await call<{ items: ApiKey[] }>(user, 'GET', '/v1/me/api-keys');
    expect(mine.body.items.find((k) => k.id === created.apiKey.id)?.status).toBe('expired');

    const other = (await mint(user, { name: 'to revoke' })).body;
    expect(other.apiKey.orgId).toBeNull();
    expect((await call(admin, 'DELETE', `/v1/me/api-keys/${other.apiKey.id}`)).status).toBe(404);
    expect((await call(t.client(), 'DELETE', `/v1/me/api-keys/${other.apiKey.id}`)).status).toBe(
      401,
    );
    expect((await call(t.withKey(other.secret!), 'GET', '/v1/me')).status).toBe(200);
    expect((await call(user, 'DELETE', `/v1/me/api-keys/${other.apiKey.id}`)).status).toBe(204);
    expect((await call(t.withKey(other.secret!), 'GET', '/v1/me')).status).toBe(401);
    const [event] = await t.store.audit.list({
      userId: user.user!.id,
      action: 'api_key.revoked',
      limit: 1,
    });
    expect(event?.targetId).toBe(other.apiKey.id);
  });

  it('lets admins list and revoke the keys usable in their org (api_keys:manage)', async () => {
    const key = (await mint(user, { name: 'admin target', orgId: orgA })).body;
    const keyB = (await mint(user, { name: 'other org', orgId: orgB })).body;
    const url = `/v1/organizations/${orgA}/api-keys`;
    const list = await call<{ items: (ApiKey & { user: Json })[] }>(admin, 'GET', url);
    expect(list.status).toBe(200);
    const ids = list.body.items.map((k) => k.id);
    expect(ids).toContain(key.apiKey.id);
    expect(ids).not.toContain(keyB.apiKey.id);
    expect(list.body.items[0]?.user).toMatchObject({ email: 'user@keys.test' });
    expect((await call(user, 'GET', url)).status).toBe(403);
    expect((await call(outsider, 'GET', url)).status).toBe(404);
    expect((await call(t.client(), 'GET', url)).status).toBe(401);

    expect((await call(user, 'DELETE', `${url}/${key.apiKey.id}`)).status).toBe(403);
    expect((await call(outsider, 'DELETE', `${url}/${key.apiKey.id}`)).status).toBe(404);
    expect((await call(admin, 'DELETE', `${url}/${keyB.apiKey.id}`)).status).toBe(404);
    expect((await call(t.withKey(key.secret!), 'GET', '/v1/me')).status).toBe(200);
    expect((await call(t.withKey(keyB.secret!), 'GET', '/v1/me')).status).toBe(200);

    expect((await call(admin, 'DELETE', `${url}/${key.apiKey.id}`)).status).toBe(204);
    expect((await call(t.withKey(key.secret!), 'GET', '/v1/me')).status).toBe(401);
    const [event] = await t.store.audit.list({ orgId: orgA, action: 'api_key.revoked', limit: 1 });
    expect(event).toMatchObject({ actorId: admin.user!.id, targetId: key.apiKey.id });
  });
});
