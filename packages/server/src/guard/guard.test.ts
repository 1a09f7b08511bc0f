import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineCatalog, type PermissionOf, type RoleSpec } from '@orgkit/core';
import { orgkitCatalogSpec, orgkitPresetRoles } from '@orgkit/core/presets';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../access/access.js';
import type { OrgkitApp } from '../app.js';
import { backends } from '../test-support/backends.js';
import { Client, call, useTestApp } from '../test-support/test-app.js';
import { createOrgkitGuard, type OrgkitGuard } from './guard.js';
import { checkNode } from './node-request.js';
import { requirePermission } from './require-permission.js';

/** A host product's catalog: Orgkit's own plus ACL-controlled projects that can be deployed. */
const hostSpec = {
  ...orgkitCatalogSpec,
  product: {
    label: 'Product',
    sections: {
      projects: {
        label: 'Projects',
        resources: {
          projects: { label: 'Projects', acl: true, actions: { read: 'Open', deploy: 'Deploy' } },
        },
      },
    },
  },
} as const;
const hostCatalog = defineCatalog(hostSpec);
type HostPermission = PermissionOf<typeof hostSpec>;
const extra: Record<string, readonly HostPermission[]> = {
  owner: ['projects:read', 'projects:deploy', 'projects:all'],
  viewer: ['projects:read'],
};
const hostRoles: RoleSpec<HostPermission>[] = [
  ...orgkitPresetRoles.map((r) => ({ ...r, self: [...(r.self ?? []), ...(extra[r.key] ?? [])] })),
  { key: 'deployer', name: 'Deployer', self: ['projects:read', 'projects:deploy'] },
];

type Problem = { status: number; code: string; detail: string };

/** The guard's permissions are the host catalog's: a typo does not compile. */
export function typeChecks(guard: OrgkitGuard<HostPermission>): void {
  guard.requirePermission('projects:deploy', { org: 'o' });
  guard.requirePermission(['projects:read', 'members:read'], { org: 'o' });
  // @ts-expect-error not a permission of the host catalog
  guard.requirePermission('projects:deplyo', { org: 'o' });
  // @ts-expect-error Orgkit's own catalog alone has no projects
  createOrgkitGuard({} as OrgkitApp).requirePermission('projects:deploy', { org: 'o' });
}

