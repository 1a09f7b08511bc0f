// Monitoring through the API: a viewer sees a monitor only once it is on the monitor's ACL;
// e-mail principals are notified but get no access; roles composed from profiles.
import type { RoleSpec } from '@orgkit/core';
import { monitoringCatalog, monitoringRoles, orgkitPresetRoles } from '@orgkit/core/presets';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../access/access.js';
import { backends } from '../test-support/backends.js';
import { type Client, useTestApp } from '../test-support/test-app.js';

const presets: RoleSpec<string>[] = [
  orgkitPresetRoles.find((r) => r.key === 'owner')!,
  ...monitoringRoles,
];

describe.each(backends)('monitoring ACLs ($name)', (backend) => {
  const t = useTestApp(backend, { access: createAccess({ catalog: monitoringCatalog, presets }) });
  let orgId: string;
  let admin: Client;
  let viewer: Client;
  let manager: Client;
  const monitor = () => `/v1/organizations/${orgId}/resources/monitors/cpu`;
  const sees = async (who: Client) => {
    const res = await who.request(`/v1/organizations/${orgId}/access/check`, {
      json: {
        checks: [{ permission: 'monitors:read', resource: { type: 'monitors', id: 'cpu' } }],
      },
    });
    return ((await res.json()) as { results: { allowed: boolean }[] }).results[0]!.allowed;
  };

  beforeAll(async () => {
    const root = await t.signedIn('root@mon.test', { platformAdmin: true });
    orgId = await t.createOrg(root, 'Ops');
    admin = await t.memberOf(orgId, 'admin@mon.test', ['monitoring_admin']);
    viewer = await t.memberOf(orgId, 'viewer@mon.test', ['monitoring_viewer']);
    manager = await t.memberOf(orgId, 'manager@mon.test', ['monitoring_manager']);
    expect((await admin.request(monitor(), { method: 'PUT', json: {} })).status).toBe(201);
  });

  it('Full Access sees every monitor; a viewer only once on its ACL, and only to view', async () => {
    expect(await sees(admin)).toBe(true);
    expect(await sees(viewer)).toBe(false);
    const res = await admin.request(`${monitor()}/grants`, {
      method: 'PUT',
      json: {
        grants: [
          { principal: { kind: 'user', id: viewer.user!.id }, actions: ['read'] },
          { principal: { kind: 'email', email: 'pager@ops.test' }, actions: ['read'] },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(await sees(viewer)).toBe(true);
  });

  it('notifies everyone on the ACL, e-mail addresses included, whatever their role', async () => {
    const res = await admin.request(`${monitor()}/recipients`);
    expect(await res.json()).toEqual({
      users: [{ id: viewer.user!.id, email: 'viewer@mon.test', name: 'viewer' }],
      emails: ['pager@ops.test'],
    });
    const pager = await t.memberOf(orgId, 'pager@ops.test', ['monitoring_viewer']);
    expect(await sees(pager)).toBe(false);
  });

  it('a manager administers users but not resources; an admin the reverse', async () => {
    const invite = (who: Client) =>
      who.request(`/v1/organizations/${orgId}/invitations`, {
        json: { emails: 'new@mon.test', roles: ['monitoring_viewer'] },
      });
    expect((await invite(manager)).status).toBe(201);
    expect((await invite(admin)).status).toBe(403);
    expect(
      (
        await manager.request(`/v1/organizations/${orgId}/resources/monitors/disk`, {
          method: 'PUT',
          json: {},
        })
      ).status,
    ).toBe(403);
  });
});
