import { hpcCatalog, hpcRoles, hpcSettings, orgkitPresetRoles } from '@orgkit/core/presets';
import { describe, expect, it } from 'vitest';
import { createAccess } from '../../access/access.js';
import { backends } from '../../test-support/backends.js';
import {
  type Client,
  call,
  permissionsIn,
  TEST_PASSWORD,
  useTestApp,
} from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type Setting = Json & { key: string; value: unknown; source: Json };
type List = { items: Setting[] };
const find = (list: List, key: string) => list.items.find((s) => s.key === key)!;

/**
 * HPC platform: a partner manages a client org; roles reach users only through
 * groups; org:groups edits groups but cannot assign their roles; settings flow down the waterfall
 * from the partner, are overridden in the client (org and group level), and a partner lock holds.
 */
describe.each(backends)('groups and settings ($name)', (backend) => {
  const owner = orgkitPresetRoles.find((r) => r.key === 'owner')!;
  const t = useTestApp(backend, {
    access: createAccess({ catalog: hpcCatalog, presets: [owner, ...hpcRoles] }),
    settings: hpcSettings,
  });

  const signIn = async (email: string): Promise<Client> => {
    const client = t.client();
    const res = await client.request('/v1/auth/sign-in', {
      json: { email, password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    client.user = await t.store.users.findByEmail(email);
    return client;
  };
  const newUser = async (by: Client, orgId: string, email: string) => {
    const res = await call<{ userId: string }>(by, 'POST', `/v1/organizations/${orgId}/members`, {
      email,
      name: email.split('@')[0],
      password: TEST_PASSWORD,
      roles: [],
    });
    expect(res.status).toBe(201);
    // the new user proves the address with the mailed activation link, then signs in
    await t.activate(email);
    return { id: res.body.userId, client: await signIn(email) };
  };

  it('plays the partner → client → groups → users flow', async () => {
    const root = await t.signedIn('root@activate.test', { platformAdmin: true });
    const partner = await t.createOrg(root, 'Parallel Partners', { kind: 'partner' });
    const client = await t.createOrg(root, 'Client Co', { parentId: partner, kind: 'client' });
    await t.store.users.update(root.user!.id, { platformAdmin: false });

    // Partner admins get org:admin through a group: roles cannot go to individual users.
    const alice = await newUser(root, partner, 'alice@partner.test');
    const direct = await call(root, 'PATCH', `/v1/organizations/${partner}/members/${alice.id}`, {
      roles: ['org:admin'],
    });
    expect(direct).toMatchObject({ status: 422, body: { code: 'ROLE_NOT_ASSIGNABLE' } });
    const partnerAdmins = await call(root, 'POST', `/v1/organizations/${partner}/groups`, {
      name: 'Partner admins',
      roles: ['org:admin'],
      memberIds: [alice.id],
    });
    expect(partnerAdmins.status).toBe(201);
    expect(await permissionsIn(alice.client, partner)).toContain('groups:assign_roles');

    // The partner manages the client org: users, groups and settings.
    const bob = await newUser(alice.client, client, 'bob@client.test');
    const carol = await newUser(alice.client, client, 'carol@client.test');
    const dave = await newUser(alice.client, client, 'dave@client.test');
    expect(await permissionsIn(bob.client, client)).toEqual([]);
    const groups = `/v1/organizations/${client}/groups`;
    const managers = await call<{ id: string }>(alice.client, 'POST', groups, {
      name: 'Group managers',
      roles: ['org:groups'],
      memberIds: [bob.id],
    });
    expect(managers.status).toBe(201);
    const settingsTeam = await call<{ id: string }>(alice.client, 'POST', groups, {
      name: 'Settings team',
      roles: ['org:settings'],
      memberIds: [carol.id],
    });
    expect(settingsTeam.status).toBe(201);
    // The partner's descendant permissions do not cover org:admin inside the client.
    const tooStrong = await call(alice.client, 'POST', groups, {
      name: 'Client admins',
      roles: ['org:admin'],
    });
    expect(tooStrong).toMatchObject({ status: 403, body: { code: 'PERMISSION_ESCALATION' } });

    // org:groups creates and edits groups and their members, never their roles.
    expect(await permissionsIn(bob.client, client)).toContain('groups:create');
    const researchers = await call<{ id: string }>(bob.client, 'POST', groups, {
      name: 'Researchers',
      memberIds: [dave.id],
    });
    expect(researchers.status).toBe(201);
    const rUrl = `${groups}/${researchers.body.id}`;
    expect((await call(bob.client, 'PATCH', rUrl, { description: 'GPU users' })).status).toBe(200);
    expect(
      (await call(bob.client, 'POST', `${rUrl}/members`, { userIds: [carol.id] })).status,
    ).toBe(200);
    const assign = await call(bob.client, 'PUT', `${rUrl}/roles`, { roles: ['org:settings'] });
    expect(assign.status).toBe(403);
    const withRoles = await call(bob.client, 'POST', groups, {
      name: 'Sneaky',
      roles: ['org:users'],
    });
    expect(withRoles.status).toBe(403);
    const joinSettings = await call(
      bob.client,
      'POST',
      `${groups}/${settingsTeam.body.id}/members`,
      {
        userIds: [bob.id],
      },
    );
    expect(joinSettings).toMatchObject({ status: 403, body: { code: 'PERMISSION_ESCALATION' } });
    expect((await t.store.groups.get(client, researchers.body.id))?.roles).toEqual([]);
    // Only org:admin (here the partner admin) assigns roles to groups; it applies at once.
    expect(
      (await call(alice.client, 'PUT', `${rUrl}/roles`, { roles: ['org:users'] })).status,
    ).toBe(200);
    expect(await permissionsIn(dave.client, client)).toContain('members:create');
    expect((await call(alice.client, 'PUT', `${rUrl}/roles`, { roles: [] })).status).toBe(200);
    expect(await permissionsIn(dave.client, client)).toEqual([]);

    // Settings: the partner sets values (one locked); the client inherits them.
    const pSettings = `/v1/organizations/${partner}/settings`;
    const cSettings = `/v1/organizations/${client}/settings`;
    expect((await call(alice.client, 'PUT', `${pSettings}/theme`, { value: 'dark' })).status).toBe(
      200,
    );
    expect(
      (
        await call(alice.client, 'PUT', `${pSettings}/login_banner`, {
          value: 'Welcome to Parallel',
        })
      ).status,
    ).toBe(200);
    const lock = await call(alice.client, 'PUT', `${pSettings}/allowed_instance_types`, {
      value: ['small', 'medium', 'gpu'],
      locked: true,
    });
    expect(lock.status).toBe(200);
    const inherited = await call<List>(carol.client, 'GET', cSettings);
    expect(find(inherited.body, 'theme')).toMatchObject({
      value: 'dark',
      source: { level: 'org', id: partner },
    });

    // The client's org:settings group overrides at the org and group levels, not under the lock.
    expect((await call(carol.client, 'PUT', `${cSettings}/theme`, { value: 'light' })).status).toBe(
      200,
    );
    const locked = await call(carol.client, 'PUT', `${cSettings}/allowed_instance_types`, {
      value: ['huge'],
    });
    expect(locked).toMatchObject({
      status: 409,
      body: { code: 'SETTING_LOCKED', lockedBy: { level: 'org', id: partner } },
    });
    const storage = await call(carol.client, 'PUT', `${cSettings}/default_storage_gb`, {
      value: 200,
      level: 'group',
      targetId: researchers.body.id,
    });
    expect(storage.status).toBe(200);
    expect((await call(bob.client, 'PUT', `${cSettings}/theme`, { value: 'dark' })).status).toBe(
      403,
    );

    const mine = await call<List>(dave.client, 'GET', `/v1/me/settings?orgId=${client}`);
    expect(find(mine.body, 'theme')).toMatchObject({
      value: 'light',
      source: { level: 'org', id: client },
    });
    expect(find(mine.body, 'login_banner')).toMatchObject({
      value: 'Welcome to Parallel',
      source: { level: 'org', id: partner },
    });
    expect(find(mine.body, 'default_storage_gb')).toMatchObject({
      value: 200,
      source: { level: 'group', id: researchers.body.id },
    });
    expect(find(mine.body, 'allowed_instance_types')).toMatchObject({
      value: ['small', 'medium', 'gpu'],
      lockedBy: { level: 'org', id: partner },
    });
    expect(find(mine.body, 'billing_multiplier')).toMatchObject({ value: 1, isDefault: true });

    // The partner sees the managed org's settings; the audit log shows each step.
    const seen = await call<List>(alice.client, 'GET', cSettings);
    expect(find(seen.body, 'theme')).toMatchObject({ value: 'light' });
    const log = await call<{ items: Json[] }>(
      alice.client,
      'GET',
      `/v1/organizations/${client}/audit-events?limit=100`,
    );
    const actions = log.body.items.map((e) => e.action);
    for (const action of [
      'group.created',
      'group.members_changed',
      'group.roles_updated',
      'setting.set',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