describe.each(backends)('host route guard ($name)', (backend) => {
  let clock = Date.now();
  const t = useTestApp(backend, {
    access: createAccess({ catalog: hostCatalog, presets: hostRoles }),
    now: () => new Date(clock),
  });
  let guard: OrgkitGuard<HostPermission>;
  let host: Hono;
  let orgId: string;
  let owner: Client;

  /** A client of the host (Orgkit mounted at `/`) holding `client`'s cookies. */
  const viaHost = (client: Client) => {
    const c = new Client(() => host as unknown as OrgkitApp, client.bearer);
    for (const [k, v] of client.cookies) c.cookies.set(k, v);
    c.user = client.user;
    return c;
  };
  const deploy = (c: Client, project: string, org = orgId) =>
    call<Problem & { deployedBy: string; via: string }>(
      c,
      'POST',
      `/host/orgs/${org}/projects/${project}/deploy`,
    );
  const reports = (c: Client, org = orgId) =>
    call<Problem & { email: string }>(c, 'GET', `/host/orgs/${org}/reports`);

  beforeAll(async () => {
    guard = createOrgkitGuard(t.app, { catalog: hostCatalog });
    host = new Hono();
    host.get(
      '/host/orgs/:orgId/reports',
      requirePermission(guard, 'projects:read', { org: (c) => c.req.param('orgId') }),
      (c) => c.json({ email: c.var.orgkit.user.email }),
    );
    host.post(
      '/host/orgs/:orgId/projects/:projectId/deploy',
      guard.requirePermission('projects:deploy', {
        org: (c) => c.req.param('orgId'),
        resource: (c) => ({ type: 'projects', id: c.req.param('projectId')! }),
      }),
      (c) => c.json({ deployedBy: c.var.orgkit.user.email, via: c.var.orgkit.method }),
    );
    host.route('/', t.app);
    owner = viaHost(await t.signedIn('owner@host.test', { platformAdmin: true }));
    orgId = await t.createOrg(owner, 'Acme');
    for (const id of ['zeus', 'hera']) {
      const res = await owner.request(`/v1/organizations/${orgId}/resources/projects/${id}`, {
        method: 'PUT',
        json: { parentId: null },
      });
      expect(res.status).toBe(201);
    }
  });

  it('lets the owner in by session cookie, with the caller on the context', async () => {
    expect(await deploy(owner, 'zeus')).toMatchObject({
      status: 200,
      body: { deployedBy: 'owner@host.test', via: 'session' },
    });
    expect(await reports(owner)).toMatchObject({
      status: 200,
      body: { email: 'owner@host.test' },
    });
  });

  it('answers 401 UNAUTHENTICATED to an anonymous request', async () => {
    const res = await deploy(viaHost(t.client()), 'zeus');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('checks a host catalog permission: a viewer reads but may not deploy (403 FORBIDDEN)', async () => {
    const viewer = viaHost(await t.memberOf(orgId, 'viewer@host.test', ['viewer']));
    expect((await reports(viewer)).status).toBe(200);
    const denied = await deploy(viewer, 'zeus');
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'You need projects:deploy in this organization.',
    });
  });

  it('follows the resource ACL: the role is not enough until the project is shared', async () => {
    const deployer = viaHost(await t.memberOf(orgId, 'deployer@host.test', ['deployer']));
    const before = await deploy(deployer, 'zeus');
    expect(before.status).toBe(403);
    expect(before.body).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'You need projects:deploy on projects zeus.',
    });
    const shared = await owner.request(
      `/v1/organizations/${orgId}/resources/projects/zeus/grants`,
      {
        method: 'PUT',
        json: {
          grants: [{ principal: { kind: 'user', id: deployer.user!.id }, actions: ['deploy'] }],
        },
      },
    );
    expect(shared.status).toBe(200);
    expect((await deploy(deployer, 'zeus')).status).toBe(200);
    expect((await deploy(deployer, 'hera')).status).toBe(403);
  });

  it('checks permissions of the resource type on the resource and the others org-wide', async () => {
    const cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const request = () => new Request('http://localhost/x', { headers: { cookie } });
    const zeus = { type: 'projects', id: 'zeus' };
    expect(
      await guard.check(request(), {
        permission: ['projects:deploy', 'members:read'],
        org: orgId,
        resource: zeus,
      }),
    ).toMatchObject({ ok: true });
    const viewer = viaHost(await t.memberOf(orgId, 'mixed@host.test', ['viewer']));
    const viewerCookie = [...viewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const denied = await guard.check(
      new Request('http://localhost/x', { headers: { cookie: viewerCookie } }),
      { permission: ['members:read', 'projects:read'], org: orgId, resource: zeus },
    );
    expect(denied).toMatchObject({
      ok: false,
      status: 403,
      problem: { code: 'FORBIDDEN', detail: 'You need projects:read on projects zeus.' },
    });
  });

  it('answers 404 NOT_FOUND for an unknown org, as Orgkit routes do', async () => {
    const res = await deploy(owner, 'zeus', 'org_missing');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    const own = await call<Problem>(owner, 'GET', '/v1/organizations/org_missing/members');
    expect({ status: own.status, code: own.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('identifies API keys; a revoked key is 401 UNAUTHENTICATED', async () => {
    const minted = await call<{ secret: string; apiKey: { id: string } }>(
      owner,
      'POST',
      '/v1/me/api-keys',
      { name: 'deploy bot', orgId },
    );
    expect(minted.status).toBe(201);
    const bot = viaHost(t.withKey(minted.body.secret));
    expect(await deploy(bot, 'zeus')).toMatchObject({ status: 200, body: { via: 'api_key' } });
    expect((await call(owner, 'DELETE', `/v1/me/api-keys/${minted.body.apiKey.id}`)).status).toBe(
      204,
    );
    const revoked = await deploy(bot, 'zeus');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('UNAUTHENTICATED');
  });

  it('narrows an API key to its scopes', async () => {
    const minted = await call<{ secret: string }>(owner, 'POST', '/v1/me/api-keys', {
      name: 'read only',
      orgId,
      scopes: ['projects:read'],
    });
    const bot = viaHost(t.withKey(minted.body.secret));
    expect((await reports(bot)).status).toBe(200);
    expect(await deploy(bot, 'zeus')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('a disabled member: the session is 404 NOT_FOUND like Orgkit routes, an org key 401 USER_DISABLED', async () => {
    const member = viaHost(await t.memberOf(orgId, 'disabled@host.test', ['admin']));
    const minted = await call<{ secret: string }>(member, 'POST', '/v1/me/api-keys', {
      name: 'mine',
      orgId,
    });
    expect(minted.status).toBe(201);
    expect((await reports(member)).status).toBe(200);
    const patch = await call(
      owner,
      'PATCH',
      `/v1/organizations/${orgId}/members/${member.user!.id}`,
      {
        status: 'disabled',
      },
    );
    expect(patch.status).toBe(200);
    const bySession = await reports(member);
    expect({ status: bySession.status, code: bySession.body.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const own = await call<Problem>(member, 'GET', `/v1/organizations/${orgId}/members`);
    expect({ status: own.status, code: own.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const byKey = await reports(viaHost(t.withKey(minted.body.secret)));
    expect({ status: byKey.status, code: byKey.body.code }).toEqual({
      status: 401,
      code: 'USER_DISABLED',
    });
  });

  it('keeps the user signed in after a privilege change: the rotated cookie reaches the browser', async () => {
    const member = viaHost(await t.memberOf(orgId, 'promoted@host.test', ['viewer']));
    const first = member.cookies.get('orgkit_session');
    expect((await deploy(member, 'hera')).status).toBe(403);
    const promoted = await call(
      owner,
      'PATCH',
      `/v1/organizations/${orgId}/members/${member.user!.id}`,
      {
        roles: ['admin', 'deployer'],
      },
    );
    expect(promoted.status).toBe(200);
    await owner.request(`/v1/organizations/${orgId}/resources/projects/hera/grants`, {
      method: 'PUT',
      json: { grants: [{ principal: { kind: 'user', id: member.user!.id }, actions: ['deploy'] }] },
    });
    // The first guarded request after the change rotates the session; the host passes it on.
    const rotating = await deploy(member, 'hera');
    expect(rotating.status).toBe(200);
    expect(rotating.headers.getSetCookie().some((h) => h.startsWith('orgkit_session='))).toBe(true);
    expect(member.cookies.get('orgkit_session')).not.toBe(first);
    // Long after the old token's grace period, the user is still signed in.
    clock += 60_000;
    for (let i = 0; i < 3; i++) expect((await deploy(member, 'hera')).status).toBe(200);
    const session = await call<{ user: { email: string } | null }>(
      member,
      'GET',
      '/v1/auth/session',
    );
    expect(session.body.user?.email).toBe('promoted@host.test');
  });

  it('applies the CSRF defence to cookie-authenticated writes from another site (403 CSRF_REJECTED)', async () => {
    const res = await call<Problem>(
      owner,
      'POST',
      `/host/orgs/${orgId}/projects/zeus/deploy`,
      undefined,
      { origin: 'https://evil.example' },
    );
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 403,
      code: 'CSRF_REJECTED',
    });
  });

  it('decides from the same compiled set as /v1/me/permissions', async () => {
    const viewer = viaHost(await t.memberOf(orgId, 'same@host.test', ['viewer']));
    const cookie = [...viewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const decision = await guard.check(
      new Request('http://localhost/anything', { headers: { cookie } }),
      { permission: 'projects:read', org: orgId },
    );
    if (!decision.ok) throw new Error(`denied: ${decision.problem.code}`);
    const me = await call<{ set: unknown; permissions: string[] }>(
      viewer,
      'GET',
      `/v1/me/permissions?orgId=${orgId}`,
    );
    expect(decision.caller.permissions.list()).toEqual(me.body.permissions);
    expect(decision.caller.permissions.toJSON()).toEqual(me.body.set);
    expect(decision.caller.has('projects:deploy')).toBe(false);
    expect(await decision.caller.can('projects:read', { type: 'projects', id: 'zeus' })).toBe(
      false,
    );
  });

  it('identify() names the caller or nobody, and refuses a malformed bearer', async () => {
    const cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const who = await guard.identify(new Request('http://localhost/', { headers: { cookie } }));
    expect(who).toMatchObject({ ok: true, user: { email: 'owner@host.test' }, method: 'session' });
    expect(await guard.identify(new Request('http://localhost/'))).toMatchObject({
      ok: true,
      user: null,
    });
    const bad = await guard.identify(
      new Request('http://localhost/', { headers: { authorization: 'Bearer nope' } }),
    );
    expect(bad).toMatchObject({ ok: false, status: 401, problem: { code: 'UNAUTHENTICATED' } });
  });

  describe('on a Node server (checkNode)', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer(async (req, res) => {
        const caller = await checkNode(guard, req, res, {
          permission: 'projects:deploy',
          org: orgId,
          resource: { type: 'projects', id: 'zeus' },
        });
        if (!caller) return;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ deployedBy: caller.user.email }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('allows the owner and answers a viewer with the 403 problem', async () => {
      const cookieOf = (c: Client) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const ok = await fetch(`${base}/deploy`, { headers: { cookie: cookieOf(owner) } });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ deployedBy: 'owner@host.test' });
      const viewer = await t.memberOf(orgId, 'node-viewer@host.test', ['viewer']);
      const denied = await fetch(`${base}/deploy`, { headers: { cookie: cookieOf(viewer) } });
      expect(denied.status).toBe(403);
      expect(denied.headers.get('content-type')).toBe('application/problem+json');
      expect(((await denied.json()) as Problem).code).toBe('FORBIDDEN');
    });
  });
});

const keys = await generateKeyPair('ES256');
const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256' };

describe.each(backends)('host route guard with the host JWT ($name)', (backend) => {
  const t = useTestApp(backend, {
    access: createAccess({ catalog: hostCatalog, presets: hostRoles }),
    auth: {
      mode: 'external',
      external: {
        jwks: { keys: [jwk] },
        issuer: 'https://host.example',
        audience: 'orgkit',
      },
    },
  });
  const token = (sub: string, email: string) =>
    new SignJWT({ email })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(sub)
      .setIssuer('https://host.example')
      .setAudience('orgkit')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);

  it('identifies the host JWT and checks the member it names', async () => {
    const guard = createOrgkitGuard(t.app, { catalog: hostCatalog });
    await t.store.users.create({
      email: 'root@jwt.test',
      name: 'Root',
      externalSubject: 'https://host.example|root',
      platformAdmin: true,
    });
    const created = await t.app.request('/v1/organizations', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token('root', 'root@jwt.test')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: 'Jwt Org' }),
    });
    expect(created.status).toBe(201);
    const orgId = ((await created.json()) as { id: string }).id;
    const viewer = await t.store.users.create({ email: 'viewer@jwt.test', name: 'Viewer' });
    await t.store.members.add(orgId, viewer.id, ['viewer']);
    const request = async (sub: string, email: string) =>
      new Request('http://localhost/host', {
        headers: { authorization: `Bearer ${await token(sub, email)}` },
      });
    const read = await guard.check(await request('v1', 'viewer@jwt.test'), {
      permission: 'projects:read',
      org: orgId,
    });
    expect(read).toMatchObject({
      ok: true,
      caller: { method: 'jwt', user: { email: 'viewer@jwt.test' } },
    });
    const deploy = await guard.check(await request('v1', 'viewer@jwt.test'), {
      permission: 'projects:deploy',
      org: orgId,
    });
    expect(deploy).toMatchObject({ ok: false, status: 403, problem: { code: 'FORBIDDEN' } });
    const stranger = await guard.check(await request('s1', 'stranger@jwt.test'), {
      permission: 'projects:read',
      org: orgId,
    });
    expect(stranger).toMatchObject({ ok: false, status: 404, problem: { code: 'NOT_FOUND' } });
    const forged = await guard.check(
      new Request('http://localhost/host', { headers: { authorization: 'Bearer a.b.c' } }),
      { permission: 'projects:read', org: orgId },
    );
    expect(forged).toMatchObject({ ok: false, status: 401, problem: { code: 'UNAUTHENTICATED' } });
  });
});
