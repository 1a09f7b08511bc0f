import { defineCatalog } from '@orgkit/core';
import { orgkitCatalogSpec, orgkitPresetRoles } from '@orgkit/core/presets';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../../access/access.js';
import { backends } from '../../test-support/backends.js';
import { type Client, call, permissionsIn, useTestApp } from '../../test-support/test-app.js';

/** A host catalog with a module whose roles are exclusive levels (like portal workspaces levels). */
const catalog = defineCatalog({
  ...orgkitCatalogSpec,
  workspaces: {
    label: 'Workspaces',
    exclusiveRoles: true,
    sections: {
      level: { resources: { workspaces: { actions: { l1: 'Level 1', l2: 'Level 2' } } } },
    },
  },
  portal: {
    label: 'Portal',
    sections: { flows: { resources: { flows: { actions: { read: 'Read', create: 'Create' } } } } },
  },
});

describe.each(backends)('module roles and conditions ($name)', (backend) => {
  const t = useTestApp(backend, {
    access: createAccess({ catalog, presets: orgkitPresetRoles }),
  });
  let admin: Client;
  let user: Client;
  let orgId: string;
  const roles = () => `/v1/organizations/${orgId}/roles`;

  beforeAll(async () => {
    const root = await t.signedIn('root@modules.test', { platformAdmin: true });
    orgId = await t.createOrg(root, 'Modules');
    admin = await t.memberOf(orgId, 'admin@modules.test', ['admin']);
    user = await t.memberOf(orgId, 'user@modules.test', ['member']);
  });

  it('exposes the host catalog and its exclusive module', async () => {
    const { body } = await call<{ exclusiveModules: string[] }>(user, 'GET', '/v1/permissions');
    expect(body.exclusiveModules).toEqual(['workspaces']);
  });

  it('holds one level per exclusive module; conditional entries need the other module’s level', async () => {
    for (const [key, level] of [
      ['ws_l1', 'workspaces:l1'],
      ['ws_l2', 'workspaces:l2'],
    ] as const) {
      const res = await call(admin, 'POST', roles(), {
        key,
        name: key,
        module: 'workspaces',
        self: [level],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ module: 'workspaces', exclusive: true });
    }
    const flows = await call(admin, 'POST', roles(), {
      key: 'flows_user',
      name: 'Flows user',
      module: 'portal',
      self: ['flows:read', { permission: 'flows:create', requires: 'workspaces:l2' }],
    });
    expect(flows.body).toMatchObject({ exclusive: false });

    const memberUrl = `/v1/organizations/${orgId}/members/${user.user!.id}`;
    const both = await call(admin, 'PATCH', memberUrl, { roles: ['member', 'ws_l1', 'ws_l2'] });
    expect(both).toMatchObject({ status: 422, body: { code: 'EXCLUSIVE_ROLE_CONFLICT' } });

    expect((await call(admin, 'PATCH', memberUrl, { roles: ['flows_user', 'ws_l1'] })).status).toBe(
      200,
    );
    let perms = await permissionsIn(user, orgId);
    expect(perms).toContain('flows:read');
    expect(perms).not.toContain('flows:create');

    // Levels count across direct and group roles: L1 held directly blocks joining an L2 group.
    const clash = await call(admin, 'POST', `/v1/organizations/${orgId}/groups`, {
      name: 'L2 team',
      roles: ['ws_l2'],
      memberIds: [user.user!.id],
    });
    expect(clash).toMatchObject({ status: 422, body: { code: 'EXCLUSIVE_ROLE_CONFLICT' } });
    expect((await call(admin, 'PATCH', memberUrl, { roles: ['flows_user'] })).status).toBe(200);

    // L2 through a group satisfies the ⭐ condition at once.
    const group = await call<{ id: string }>(admin, 'POST', `/v1/organizations/${orgId}/groups`, {
      name: 'L2 team',
      roles: ['ws_l2'],
      memberIds: [user.user!.id],
    });
    expect(group.status).toBe(201);
    perms = await permissionsIn(user, orgId);
    expect(perms).toContain('flows:create');
    // ...and now L1 cannot come back directly, nor the group switch to a second level for them
    expect(await call(admin, 'PATCH', memberUrl, { roles: ['flows_user', 'ws_l1'] })).toMatchObject(
      {
        status: 422,
        body: { code: 'EXCLUSIVE_ROLE_CONFLICT' },
      },
    );
    const other = await call<{ id: string }>(admin, 'POST', `/v1/organizations/${orgId}/groups`, {
      name: 'L1 team',
      roles: ['ws_l1'],
    });
    const join = await call(
      admin,
      'POST',
      `/v1/organizations/${orgId}/groups/${other.body.id}/members`,
      {
        userIds: [user.user!.id],
      },
    );
    expect(join).toMatchObject({ status: 422, body: { code: 'EXCLUSIVE_ROLE_CONFLICT' } });
    const groupRoles = `/v1/organizations/${orgId}/groups/${group.body.id}/roles`;
    expect((await call(admin, 'PUT', groupRoles, { roles: ['ws_l1'] })).status).toBe(200);

    const twoLevels = await call(admin, 'POST', `/v1/organizations/${orgId}/groups`, {
      name: 'Both levels',
      roles: ['ws_l1', 'ws_l2'],
    });
    expect(twoLevels).toMatchObject({ status: 422, body: { code: 'EXCLUSIVE_ROLE_CONFLICT' } });

    // Moving flows_user into the workspaces module would give the user two levels.
    const move = await call(admin, 'PATCH', `${roles()}/flows_user`, { module: 'workspaces' });
    expect(move).toMatchObject({ status: 409, body: { code: 'EXCLUSIVE_ROLE_CONFLICT' } });
    expect((await t.store.roles.find(orgId, 'flows_user'))?.module).toBe('portal');
  });
});
