import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, call, permissionsIn, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type Role = Json & {
  key: string;
  permissions: { self: { permissions: string[]; conditional: Json[] } };
};

describe.each(backends)('roles ($name)', (backend) => {
  const t = useTestApp(backend);
  let owner: Client;
  let admin: Client;
  let member: Client;
  let billing: Client;
  let outsider: Client;
  let orgId: string;
  const roles = () => `/v1/organizations/${orgId}/roles`;
  const keys = async () =>
    (await t.store.organizations.customRoles([orgId])).map((r) => r.key).sort();

  beforeAll(async () => {
    owner = await t.signedIn('owner@roles.test', { platformAdmin: true });
    orgId = await t.createOrg(owner, 'Roles Inc');
    await t.store.users.update(owner.user!.id, { platformAdmin: false });
    admin = await t.memberOf(orgId, 'admin@roles.test', ['admin']);
    member = await t.memberOf(orgId, 'member@roles.test', ['member']);
    billing = await t.memberOf(orgId, 'billing@roles.test', ['billing_contact']);
    outsider = await t.signedIn('outsider@else.test');
  });

  it('serves the permission catalog grouped by module, section and resource', async () => {
    expect((await call(t.client(), 'GET', '/v1/permissions')).status).toBe(401);
    const { status, body } = await call<{ modules: Json[]; exclusiveModules: string[] }>(
      member,
      'GET',
      '/v1/permissions',
    );
    expect(status).toBe(200);
    expect(body.exclusiveModules).toEqual([]);
    const team = body.modules.find((m) => m.module === 'team') as Json & { sections: Json[] };
    const access = team.sections.find((s) => s.section === 'access') as Json & {
      resources: Json[];
    };
    const groups = access.resources.find((r) => r.resource === 'groups');
    expect(groups).toMatchObject({ label: 'Groups', acl: false });
    expect((groups as { actions: Json[] }).actions).toContainEqual({
      action: 'assign_roles',
      permission: 'groups:assign_roles',
      label: 'Assign roles to groups',
      description: null,
    });
  });

  it('lists presets with what they resolve to; 403 without roles:read, 404 outside, 401 anonymous', async () => {
    const { status, body } = await call<{ items: Role[] }>(member, 'GET', roles());
    expect(status).toBe(200);
    expect(body.items.map((r) => r.key)).toEqual([
      'owner',
      'admin',
      'member',
      'billing_contact',
      'viewer',
    ]);
    const adminRole = body.items.find((r) => r.key === 'admin')!;
    expect(adminRole).toMatchObject({ kind: 'preset', assignable: 'both', exclusive: false });
    expect(adminRole.permissions.self.permissions).toContain('members:remove');
    expect(adminRole.permissions.self.permissions).not.toContain('organization:delete');
    expect(adminRole.holders).toEqual({ members: 1, groups: 0 });
    expect((await call(billing, 'GET', roles())).status).toBe(403);
    expect((await call(outsider, 'GET', roles())).status).toBe(404);
    expect((await call(t.client(), 'GET', roles())).status).toBe(401);
    expect((await call(member, 'GET', `${roles()}/admin`)).body).toMatchObject({ key: 'admin' });
    expect((await call(member, 'GET', `${roles()}/wizard`)).status).toBe(404);
    expect((await call(outsider, 'GET', `${roles()}/admin`)).status).toBe(404);
  });

  it('creates a custom role extending a preset, with removals and a conditional entry', async () => {
    const spec = {
      key: 'auditor',
      name: 'Auditor',
      description: 'Reads everything, exports the audit log',
      extends: 'viewer',
      self: ['audit_log:export', { permission: 'invitations:create', requires: 'members:create' }],
      descendants: ['organization:read'],
      remove: { self: ['settings:read'] },
    };
    const res = await call<Role>(admin, 'POST', roles(), spec, { 'idempotency-key': 'aud-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key: 'auditor', kind: 'custom', orgId, extends: 'viewer' });
    const self = res.body.permissions.self;
    expect(self.permissions).toContain('audit_log:export');
    expect(self.permissions).toContain('members:read');
    expect(self.permissions).not.toContain('settings:read');
    expect(self.conditional).toEqual([
      { permission: 'invitations:create', requires: ['members:create'] },
    ]);
    const replay = await call(admin, 'POST', roles(), spec, { 'idempotency-key': 'aud-1' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const clash = await call(
      admin,
      'POST',
      roles(),
      { ...spec, name: 'Other' },
      {
        'idempotency-key': 'aud-1',
      },
    );
    expect(clash.status).toBe(422);
    const again = await call(admin, 'POST', roles(), spec);
    expect(again).toMatchObject({ status: 409, body: { code: 'ROLE_KEY_TAKEN' } });
    expect(await keys()).toEqual(['auditor']);
    const [event] = await t.store.audit.list({ orgId, action: 'role.created', limit: 5 });
    expect(event).toMatchObject({ targetType: 'role', targetId: 'auditor' });

    // A holder gets the resolved set at once; the condition holds only with members:create.
    const holder = await t.memberOf(orgId, 'auditor@roles.test', ['auditor']);
    const perms = await permissionsIn(holder, orgId);
    expect(perms).toContain('audit_log:export');
    expect(perms).not.toContain('invitations:create');
  });

  it('names each invalid field (422) and stores nothing', async () => {
    const res = await call<{ code: string; errors: Json[] }>(admin, 'POST', roles(), {
      key: 'admin',
      name: 'Fake admin',
      module: 'nope',
      self: ['members:read', 'wizardry:cast', { permission: 'members:read', requires: 'x:y' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e) => e.path).sort()).toEqual(
      ['key', 'module', 'self.1', 'self.2.requires'].sort(),
    );
    const cycle = await call<{ errors: Json[] }>(admin, 'POST', roles(), {
      key: 'loop',
      name: 'Loop',
      extends: 'ghost',
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors[0]).toMatchObject({ path: 'extends' });
    const unknownField = await call(admin, 'POST', roles(), { key: 'x', name: 'X', colour: 1 });
    expect(unknownField.status).toBe(422);
    expect(await keys()).toEqual(['auditor']);
  });

  it('refuses creation without roles:create (403), outside (404) and anonymously (401)', async () => {
    const spec = { key: 'sneaky', name: 'Sneaky', self: ['members:read'] };
    expect((await call(member, 'POST', roles(), spec)).status).toBe(403);
    expect((await call(outsider, 'POST', roles(), spec)).status).toBe(404);
    expect((await call(t.client(), 'POST', roles(), spec)).status).toBe(401);
    expect((await call(owner, 'POST', '/v1/organizations/org_nope/roles', spec)).status).toBe(404);
    expect(await keys()).toEqual(['auditor']);
  });

  it('guards against escalation when creating, editing and assigning roles', async () => {
    const created = await call(admin, 'POST', roles(), {
      key: 'role_manager',
      name: 'Role manager',
      self: ['organization:read', 'roles:*', 'members:read', 'members:update'],
    });
    expect(created.status).toBe(201);
    const rm = await t.memberOf(orgId, 'rm@roles.test', ['role_manager']);
    const tooMuch = await call<{ code: string; missing: string[] }>(rm, 'POST', roles(), {
      key: 'remover',
      name: 'Remover',
      self: ['members:remove'],
    });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body).toMatchObject({
      code: 'PERMISSION_ESCALATION',
      missing: ['members:remove'],
    });
    const viaDescendants = await call(rm, 'POST', roles(), {
      key: 'remover',
      name: 'Remover',
      descendants: ['members:remove'],
    });
    expect(viaDescendants.status).toBe(403);
    expect(
      (await call(rm, 'POST', roles(), { key: 'reader', name: 'Reader', self: ['roles:read'] }))
        .status,
    ).toBe(201);
    // Editing a role that gives more than the caller holds is refused, even a rename.
    const rename = await call(rm, 'PATCH', `${roles()}/auditor`, { name: 'Renamed' });
    expect(rename).toMatchObject({ status: 403, body: { code: 'PERMISSION_ESCALATION' } });
    const widen = await call(rm, 'PATCH', `${roles()}/reader`, {
      self: ['roles:read', 'members:remove'],
    });
    expect(widen.status).toBe(403);
    // Member role updates run the same guard on custom roles.
    const assign = await call(
      rm,
      'PATCH',
      `/v1/organizations/${orgId}/members/${member.user!.id}`,
      {
        roles: ['member', 'auditor'],
      },
    );
    expect(assign).toMatchObject({ status: 403, body: { code: 'PERMISSION_ESCALATION' } });
    expect((await t.store.members.get(orgId, member.user!.id))?.roles).toEqual(['member']);
    expect((await t.store.roles.find(orgId, 'auditor'))?.name).toBe('Auditor');
    expect((await t.store.roles.find(orgId, 'reader'))?.self).toEqual(['roles:read']);
  });

  it('edits custom roles with immediate effect; presets are read-only', async () => {
    const holder = await t.memberOf(orgId, 'editee@roles.test', ['reader']);
    expect(await permissionsIn(holder, orgId)).toEqual(['roles:read']);
    const res = await call<Role>(admin, 'PATCH', `${roles()}/reader`, {
      name: 'Reader+',
      self: ['roles:read', 'groups:read'],
      description: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Reader+', description: null });
    expect(await permissionsIn(holder, orgId)).toEqual(['roles:read', 'groups:read']);
    const preset = await call(admin, 'PATCH', `${roles()}/admin`, { name: 'Boss' });
    expect(preset).toMatchObject({ status: 409, body: { code: 'PRESET_ROLE_READONLY' } });
    expect((await call(admin, 'PATCH', `${roles()}/ghost`, { name: 'Boo' })).status).toBe(404);
    expect((await call(member, 'PATCH', `${roles()}/reader`, { name: 'Hacked' })).status).toBe(403);
    expect((await call(outsider, 'PATCH', `${roles()}/reader`, { name: 'Hacked' })).status).toBe(
      404,
    );
    const invalid = await call(admin, 'PATCH', `${roles()}/reader`, { self: ['nope:nope'] });
    expect(invalid.status).toBe(422);
    // Members hold it directly: it cannot become group-only.
    const groupOnly = await call(admin, 'PATCH', `${roles()}/reader`, { assignable: 'groups' });
    expect(groupOnly).toMatchObject({ status: 409, body: { code: 'ROLE_NOT_ASSIGNABLE' } });
    expect((await t.store.roles.find(orgId, 'reader'))?.name).toBe('Reader+');
    const events = await t.store.audit.list({ orgId, action: 'role.updated', limit: 5 });
    expect(events).toHaveLength(1);
  });

  it('refuses to delete a role in use unless every holder is reassigned atomically', async () => {
    await call(admin, 'POST', roles(), { key: 'temp', name: 'Temp', self: ['groups:read'] });
    const holder = await t.memberOf(orgId, 'temp@roles.test', ['temp', 'member']);
    const group = await call<{ id: string }>(admin, 'POST', `/v1/organizations/${orgId}/groups`, {
      name: 'Temps',
      roles: ['temp'],
    });
    expect(group.status).toBe(201);
    const invite = await call(admin, 'POST', `/v1/organizations/${orgId}/invitations`, {
      emails: 'temp-invitee@roles.test',
      roles: ['temp'],
    });
    expect(invite.status).toBe(201);
    const url = `${roles()}/temp`;
    const inUse = await call(admin, 'DELETE', url);
    expect(inUse).toMatchObject({
      status: 409,
      body: { code: 'ROLE_IN_USE', holders: { members: 1, groups: 1, invitations: 1 } },
    });
    expect((await call(admin, 'DELETE', `${url}?reassignTo=ghost`)).status).toBe(422);
    const toOwner = await call(admin, 'DELETE', `${url}?reassignTo=owner`);
    expect(toOwner).toMatchObject({ status: 409, body: { code: 'OWNER_ROLE_REQUIRES_TRANSFER' } });
    expect((await call(member, 'DELETE', `${url}?reassignTo=viewer`)).status).toBe(403);
    expect((await call(outsider, 'DELETE', `${url}?reassignTo=viewer`)).status).toBe(404);
    expect((await t.store.members.get(orgId, holder.user!.id))?.roles).toEqual(['member', 'temp']);

    expect((await call(admin, 'DELETE', `${url}?reassignTo=viewer`)).status).toBe(204);
    expect((await t.store.members.get(orgId, holder.user!.id))?.roles).toEqual([
      'member',
      'viewer',
    ]);
    expect((await t.store.groups.get(orgId, group.body.id))?.roles).toEqual(['viewer']);
    expect(await t.store.roles.find(orgId, 'temp')).toBeUndefined();
    const [event] = await t.store.audit.list({ orgId, action: 'role.deleted', limit: 1 });
    expect(event?.after).toEqual({ reassignedTo: 'viewer', members: 1, groups: 1, invitations: 1 });
    const pending = await t.store.invitations.findPending(
      orgId,
      'temp-invitee@roles.test',
      new Date(),
    );
    expect(pending?.roles).toEqual(['viewer']);
    expect((await call(admin, 'DELETE', `${roles()}/viewer`)).body).toMatchObject({
      code: 'PRESET_ROLE_READONLY',
    });
  });

  it('refuses to delete a role another custom role extends; deletes unused roles', async () => {
    await call(admin, 'POST', roles(), { key: 'base_x', name: 'Base', self: ['groups:read'] });
    await call(admin, 'POST', roles(), { key: 'child_x', name: 'Child', extends: 'base_x' });
    const res = await call(admin, 'DELETE', `${roles()}/base_x`);
    expect(res).toMatchObject({ status: 409, body: { code: 'ROLE_IN_USE' } });
    expect((await call(admin, 'DELETE', `${roles()}/child_x`)).status).toBe(204);
    expect((await call(admin, 'DELETE', `${roles()}/base_x`)).status).toBe(204);
    expect(await t.store.roles.find(orgId, 'base_x')).toBeUndefined();
  });

  it('refuses group-only roles on members and the owner role on groups', async () => {
    await call(admin, 'POST', roles(), {
      key: 'via_groups',
      name: 'Via groups',
      assignable: 'groups',
      self: ['groups:read'],
    });
    const direct = await call(
      admin,
      'PATCH',
      `/v1/organizations/${orgId}/members/${member.user!.id}`,
      {
        roles: ['member', 'via_groups'],
      },
    );
    expect(direct).toMatchObject({ status: 422, body: { code: 'ROLE_NOT_ASSIGNABLE' } });
    const g = await call(admin, 'POST', `/v1/organizations/${orgId}/groups`, {
      name: 'Owners?',
      roles: ['owner'],
    });
    expect(g).toMatchObject({ status: 409, body: { code: 'OWNER_ROLE_REQUIRES_TRANSFER' } });
    expect(await t.store.groups.nameTaken(orgId, 'Owners?')).toBe(false);
  });
});
