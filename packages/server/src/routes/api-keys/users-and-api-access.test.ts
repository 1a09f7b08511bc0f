import { agentControlCatalog, agentControlRoles, orgkitPresetRoles } from '@orgkit/core/presets';
import { describe, expect, it } from 'vitest';
import { createAccess } from '../../access/access.js';
import { backends } from '../../test-support/backends.js';
import { call, TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;

/**
 * Agent control center, users and API access: the Super Admin creates the
 * organization and its Admin; the Admin adds a user with several roles, grants them API access,
 * sees and revokes their keys; the user's key dies the moment the Admin disables them.
 */
describe.each(backends)('users and API access ($name)', (backend) => {
  const owner = orgkitPresetRoles.find((r) => r.key === 'owner')!;
  const t = useTestApp(backend, {
    organizations: { membership: 'single' },
    access: createAccess({ catalog: agentControlCatalog, presets: [owner, ...agentControlRoles] }),
  });

  const signIn = async (email: string) => {
    await t.activate(email);
    const client = t.client();
    const res = await client.request('/v1/auth/sign-in', {
      json: { email, password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    client.user = await t.store.users.findByEmail(email);
    return client;
  };

  it('Admin manages users and API access; a disabled user’s key stops at once', async () => {
    const root = await t.signedIn('root@acc.test', { platformAdmin: true, name: 'Root' });
    const orgId = await t.createOrg(root, 'Sequentum');
    const members = `/v1/organizations/${orgId}/members`;

    const newAdmin = await call(root, 'POST', members, {
      email: 'admin@acc.test',
      name: 'Ada Admin',
      password: TEST_PASSWORD,
      roles: ['admin'],
    });
    expect(newAdmin.status).toBe(201);
    const admin = await signIn('admin@acc.test');

    // "New User" with several roles (one or multiple roles).
    const created = await call<Json & { userId: string }>(admin, 'POST', members, {
      email: 'uma@acc.test',
      name: 'Uma User',
      password: TEST_PASSWORD,
      roles: ['user', 'supporter'],
    });
    expect(created.body).toMatchObject({ roles: ['supporter', 'user'], status: 'active' });
    const uma = await signIn('uma@acc.test');
    const umaUrl = `${members}/${created.body.userId}`;

    // No API access yet: the User role does not include it.
    expect((await call(uma, 'POST', '/v1/me/api-keys', { name: 'bot', orgId })).status).toBe(403);

    // The Admin grants API access with a custom role and assigns it.
    const role = await call(admin, 'POST', `/v1/organizations/${orgId}/roles`, {
      key: 'api_access',
      name: 'API Access',
      self: ['api_keys:read', 'api_keys:create', 'api_keys:revoke'],
    });
    expect(role.status).toBe(201);
    expect(
      (await call(admin, 'PATCH', umaUrl, { roles: ['user', 'supporter', 'api_access'] })).status,
    ).toBe(200);

    // Uma mints a key limited to running agents; it cannot exceed what she holds.
    const tooWide = await call(uma, 'POST', '/v1/me/api-keys', {
      name: 'bot',
      orgId,
      scopes: ['agents:delete'],
    });
    expect(tooWide).toMatchObject({ status: 403, body: { code: 'PERMISSION_ESCALATION' } });
    const minted = await call<{ apiKey: { id: string }; secret: string }>(
      uma,
      'POST',
      '/v1/me/api-keys',
      { name: 'bot', orgId, scopes: ['agents:read', 'agents:run'] },
    );
    expect(minted.status).toBe(201);
    const bot = t.withKey(minted.body.secret);
    const perms = await call<{ permissions: string[] }>(
      bot,
      'GET',
      `/v1/me/permissions?orgId=${orgId}`,
    );
    expect(perms.body.permissions).toEqual(['agents:read', 'agents:run']);
    expect((await call(bot, 'GET', members)).status).toBe(403);

    // The Admin sees the key in the org's API access list.
    const keys = await call<{ items: (Json & { user: Json })[] }>(
      admin,
      'GET',
      `/v1/organizations/${orgId}/api-keys`,
    );
    expect(keys.body.items.map((k) => [k.name, k.user.email])).toEqual([['bot', 'uma@acc.test']]);

    // Reset password (admin-triggered) and edit, as in the manual.
    expect((await call(admin, 'POST', `${umaUrl}/password-reset`)).status).toBe(202);
    expect((await t.outbox('uma@acc.test'))[0]?.meta?.kind).toBe('password_reset');

    // Disable: the key dies at once; enabling brings it back until it is revoked.
    expect((await call(admin, 'PATCH', umaUrl, { status: 'disabled' })).status).toBe(200);
    expect(await call(bot, 'GET', `/v1/me/permissions?orgId=${orgId}`)).toMatchObject({
      status: 401,
      body: { code: 'USER_DISABLED' },
    });
    expect((await call(uma, 'GET', `/v1/organizations/${orgId}`)).status).toBe(404);
    expect((await call(admin, 'PATCH', umaUrl, { status: 'active' })).status).toBe(200);
    expect((await call(bot, 'GET', `/v1/me/permissions?orgId=${orgId}`)).status).toBe(200);
    const revoke = await call(
      admin,
      'DELETE',
      `/v1/organizations/${orgId}/api-keys/${minted.body.apiKey.id}`,
    );
    expect(revoke.status).toBe(204);
    expect((await call(bot, 'GET', '/v1/me')).status).toBe(401);

    // Taking API access away again stops new keys; the Admin cannot hand out what they lack.
    expect((await call(admin, 'PATCH', umaUrl, { roles: ['user'] })).status).toBe(200);
    expect((await call(uma, 'POST', '/v1/me/api-keys', { name: 'again', orgId })).status).toBe(403);
    const serverAdmin = await call(admin, 'PATCH', umaUrl, { roles: ['user', 'server_admin'] });
    expect(serverAdmin).toMatchObject({ status: 403, body: { code: 'PERMISSION_ESCALATION' } });

    const events = await call<{ items: Json[] }>(
      admin,
      'GET',
      `/v1/organizations/${orgId}/audit-events?limit=50`,
    );
    const actions = events.body.items.map((e) => e.action).reverse();
    expect(actions).toEqual([
      'organization.created',
      'member.created',
      'member.created',
      'role.created',
      'member.roles_updated',
      'api_key.created',
      'member.password_reset_sent',
      'member.disabled',
      'member.enabled',
      'api_key.revoked',
      'member.roles_updated',
    ]);
  });
});
