import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, call, permissionsIn, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type Group = Json & { id: string; roles: string[]; members: { userId: string }[] };

describe.each(backends)('groups ($name)', (backend) => {
  const t = useTestApp(backend);
  let admin: Client;
  let grouper: Client;
  let member: Client;
  let billing: Client;
  let outsider: Client;
  let orgId: string;
  let otherOrgId: string;
  let otherGroupId: string;
  const groups = () => `/v1/organizations/${orgId}/groups`;
  const names = async () => (await t.store.groups.list(orgId, { limit: 100 })).map((g) => g.name);

  beforeAll(async () => {
    const root = await t.signedIn('root@groups.test', { platformAdmin: true });
    orgId = await t.createOrg(root, 'Groups Inc');
    otherOrgId = await t.createOrg(root, 'Elsewhere');
    admin = await t.memberOf(orgId, 'admin@groups.test', ['admin']);
    // Like an HPC platform's org:groups: manages groups, cannot assign their roles.
    const created = await call(admin, 'POST', `/v1/organizations/${orgId}/roles`, {
      key: 'groups_manager',
      name: 'Groups manager',
      self: [
        'organization:read',
        'members:read',
        'groups:read',
        'groups:create',
        'groups:update',
        'groups:delete',
      ],
    });
    expect(created.status).toBe(201);
    grouper = await t.memberOf(orgId, 'grouper@groups.test', ['groups_manager']);
    member = await t.memberOf(orgId, 'member@groups.test', ['member']);
    billing = await t.memberOf(orgId, 'billing@groups.test', ['billing_contact']);
    outsider = await t.memberOf(otherOrgId, 'outsider@else.test', ['admin']);
    const other = await call<Group>(outsider, 'POST', `/v1/organizations/${otherOrgId}/groups`, {
      name: 'Their group',
    });
    otherGroupId = other.body.id;
  });

  it('creates groups with members; roles need groups:assign_roles; members must belong to the org', async () => {
    const res = await call<Group>(
      grouper,
      'POST',
      groups(),
      { name: 'Engineering', description: 'Builders', memberIds: [member.user!.id] },
      { 'idempotency-key': 'eng' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Engineering', roles: [], memberCount: 1 });
    expect(res.body.members.map((m) => m.userId)).toEqual([member.user!.id]);
    const replay = await call<Group>(
      grouper,
      'POST',
      groups(),
      { name: 'Engineering', description: 'Builders', memberIds: [member.user!.id] },
      { 'idempotency-key': 'eng' },
    );
    expect(replay.body.id).toBe(res.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const withRoles = await call(grouper, 'POST', groups(), { name: 'Admins', roles: ['admin'] });
    expect(withRoles.status).toBe(403);
    const taken = await call(grouper, 'POST', groups(), { name: 'engineering' });
    expect(taken).toMatchObject({ status: 409, body: { code: 'GROUP_NAME_TAKEN' } });
    const stranger = await call<{ errors: Json[] }>(grouper, 'POST', groups(), {
      name: 'Mixed',
      memberIds: [member.user!.id, outsider.user!.id],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors).toEqual([
      expect.objectContaining({ path: 'userIds.1', code: 'not_org_member' }),
    ]);
    expect((await call(member, 'POST', groups(), { name: 'Nope' })).status).toBe(403);
    expect((await call(outsider, 'POST', groups(), { name: 'Nope' })).status).toBe(404);
    expect((await call(t.client(), 'POST', groups(), { name: 'Nope' })).status).toBe(401);
    expect(await names()).toEqual(['Engineering']);
    const [event] = await t.store.audit.list({ orgId, action: 'group.created', limit: 5 });
    expect(event?.targetId).toBe(res.body.id);
  });

  it('lists and reads groups with pagination; denies without groups:read, outside, and across orgs', async () => {
    await call(admin, 'POST', groups(), { name: 'Admins', roles: ['admin'] });
    await call(admin, 'POST', groups(), { name: 'Billing' });
    const first = await call<{ items: Group[]; nextCursor: string }>(
      member,
      'GET',
      `${groups()}?limit=2`,
    );
    expect(first.body.items.map((g) => g.name)).toEqual(['Admins', 'Billing']);
    const second = await call<{ items: Group[]; nextCursor: null }>(
      member,
      'GET',
      `${groups()}?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((g) => g.name)).toEqual(['Engineering']);
    expect(second.body.nextCursor).toBeNull();
    const id = first.body.items[0]!.id;
    expect((await call<Group>(member, 'GET', `${groups()}/${id}`)).body).toMatchObject({
      name: 'Admins',
      roles: ['admin'],
    });
    expect((await call(billing, 'GET', groups())).status).toBe(403);
    expect((await call(outsider, 'GET', groups())).status).toBe(404);
    expect((await call(t.client(), 'GET', groups())).status).toBe(401);
    expect((await call(member, 'GET', `${groups()}/${otherGroupId}`)).status).toBe(404);
    expect(
      (await call(admin, 'PATCH', `${groups()}/${otherGroupId}`, { name: 'Mine' })).status,
    ).toBe(404);
    expect((await t.store.groups.get(otherOrgId, otherGroupId))?.name).toBe('Their group');
  });

  it('renames groups with groups:update only', async () => {
    const [eng] = (await t.store.groups.list(orgId, { limit: 100 })).filter(
      (g) => g.name === 'Engineering',
    );
    const url = `${groups()}/${eng!.id}`;
    expect((await call(member, 'PATCH', url, { name: 'X' })).status).toBe(403);
    expect((await call(outsider, 'PATCH', url, { name: 'X' })).status).toBe(404);
    expect((await call(grouper, 'PATCH', url, { name: 'admins' })).status).toBe(409);
    const ok = await call(grouper, 'PATCH', url, { name: 'Engineers', description: null });
    expect(ok).toMatchObject({ status: 200, body: { name: 'Engineers', description: null } });
  });

  it('changes membership (replace, add, remove) and group roles take effect at once', async () => {
    const group = (await t.store.groups.list(orgId, { limit: 100 })).find(
      (g) => g.name === 'Billing',
    )!;
    const url = `${groups()}/${group.id}`;
    const joiner = await t.memberOf(orgId, 'joiner@groups.test', []);
    expect(await permissionsIn(joiner, orgId)).toEqual([]);

    const add = await call<Group>(grouper, 'POST', `${url}/members`, {
      userIds: [joiner.user!.id],
    });
    expect(add.status).toBe(200);
    expect(add.body.members.map((m) => m.userId)).toEqual([joiner.user!.id]);

    // Managing groups is not assigning their roles.
    const byGrouper = await call(grouper, 'PUT', `${url}/roles`, { roles: ['billing_contact'] });
    expect(byGrouper.status).toBe(403);
    expect(
      (await call(outsider, 'PUT', `${url}/roles`, { roles: ['billing_contact'] })).status,
    ).toBe(404);
    expect((await call(admin, 'PUT', `${url}/roles`, { roles: ['wizard'] })).status).toBe(422);
    expect((await t.store.groups.get(orgId, group.id))?.roles).toEqual([]);

    const assign = await call<Group>(admin, 'PUT', `${url}/roles`, { roles: ['billing_contact'] });
    expect(assign.body.roles).toEqual(['billing_contact']);
    expect(await permissionsIn(joiner, orgId)).toEqual([
      'organization:read',
      'billing:read',
      'billing:update',
    ]);

    // The escalation guard covers membership: groups_manager lacks billing:*, so it cannot move
    // people in or out of this group any more.
    const other = await call(grouper, 'POST', `${url}/members`, { userIds: [member.user!.id] });
    expect(other).toMatchObject({ status: 403, body: { code: 'PERMISSION_ESCALATION' } });
    const out = await call(grouper, 'DELETE', `${url}/members`, { userIds: [joiner.user!.id] });
    expect(out.status).toBe(403);
    expect((await t.store.groups.members(group.id)).map((m) => m.userId)).toEqual([
      joiner.user!.id,
    ]);
    const stranger = await call(admin, 'PUT', `${url}/members`, { userIds: [outsider.user!.id] });
    expect(stranger).toMatchObject({ status: 422, body: { code: 'NOT_ORG_MEMBER' } });

    const replace = await call<Group>(admin, 'PUT', `${url}/members`, {
      userIds: [member.user!.id],
    });
    expect(replace.body.members.map((m) => m.userId)).toEqual([member.user!.id]);
    expect(await permissionsIn(joiner, orgId)).toEqual([]);
    expect(await permissionsIn(member, orgId)).toContain('billing:update');
    const removed = await call<Group>(admin, 'DELETE', `${url}/members`, {
      userIds: [member.user!.id],
    });
    expect(removed.body.members).toEqual([]);
    expect(await permissionsIn(member, orgId)).not.toContain('billing:update');

    const events = await t.store.audit.list({
      orgId,
      action: 'group',
      targetId: group.id,
      limit: 20,
    });
    expect(events.map((e) => e.action)).toEqual([
      'group.members_changed',
      'group.members_changed',
      'group.roles_updated',
      'group.members_changed',
      'group.created',
    ]);
  });

  it('deletes groups; a group whose roles exceed the caller stays', async () => {
    const admins = (await t.store.groups.list(orgId, { limit: 100 })).find(
      (g) => g.name === 'Admins',
    )!;
    await call(admin, 'PUT', `${groups()}/${admins.id}/members`, { userIds: [member.user!.id] });
    await t.store.settings.put({ type: 'group', id: admins.id }, 'theme', 'dark', false);
    expect((await call(grouper, 'DELETE', `${groups()}/${admins.id}`)).status).toBe(403);
    expect((await call(billing, 'DELETE', `${groups()}/${admins.id}`)).status).toBe(403);
    expect((await call(outsider, 'DELETE', `${groups()}/${admins.id}`)).status).toBe(404);
    expect(await permissionsIn(member, orgId)).toContain('members:remove');

    expect((await call(admin, 'DELETE', `${groups()}/${admins.id}`)).status).toBe(204);
    expect(await t.store.groups.get(orgId, admins.id)).toBeUndefined();
    expect(await t.store.settings.get({ type: 'group', id: admins.id }, 'theme')).toBeUndefined();
    expect(await permissionsIn(member, orgId)).not.toContain('members:remove');
    const eng = (await t.store.groups.list(orgId, { limit: 100 })).find(
      (g) => g.name === 'Engineers',
    )!;
    expect((await call(grouper, 'DELETE', `${groups()}/${eng.id}`)).status).toBe(204);
  });
});
