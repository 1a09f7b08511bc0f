// The RPA suite through the API: product roles (exclusive within a product), and Owner and Admin
// added automatically to every new product.
import { defineCatalog, type RoleSpec } from '@orgkit/core';
import { rpaCatalogSpec, rpaRoles } from '@orgkit/core/presets';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../access/access.js';
import { backends } from '../test-support/backends.js';
import { type Client, useTestApp } from '../test-support/test-app.js';

// The RPA catalog plus product instances as ACL-controlled resources.
const catalog = defineCatalog({
  ...rpaCatalogSpec,
  ecosystem: {
    label: 'Ecosystem',
    sections: {
      products: {
        resources: { products: { label: 'Products', acl: true, actions: { use: 'Use' } } },
      },
    },
  },
});
const presets: RoleSpec<string>[] = [
  ...rpaRoles.map((r) =>
    r.key === 'owner' || r.key === 'admin'
      ? r
      : { ...r, self: [...(r.self ?? []), 'products:use'] },
  ),
];

describe.each(backends)('products ($name)', (backend) => {
  const t = useTestApp(backend, {
    access: createAccess({ catalog, presets }),
    acl: { autoGrants: { products: { roles: ['owner', 'admin'], actions: ['use'] } } },
  });
  let orgId: string;
  let owner: Client;
  let admin: Client;
  let member: Client;
  const uses = async (who: Client, product: string) => {
    const res = await who.request(`/v1/organizations/${orgId}/access/check`, {
      json: {
        checks: [{ permission: 'products:use', resource: { type: 'products', id: product } }],
      },
    });
    return ((await res.json()) as { results: { allowed: boolean }[] }).results[0]!.allowed;
  };

  beforeAll(async () => {
    const root = await t.signedIn('root@rpa.test', { platformAdmin: true });
    orgId = await t.createOrg(root, 'Team');
    owner = root;
    admin = await t.memberOf(orgId, 'admin@rpa.test', ['admin']);
    member = await t.memberOf(orgId, 'member@rpa.test', ['member', 'orchestrator_analyst']);
  });

  it('Owner and Admin are added to a new product; a Member is granted access separately', async () => {
    expect(
      (
        await admin.request(`/v1/organizations/${orgId}/resources/products/orchestrator`, {
          method: 'PUT',
          json: {},
        })
      ).status,
    ).toBe(201);
    expect(await uses(owner, 'orchestrator')).toBe(true);
    expect(await uses(admin, 'orchestrator')).toBe(true);
    expect(await uses(member, 'orchestrator')).toBe(false);
    const grants = (await (
      await admin.request(`/v1/organizations/${orgId}/resources/products/orchestrator/grants`)
    ).json()) as {
      grants: { principal: { id: string } }[];
    };
    expect(grants.grants.map((g) => g.principal.id).sort()).toEqual(
      [owner.user!.id, admin.user!.id].sort(),
    );
    const share = await admin.request(
      `/v1/organizations/${orgId}/resources/products/orchestrator/grants`,
      {
        method: 'PUT',
        json: {
          grants: [
            ...grants.grants.map((g) => ({ principal: g.principal, actions: ['use'] })),
            { principal: { kind: 'user', id: member.user!.id }, actions: ['use'] },
          ],
        },
      },
    );
    expect(share.status).toBe(200);
    expect(await uses(member, 'orchestrator')).toBe(true);
  });

  it('product roles: an Analyst monitors but cannot publish; one Orchestrator role at a time', async () => {
    const check = async (permission: string) =>
      (
        (await (
          await member.request(`/v1/organizations/${orgId}/access/check`, {
            json: { checks: [{ permission }] },
          })
        ).json()) as { results: { allowed: boolean }[] }
      ).results[0]!.allowed;
    expect(await check('dashboards:read')).toBe(true);
    expect(await check('bots:publish')).toBe(false);
    const both = await admin.request(`/v1/organizations/${orgId}/members/${member.user!.id}`, {
      method: 'PATCH',
      json: { roles: ['member', 'orchestrator_admin', 'orchestrator_analyst'] },
    });
    expect(both.status).toBe(422);
    const promote = await admin.request(`/v1/organizations/${orgId}/members/${member.user!.id}`, {
      method: 'PATCH',
      json: { roles: ['member', 'orchestrator_admin'] },
    });
    expect(promote.status).toBe(200);
    expect(await check('bots:publish')).toBe(true);
  });
});
