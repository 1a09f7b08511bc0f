// Portal and workspaces through the API: a partner's role grants different access in its own org and in a
// client's sub-org; ⭐ conditions on the Workspaces level; exclusive levels.
import type { RoleSpec } from '@orgkit/core';
import {
  orgkitPresetRoles,
  portalCatalog,
  portalRoles,
  workspacesRoles,
} from '@orgkit/core/presets';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../access/access.js';
import { backends } from '../test-support/backends.js';
import { type Client, useTestApp } from '../test-support/test-app.js';

const presets: RoleSpec<string>[] = [...orgkitPresetRoles, ...portalRoles, ...workspacesRoles];

describe.each(backends)('portal and workspaces ($name)', (backend) => {
  const t = useTestApp(backend, { access: createAccess({ catalog: portalCatalog, presets }) });
  let root: Client;
  let partner: string;
  let client: string;
  let clientSub: string;
  let partnerAdmin: Client;
  let support: Client;

  const can = async (who: Client, orgId: string, permission: string) => {
    const res = await who.request(`/v1/organizations/${orgId}/access/check`, {
      json: { checks: [{ permission }] },
    });
    if (res.status !== 200) return res.status;
    return ((await res.json()) as { results: { allowed: boolean }[] }).results[0]!.allowed;
  };
  const setRoles = (orgId: string, who: Client, roles: string[]) =>
    root.request(`/v1/organizations/${orgId}/members/${who.user!.id}`, {
      method: 'PATCH',
      json: { roles },
    });

  beforeAll(async () => {
    root = await t.signedIn('root@portal.test', { platformAdmin: true });
    partner = await t.createOrg(root, 'Partner', { kind: 'partner' });
    client = await t.createOrg(root, 'Client', { parentId: partner, kind: 'client' });
    clientSub = await t.createOrg(root, 'Client branch', { parentId: client });
    partnerAdmin = await t.memberOf(partner, 'admin@partner.test', ['portal_org_admin']);
    support = await t.memberOf(client, 'l1@client.test', ['portal_l1']);
  });

  it('one role: full Portal access in the partner org, read-only in the orgs depending on it', async () => {
    expect(await can(partnerAdmin, partner, 'flows:create')).toBe(true);
    expect(await can(partnerAdmin, partner, 'portal_users:delete')).toBe(true);
    for (const org of [client, clientSub]) {
      expect(await can(partnerAdmin, org, 'flows:read')).toBe(true);
      expect(await can(partnerAdmin, org, 'flows:create')).toBe(false);
      expect(await can(partnerAdmin, org, 'portal_users:delete')).toBe(false);
    }
    // descending only: the client's support team sees nothing of the partner
    expect(await can(support, partner, 'flows:read')).toBe(404);
  });

  it('⭐: L1 support creates flows only while also holding L1 in Workspaces', async () => {
    expect(await can(support, client, 'flows:read')).toBe(true);
    expect(await can(support, client, 'flows:create')).toBe(false);
    const why = await support.request(
      `/v1/organizations/${client}/access/explain?permission=flows:create`,
    );
    expect(((await why.json()) as { reasons: unknown[] }).reasons).toContainEqual(
      expect.objectContaining({
        kind: 'condition-unmet',
        roleKey: 'portal_l1',
        missing: ['workspace_level:l1'],
      }),
    );
    expect((await setRoles(client, support, ['portal_l1', 'ws_l2'])).status).toBe(200);
    expect(await can(support, client, 'flows:create')).toBe(false);
    expect((await setRoles(client, support, ['portal_l1', 'ws_l1'])).status).toBe(200);
    expect(await can(support, client, 'flows:create')).toBe(true);
    expect(await can(support, client, 'updates:delete')).toBe(true);
    expect(await can(support, client, 'sessions:execute')).toBe(true);
  });

  it('levels are exclusive per module', async () => {
    const res = await setRoles(client, support, ['portal_l1', 'portal_l2', 'ws_l1']);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('EXCLUSIVE_ROLE_CONFLICT');
    const both = await setRoles(client, support, ['portal_l2', 'ws_l1', 'ws_l1_ro']);
    expect(((await both.json()) as { code: string }).code).toBe('EXCLUSIVE_ROLE_CONFLICT');
    // unchanged
    expect(await can(support, client, 'flows:create')).toBe(true);
  });
});
