import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type Results = { results: { email: string; result: string; invitation?: Json }[] };

describe.each(backends)('invitations ($name)', (backend) => {
  const t = useTestApp(backend);
  let owner: Client;
  let admin: Client;
  let member: Client;
  let outsider: Client;
  let orgId: string;

  beforeAll(async () => {
    owner = await t.signedIn('owner@inv.test', { platformAdmin: true });
    orgId = await t.createOrg(owner, 'Inviters');
    admin = await t.memberOf(orgId, 'admin@inv.test', ['admin']);
    member = await t.memberOf(orgId, 'member@inv.test', ['member']);
    outsider = await t.signedIn('outsider@inv.test');
  });

  const invite = (c: Client, body: Json) =>
    c.request(`/v1/organizations/${orgId}/invitations`, { json: body });
  const tokenFor = async (email: string) => {
    const [mail] = await t.outbox(email);
    return new URL(mail!.meta!.link!).searchParams.get('token')!;
  };

  it('invites a pasted list with per-address results', async () => {
    const res = await invite(admin, {
      emails: 'one@inv.test, two@inv.test\nnot-an-address member@inv.test;ONE@inv.test',
      roles: ['member'],
    });
    expect(res.status).toBe(201);
    const { results } = (await res.json()) as Results;
    expect(results.map((r) => [r.email, r.result])).toEqual([
      ['one@inv.test', 'invited'],
      ['two@inv.test', 'invited'],
      ['not-an-address', 'invalid'],
      ['member@inv.test', 'already_member'],
    ]);
    expect((await t.outbox('one@inv.test'))[0]?.subject).toContain('Inviters');
    const events = await t.store.audit.list({ orgId, action: 'invitation.created', limit: 10 });
    expect(events).toHaveLength(2);
  });

  it('refuses invitations without permission, for unknown orgs, and above the inviter', async () => {
    expect((await invite(member, { emails: 'x@inv.test' })).status).toBe(403);
    expect((await invite(outsider, { emails: 'x@inv.test' })).status).toBe(404);
    expect(
      (
        await t
          .client()
          .request('/v1/organizations/org_nope/invitations', { json: { emails: 'x@inv.test' } })
      ).status,
    ).toBe(401);
    const asOwner = await invite(admin, { emails: 'x@inv.test', roles: ['owner'] });
    expect(asOwner.status).toBe(409);
    expect(await t.outbox('x@inv.test')).toHaveLength(0);
    const tooMany = await invite(admin, {
      emails: Array.from({ length: 101 }, (_, i) => `u${i}@inv.test`).join(','),
    });
    expect(tooMany.status).toBe(422);
  });

  it('lists invitations with their status', async () => {
    expect((await member.request(`/v1/organizations/${orgId}/invitations`)).status).toBe(403);
    expect((await outsider.request(`/v1/organizations/${orgId}/invitations`)).status).toBe(404);
    const page = (await (
      await admin.request(`/v1/organizations/${orgId}/invitations?status=pending`)
    ).json()) as {
      items: Json[];
    };
    expect(page.items.map((i) => i.email).sort()).toEqual(['one@inv.test', 'two@inv.test']);
    expect(page.items[0]).not.toHaveProperty('tokenHash');
  });

  it('accepts as a new account: name and password, single use, signed in after', async () => {
    const token = await tokenFor('one@inv.test');
    const preview = await t.client().request(`/v1/invitations/lookup?token=${token}`);
    expect(await preview.json()).toMatchObject({
      email: 'one@inv.test',
      accountExists: false,
      organization: { name: 'Inviters' },
    });

    const missing = await t.client().request('/v1/invitations/accept', { json: { token } });
    expect(missing.status).toBe(422);
    expect(
      ((await missing.json()) as { errors: { path: string }[] }).errors.map((e) => e.path),
    ).toEqual(['name', 'password']);

    const guest = t.client();
    const res = await guest.request('/v1/invitations/accept', {
      json: { token, name: 'One', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      member: { email: 'one@inv.test', roles: ['member'], status: 'active' },
    });
    const me = (await (await guest.request('/v1/me')).json()) as Json;
    expect(me.email).toBe('one@inv.test');

    const again = await t
      .client()
      .request('/v1/invitations/accept', { json: { token, name: 'Two', password: TEST_PASSWORD } });
    expect(again.status).toBe(400);
    expect(((await again.json()) as Json).code).toBe('INVITATION_ALREADY_USED');
  });

  it('binds the token to the invited address and lets existing accounts join', async () => {
    const existing = await t.signedIn('exists@inv.test');
    await invite(admin, { emails: 'exists@inv.test', roles: ['viewer'] });
    const token = await tokenFor('exists@inv.test');
    const wrongUser = await outsider.request('/v1/invitations/accept', { json: { token } });
    expect(wrongUser.status).toBe(403);
    expect(((await wrongUser.json()) as Json).code).toBe('INVITATION_EMAIL_MISMATCH');
    const anonymous = await t.client().request('/v1/invitations/accept', {
      json: { token, name: 'X', password: 'not the password' },
    });
    expect(anonymous.status).toBe(401);
    expect(await t.store.members.get(orgId, existing.user!.id)).toBeUndefined();

    const res = await existing.request('/v1/invitations/accept', { json: { token } });
    expect(res.status).toBe(200);
    expect((await t.store.members.get(orgId, existing.user!.id))?.roles).toEqual(['viewer']);
  });

  it('resends with a new link (the old one dies) and revokes', async () => {
    const [pending] = (
      (await (
        await admin.request(`/v1/organizations/${orgId}/invitations?status=pending`)
      ).json()) as {
        items: Json[];
      }
    ).items;
    expect(pending?.email).toBe('two@inv.test');
    const oldToken = await tokenFor('two@inv.test');
    const url = `/v1/organizations/${orgId}/invitations/${pending!.id}`;
    expect((await member.request(`${url}/resend`, { method: 'POST' })).status).toBe(403);
    expect((await outsider.request(`${url}/resend`, { method: 'POST' })).status).toBe(404);
    expect((await admin.request(`${url}/resend`, { method: 'POST' })).status).toBe(200);
    const newToken = await tokenFor('two@inv.test');
    expect(newToken).not.toBe(oldToken);
    expect((await t.client().request(`/v1/invitations/lookup?token=${oldToken}`)).status).toBe(400);

    expect((await member.request(url, { method: 'DELETE' })).status).toBe(403);
    expect((await admin.request(url, { method: 'DELETE' })).status).toBe(200);
    expect((await admin.request(url, { method: 'DELETE' })).status).toBe(409);
    const accept = await t.client().request('/v1/invitations/accept', {
      json: { token: newToken, name: 'Two', password: TEST_PASSWORD },
    });
    expect(accept.status).toBe(400);
    expect(((await accept.json()) as Json).code).toBe('INVITATION_REVOKED');
    const lookup = await t.client().request(`/v1/invitations/lookup?token=${newToken}`);
    expect(((await lookup.json()) as Json).code).toBe('INVITATION_REVOKED');
    // the link replaced by the resend matches nothing any more
    const replaced = await t.client().request(`/v1/invitations/lookup?token=${oldToken}`);
    expect(((await replaced.json()) as Json).code).toBe('TOKEN_INVALID');
    expect(await t.store.users.findByEmail('two@inv.test')).toBeUndefined();
  });

  it('refuses expired links', async () => {
    await invite(admin, { emails: 'late@inv.test' });
    const token = await tokenFor('late@inv.test');
    const inv = (await t.store.invitations.findPending(orgId, 'late@inv.test', new Date()))!;
    await t.store.invitations.update(inv.id, { expiresAt: new Date(Date.now() - 1000) });
    const res = await t.client().request('/v1/invitations/accept', {
      json: { token, name: 'Late', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).code).toBe('TOKEN_EXPIRED');
    const list = (await (
      await admin.request(`/v1/organizations/${orgId}/invitations?status=expired`)
    ).json()) as { items: Json[] };
    expect(list.items.map((i) => i.email)).toEqual(['late@inv.test']);
  });

  it('checks the roles against the inviter again at accept time', async () => {
    const inviter = await t.memberOf(orgId, 'temp-admin@inv.test', ['admin']);
    await invite(inviter, { emails: 'victim@inv.test', roles: ['admin'] });
    const token = await tokenFor('victim@inv.test');
    await t.store.members.setRoles(orgId, inviter.user!.id, ['member']);
    const res = await t
      .client()
      .request('/v1/invitations/accept', { json: { token, name: 'V', password: TEST_PASSWORD } });
    expect(res.status).toBe(403);
    expect(await t.store.users.findByEmail('victim@inv.test')).toBeUndefined();
    expect((await t.client().request(`/v1/invitations/lookup?token=${token}`)).status).toBe(200);
  });
});

describe.each(backends)('invitations under single membership ($name)', (backend) => {
  const t = useTestApp(backend, { organizations: { membership: 'single' } });

  it('refuses to let a member of another org join', async () => {
    const root = await t.signedIn('root@single.test', { platformAdmin: true });
    const a = await t.createOrg(root, 'Org A');
    await t.store.members.remove(a, root.user!.id);
    await t.store.members.add(a, root.user!.id, ['owner']);
    const other = await t.memberOf(a, 'busy@single.test', ['member']);
    const b = (await t.store.organizations.create({ name: 'Org B', slug: 'org-b' })).id;
    const bOwner = await t.memberOf(b, 'bowner@single.test', ['owner']);
    await bOwner.request(`/v1/organizations/${b}/invitations`, {
      json: { emails: 'busy@single.test' },
    });
    const [mail] = await t.outbox('busy@single.test');
    const token = new URL(mail!.meta!.link!).searchParams.get('token')!;
    const res = await other.request('/v1/invitations/accept', { json: { token } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).code).toBe('MEMBERSHIP_LIMIT');
    expect(await t.store.members.get(b, other.user!.id)).toBeUndefined();
  });
});
