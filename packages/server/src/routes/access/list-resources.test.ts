import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';
import { backends } from '../../test-support/backends.js';
import { agentControlAccess, groupMembers, groups } from '../../test-support/host-catalogs.js';
import { type Client, useTestApp } from '../../test-support/test-app.js';

describe.each(backends)('listing visible resources ($name)', (backend) => {
  const t = useTestApp(backend, { access: agentControlAccess() });
  let orgId: string;
  let admin: Client;
  let user: Client;
  let grouped: Client;
  const list = async (who: Client, query = '') => {
    const res = await who.request(`/v1/organizations/${orgId}/resources/directories${query}`);
    return {
      status: res.status,
      ids:
        res.status === 200
          ? ((await res.json()) as { items: { id: string }[] }).items.map((r) => r.id)
          : [],
    };
  };

  beforeAll(async () => {
    const owner = await t.signedIn('owner@list.test', { platformAdmin: true });
    orgId = await t.createOrg(owner, 'Acme');
    admin = await t.memberOf(orgId, 'admin@list.test', ['admin']);
    user = await t.memberOf(orgId, 'user@list.test', ['user']);
    grouped = await t.memberOf(orgId, 'grouped@list.test', ['user']);
    const groupId = newId('grp');
    await t.store.db.insert(groups).values({ id: groupId, orgId, name: 'Team' });
    await t.store.db.insert(groupMembers).values({ groupId, userId: grouped.user!.id });
    for (const [id, parentId] of [
      ['a', null],
      ['a1', 'a'],
      ['a1x', 'a1'],
      ['b', null],
    ] as const) {
      await admin.request(`/v1/organizations/${orgId}/resources/directories/${id}`, {
        method: 'PUT',
        json: { parentId },
      });
    }
    await admin.request(`/v1/organizations/${orgId}/resources/directories/a1/grants`, {
      method: 'PUT',
      json: { grants: [{ principal: { kind: 'user', id: user.user!.id }, actions: ['read'] }] },
    });
    await admin.request(`/v1/organizations/${orgId}/resources/directories/b/grants`, {
      method: 'PUT',
      json: {
        grants: [{ principal: { kind: 'group', id: groupId }, actions: ['read', 'create'] }],
      },
    });
  });

  it('shows everything to holders of <type>:all and only granted subtrees to others', async () => {
    expect(await list(admin)).toEqual({ status: 200, ids: ['a', 'a1', 'a1x', 'b'] });
    expect(await list(user)).toEqual({ status: 200, ids: ['a1', 'a1x'] });
    expect(await list(grouped)).toEqual({ status: 200, ids: ['b'] });
    expect(await list(grouped, '?action=create')).toEqual({ status: 200, ids: ['b'] });
  });

  it('needs the permission for the action, an ACL type, and visibility of the org', async () => {
    expect((await list(user, '?action=delete')).status).toBe(403);
    expect((await user.request(`/v1/organizations/${orgId}/resources/agents`)).status).toBe(422);
    const stranger = await t.signedIn('stranger@list.test');
    expect((await list(stranger)).status).toBe(404);
  });
});
