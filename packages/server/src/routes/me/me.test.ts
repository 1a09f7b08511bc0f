import { PermissionSet } from '@orgkit/core';
import { orgkitCatalog } from '@orgkit/core/presets';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../lib/tokens.js';
import { backends } from '../../test-support/backends.js';
import { type Client, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;

describe.each(backends)('me ($name)', (backend) => {
  const t = useTestApp(backend);
  let root: Client;
  let user: Client;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    root = await t.signedIn('root@me.test', { platformAdmin: true });
    orgA = await t.createOrg(root, 'Alpha');
    orgB = await t.createOrg(root, 'Beta');
    user = await t.memberOf(orgA, 'user@me.test', ['member']);
    await t.store.members.add(orgB, user.user!.id, ['admin']);
  });

  it('returns the signed-in user, or 401', async () => {
    expect(await (await user.request('/v1/me')).json()).toMatchObject({
      email: 'user@me.test',
      platformAdmin: false,
    });
    expect((await t.client().request('/v1/me')).status).toBe(401);
  });

  it('lists my organizations with my roles', async () => {
    const body = (await (await user.request('/v1/me/organizations')).json()) as { items: Json[] };
    expect(body.items.map((i) => [(i.organization as Json).name, i.roles])).toEqual([
      ['Alpha', ['member']],
      ['Beta', ['admin']],
    ]);
  });

  it("returns core's compiled permission set, usable with PermissionSet.fromJSON", async () => {
    const res = await user.request(`/v1/me/permissions?orgId=${orgA}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      set: Parameters<typeof PermissionSet.fromJSON>[1];
      permissions: string[];
    };
    const set = PermissionSet.fromJSON(orgkitCatalog, body.set)!;
    expect(set.has('members:read')).toBe(true);
    expect(set.has('members:remove')).toBe(false);
    expect(body.permissions).toContain('members:read');
    const inB = (await (await user.request(`/v1/me/permissions?orgId=${orgB}`)).json()) as {
      permissions: string[];
    };
    expect(inB.permissions).toContain('members:remove');
    expect(inB.permissions).not.toContain('organization:delete');
  });

  it('answers 404 for orgs I am not in, and for unknown orgs', async () => {
    const other = await t.signedIn('other@me.test');
    expect((await other.request(`/v1/me/permissions?orgId=${orgA}`)).status).toBe(404);
    expect((await other.request('/v1/me/permissions?orgId=org_missing')).status).toBe(404);
    expect((await other.request('/v1/me/permissions')).status).toBe(422);
  });

  it('narrows an API key to its scopes and its org', async () => {
    const scoped = 'ok_scoped1_secretsecretsecret';
    await t.store.users.createApiKey({
      userId: user.user!.id,
      name: 'read-only',
      prefix: 'scoped1',
      hash: await sha256(scoped),
      orgId: orgB,
      scopes: ['members:read', 'organization:read'],
    });
    const auth = { authorization: `Bearer ${scoped}` };
    const inB = (await (
      await t.app.request(`/v1/me/permissions?orgId=${orgB}`, { headers: auth })
    ).json()) as {
      permissions: string[];
    };
    expect(inB.permissions.sort()).toEqual(['members:read', 'organization:read']);
    expect(
      (await t.app.request(`/v1/organizations/${orgB}/members`, { headers: auth })).status,
    ).toBe(200);
    expect(
      (await t.app.request(`/v1/organizations/${orgB}/invitations`, { headers: auth })).status,
    ).toBe(403);
    expect(
      (await t.app.request(`/v1/me/permissions?orgId=${orgA}`, { headers: auth })).status,
    ).toBe(404);
  });

  it('switches the active organization of the session', async () => {
    const res = await user.request('/v1/me/active-organization', {
      method: 'PUT',
      json: { orgId: orgB },
    });
    expect(res.status).toBe(200);
    const session = (await (await user.request('/v1/auth/session')).json()) as Json;
    expect(session.activeOrgId).toBe(orgB);
    const other = await t.signedIn('other2@me.test');
    expect(
      (await other.request('/v1/me/active-organization', { method: 'PUT', json: { orgId: orgB } }))
        .status,
    ).toBe(404);
  });
});
