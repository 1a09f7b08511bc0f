import { beforeAll, describe, expect, it } from 'vitest';
import { aclGrants } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { backends } from '../../test-support/backends.js';
import { agentControlAccess, groupMembers, groups } from '../../test-support/host-catalogs.js';
import { type Client, useTestApp } from '../../test-support/test-app.js';

type Problem = { code: string; errors: { path: string }[] };
type Grants = { grants: { inheritedFrom: unknown }[] };

const dirs = (orgId: string, id: string) =>
  `/v1/organizations/${orgId}/resources/directories/${id}`;

describe.each(backends)('resource ACLs ($name)', (backend) => {
  const t = useTestApp(backend, { access: agentControlAccess() });
  let orgId: string;
  let otherOrg: string;
  let owner: Client;
  let admin: Client;
  let user: Client;
  let sharer: Client;
  let outsider: Client;
  let groupId: string;

  const check = async (who: Client, checks: unknown[], userId?: string) => {
    const res = await who.request(`/v1/organizations/${orgId}/access/check`, {
      json: { checks, ...(userId ? { userId } : {}) },
    });
    return { status: res.status, body: (await res.json()) as { results: { allowed: boolean }[] } };
  };
  const canRead = async (who: Client, dir: string) =>
    (
      await check(who, [
        { permission: 'directories:read', resource: { type: 'directories', id: dir } },
      ])
    ).body.results[0]!.allowed;
  const put = (who: Client, id: string, parentId: string | null) =>
    who.request(dirs(orgId, id), { method: 'PUT', json: { parentId } });
  const share = (who: Client, id: string, grants: unknown[]) =>
    who.request(`${dirs(orgId, id)}/grants`, { method: 'PUT', json: { grants } });

  beforeAll(async () => {
    owner = await t.signedIn('owner@acl.test', { platformAdmin: true });
    orgId = await t.createOrg(owner, 'Acme');
    otherOrg = await t.createOrg(owner, 'Globex');
    admin = await t.memberOf(orgId, 'admin@acl.test', ['admin']);
    user = await t.memberOf(orgId, 'user@acl.test', ['user']);
    sharer = await t.memberOf(orgId, 'sharer@acl.test', ['sharer']);
    outsider = await t.memberOf(otherOrg, 'outsider@acl.test', ['admin']);
    groupId = newId('grp');
    await t.store.db.insert(groups).values({ id: groupId, orgId, name: 'Analysts' });
    await t.store.db.insert(groupMembers).values({ groupId, userId: sharer.user!.id });
    // repo / team / team-sub, and repo / private
    for (const [id, parent] of [
      ['repo', null],
      ['team', 'repo'],
      ['team-sub', 'team'],
      ['private', 'repo'],
    ] as const) {
      expect((await put(admin, id, parent)).status).toBe(201);
    }
  });

  it('registers resources in a tree; re-registering moves; cycles and unknown parents are refused', async () => {
    const again = await put(admin, 'team-sub', 'team');
    expect(again.status).toBe(200);
    expect(await (await admin.request(dirs(orgId, 'team-sub'))).json()).toMatchObject({
      parentId: 'team',
      ancestors: ['team', 'repo'],
    });
    const cycle = await put(admin, 'repo', 'team-sub');
    expect(cycle.status).toBe(409);
    const orphan = await put(admin, 'x', 'nope');
    expect(orphan.status).toBe(422);
    expect(((await orphan.json()) as Problem).errors[0]!.path).toBe('parentId');
    const notAcl = await admin.request(`/v1/organizations/${orgId}/resources/agents/a1`, {
      method: 'PUT',
      json: {},
    });
    expect(notAcl.status).toBe(422);
    expect((await admin.request(dirs(orgId, 'repo'))).status).toBe(200);
    expect(await (await admin.request(dirs(orgId, 'repo'))).json()).toMatchObject({
      parentId: null,
    });
  });

  it('denies registration without access:manage (403) and to other orgs (404), changing nothing', async () => {
    expect((await put(user, 'mine', null)).status).toBe(403);
    expect((await put(outsider, 'theirs', null)).status).toBe(404);
    expect(
      (
        await t.app.request(dirs(orgId, 'anon'), {
          method: 'PUT',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
    expect((await admin.request(dirs(orgId, 'mine'))).status).toBe(404);
    expect((await admin.request(dirs(orgId, 'theirs'))).status).toBe(404);
  });

  it('a grant on a directory opens it and its subdirectories, not its parent', async () => {
    expect(await canRead(user, 'team-sub')).toBe(false);
    const res = await share(admin, 'team', [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['read', 'create'] },
    ]);
    expect(res.status).toBe(200);
    expect(await canRead(user, 'team')).toBe(true);
    expect(await canRead(user, 'team-sub')).toBe(true);
    expect(await canRead(user, 'repo')).toBe(false);
    expect(await canRead(user, 'private')).toBe(false);
    const inherited = (await (
      await admin.request(`${dirs(orgId, 'team-sub')}/grants`)
    ).json()) as Grants;
    expect(inherited.grants).toEqual([
      {
        principal: { kind: 'user', id: user.user!.id },
        actions: ['read', 'create'],
        inheritedFrom: { type: 'directories', id: 'team' },
      },
    ]);
  });

  it('"Access all directories" bypasses the ACL; the role alone is not enough without it', async () => {
    const all = await t.memberOf(orgId, 'all@acl.test', ['user', 'all_directories']);
    expect(await canRead(all, 'private')).toBe(true);
    // the ACL gives visibility, the role still decides the action: a User may not delete
    await share(admin, 'private', [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['read', 'delete'] },
    ]);
    const r = await check(user, [
      { permission: 'directories:read', resource: { type: 'directories', id: 'private' } },
      { permission: 'directories:delete', resource: { type: 'directories', id: 'private' } },
      { permission: 'directories:create' },
    ]);
    expect(r.body.results.map((x) => x.allowed)).toEqual([true, false, true]);
    await share(admin, 'private', []);
    expect(await canRead(user, 'private')).toBe(false);
  });

  it('escalation guard: a sharer gives only actions it may perform on that very resource', async () => {
    await share(admin, 'team', [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['read', 'create'] },
      { principal: { kind: 'group', id: groupId }, actions: ['read'] },
    ]);
    const before = (await (await admin.request(`${dirs(orgId, 'team')}/grants`)).json()) as Grants;
    const tooMuch = await share(sharer, 'team', [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['delete'] },
    ]);
    expect(tooMuch.status).toBe(403);
    const notVisible = await share(sharer, 'private', [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['read'] },
    ]);
    expect(notVisible.status).toBe(403);
    expect(await (await admin.request(`${dirs(orgId, 'team')}/grants`)).json()).toEqual(before);
    const ok = await share(sharer, 'team', [
      ...before.grants.map(({ inheritedFrom: _, ...g }) => g),
      { principal: { kind: 'email', email: 'Oncall@Example.com' }, actions: ['read'] },
    ]);
    expect(ok.status).toBe(200);
  });

  it('escalation guard: a sharer cannot take away actions it does not hold, nor delete the resource', async () => {
    expect((await put(admin, 'guarded', 'repo')).status).toBe(201);
    const grants = [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['read', 'update', 'delete'] },
      { principal: { kind: 'group', id: groupId }, actions: ['read'] },
    ];
    expect((await share(admin, 'guarded', grants)).status).toBe(200);
    const before = await (await admin.request(`${dirs(orgId, 'guarded')}/grants`)).json();
    // the sharer may read (through the group) but holds neither update nor delete here
    const strip = await share(sharer, 'guarded', [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['read'] },
      grants[1],
    ]);
    expect(strip.status).toBe(403);
    const dropAll = await share(sharer, 'guarded', [grants[1]]);
    expect(dropAll.status).toBe(403);
    expect(await (await admin.request(`${dirs(orgId, 'guarded')}/grants`)).json()).toEqual(before);
    // re-saving the same list, or changing only what it holds (read), is fine
    expect((await share(sharer, 'guarded', grants)).status).toBe(200);
    const deleted = await sharer.request(dirs(orgId, 'guarded'), { method: 'DELETE' });
    expect(deleted.status).toBe(403);
    expect((await admin.request(dirs(orgId, 'guarded'))).status).toBe(200);
    expect((await admin.request(dirs(orgId, 'guarded'), { method: 'DELETE' })).status).toBe(204);
  });

  it('rejects invalid grants with a field per problem and changes nothing', async () => {
    const before = await (await admin.request(`${dirs(orgId, 'team')}/grants`)).json();
    const res = await share(admin, 'team', [
      { principal: { kind: 'user', id: outsider.user!.id }, actions: ['read'] },
      { principal: { kind: 'group', id: 'grp_nope' }, actions: ['read'] },
      { principal: { kind: 'user', id: user.user!.id }, actions: ['fly'] },
      { principal: { kind: 'user', id: user.user!.id }, role: 'ghost' },
    ]);
    expect(res.status).toBe(422);
    const body = (await res.json()) as Problem;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.path)).toEqual([
      'grants.0.principal.id',
      'grants.1.principal.id',
      'grants.2.actions',
      'grants.3.role',
    ]);
    const both = await share(admin, 'team', [
      { principal: { kind: 'user', id: user.user!.id }, actions: ['read'], role: 'user' },
    ]);
    expect(both.status).toBe(422);
    expect(await (await admin.request(`${dirs(orgId, 'team')}/grants`)).json()).toEqual(before);
    expect((await share(user, 'team', [])).status).toBe(403);
    expect((await share(outsider, 'team', [])).status).toBe(404);
  });

  it('notifies users, group members and bare addresses; an address alone gives no access', async () => {
    const res = await admin.request(`${dirs(orgId, 'team-sub')}/recipients`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { emails: string[]; users: { email: string }[] };
    expect(body.emails).toEqual(['oncall@example.com']);
    expect(body.users.map((u) => u.email).sort()).toEqual(['sharer@acl.test', 'user@acl.test']);
    const oncall = await t.memberOf(orgId, 'oncall@example.com', ['user']);
    expect(await canRead(oncall, 'team')).toBe(false);
    expect((await user.request(`${dirs(orgId, 'team')}/recipients`)).status).toBe(403);
  });

  it('explains decisions: reasons name the inherited grant; other users need access:explain', async () => {
    const q = `permission=directories:read&resourceType=directories&resourceId=team-sub&userId=${user.user!.id}`;
    const res = await admin.request(`/v1/organizations/${orgId}/access/explain?${q}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { allowed: boolean; reasons: unknown[]; summary: string[] };
    expect(body.allowed).toBe(true);
    expect(body.reasons).toContainEqual({
      kind: 'acl-grant',
      resource: { type: 'directories', id: 'team' },
      principal: { kind: 'user', id: user.user!.id },
      inherited: true,
    });
    expect(body.summary[0]).toMatch(/^Allowed/);
    const own = await user.request(
      `/v1/organizations/${orgId}/access/explain?permission=directories:delete`,
    );
    expect(await own.json()).toMatchObject({
      allowed: false,
      reasons: [{ kind: 'no-role-grants' }],
    });
    expect(
      (
        await user.request(
          `/v1/organizations/${orgId}/access/explain?${q.replace(user.user!.id, admin.user!.id)}`,
        )
      ).status,
    ).toBe(403);
    expect((await check(user, [{ permission: 'directories:read' }], admin.user!.id)).status).toBe(
      403,
    );
    const forUser = await check(
      admin,
      [{ permission: 'directories:read', resource: { type: 'directories', id: 'team' } }],
      user.user!.id,
    );
    expect(forUser.body.results[0]!.allowed).toBe(true);
    const unknown = await check(admin, [{ permission: 'directories:fly' }]);
    expect(unknown.status).toBe(422);
    expect(
      (
        await outsider.request(
          `/v1/organizations/${orgId}/access/explain?permission=directories:read`,
        )
      ).status,
    ).toBe(404);
  });

  it("a disabled membership in an ancestor org brings none of that org's group grants", async () => {
    const partner = await t.createOrg(owner, 'Partner');
    const client = await t.createOrg(owner, 'Client', { parentId: partner });
    const staff = await t.memberOf(client, 'staff@acl.test', ['user']);
    await t.store.members.add(partner, staff.user!.id, ['user']);
    const partnerGroup = newId('grp');
    await t.store.db.insert(groups).values({ id: partnerGroup, orgId: partner, name: 'Staff' });
    await t.store.db.insert(groupMembers).values({ groupId: partnerGroup, userId: staff.user!.id });
    const clientDirs = (id: string) => `/v1/organizations/${client}/resources/directories/${id}`;
    expect(
      (await owner.request(clientDirs('books'), { method: 'PUT', json: { parentId: null } }))
        .status,
    ).toBe(201);
    // The API shares with groups of the resource's own org; a stored grant to an ancestor org's
    // group counts as well (the access model's rule), so it is written to storage directly here.
    await t.store.db.insert(aclGrants).values({
      id: newId('acl'),
      orgId: client,
      resourceType: 'directories',
      resourceId: 'books',
      principalType: 'group',
      principalId: partnerGroup,
      actions: ['read'],
    });
    const readsBooks = async () => {
      const res = await staff.request(`/v1/organizations/${client}/access/check`, {
        json: {
          checks: [
            { permission: 'directories:read', resource: { type: 'directories', id: 'books' } },
          ],
        },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: { allowed: boolean }[] }).results[0]!.allowed;
    };
    expect(await readsBooks()).toBe(true);
    await t.store.members.setStatus(partner, staff.user!.id, 'disabled');
    expect(await readsBooks()).toBe(false);
  });

  it('drops the grants of a removed member and of a deleted group', async () => {
    const leaver = await t.memberOf(orgId, 'leaver@acl.test', ['user']);
    const temp = newId('grp');
    await t.store.db.insert(groups).values({ id: temp, orgId, name: 'Temp' });
    await share(admin, 'private', [
      { principal: { kind: 'user', id: leaver.user!.id }, actions: ['read'] },
      { principal: { kind: 'group', id: temp }, actions: ['read'] },
    ]);
    expect(
      (
        await owner.request(`/v1/organizations/${orgId}/members/${leaver.user!.id}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(204);
    expect(
      (await owner.request(`/v1/organizations/${orgId}/groups/${temp}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    const left = (await (await admin.request(`${dirs(orgId, 'private')}/grants`)).json()) as Grants;
    expect(left.grants).toEqual([]);
  });

  it('unregisters leaves only, dropping their grants, and audits every change', async () => {
    expect((await admin.request(dirs(orgId, 'team'), { method: 'DELETE' })).status).toBe(409);
    expect((await user.request(dirs(orgId, 'team-sub'), { method: 'DELETE' })).status).toBe(403);
    expect((await admin.request(dirs(orgId, 'team-sub'), { method: 'DELETE' })).status).toBe(204);
    expect((await admin.request(dirs(orgId, 'team-sub'))).status).toBe(404);
    const audit = (await (
      await owner.request(`/v1/organizations/${orgId}/audit-events?limit=200`)
    ).json()) as {
      items: { action: string; after: unknown }[];
    };
    const actions = audit.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'resource.registered',
        'resource.grants_replaced',
        'resource.deleted',
      ]),
    );
    const replaced = audit.items.find((e) => e.action === 'resource.grants_replaced');
    expect(replaced).toMatchObject({ targetType: 'directories', actorId: expect.any(String) });
    expect(replaced?.after).toBeDefined();
  });
});
