import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, TEST_PASSWORD, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type Page = { items: Json[]; nextCursor: string | null };

describe.each(backends)('members ($name)', (backend) => {
  const t = useTestApp(backend);
  let owner: Client;
  let admin: Client;
  let member: Client;
  let outsider: Client;
  let orgId: string;

  beforeAll(async () => {
    owner = await t.signedIn('owner@acme.test', { platformAdmin: false, name: 'Olivia Owner' });
    await t.store.users.update(owner.user!.id, { platformAdmin: true });
    orgId = await t.createOrg(owner, 'Acme');
    await t.store.users.update(owner.user!.id, { platformAdmin: false });
    admin = await t.memberOf(orgId, 'admin@acme.test', ['admin']);
    member = await t.memberOf(orgId, 'member@acme.test', ['member']);
    outsider = await t.signedIn('outsider@else.test');
    for (const [email, name] of [
      ['zoe@acme.test', 'Zoe Zimmer'],
      ['adam@acme.test', 'Adam Apple'],
      ['bill@acme.test', 'Bill Board'],
    ] as const) {
      const u = await t.store.users.create({ email, name });
      await t.store.members.add(
        orgId,
        u.id,
        email === 'bill@acme.test' ? ['billing_contact'] : ['member'],
      );
    }
  });

  const members = (c: Client, qs = '') => c.request(`/v1/organizations/${orgId}/members${qs}`);

  it('lists members sorted by name with cursor pagination', async () => {
    const first = (await (await members(owner, '?limit=2')).json()) as Page;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const names: unknown[] = first.items.map((m) => m.name);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await (await members(owner, `?limit=2&cursor=${cursor}`)).json()) as Page;
      names.push(...page.items.map((m) => m.name));
      cursor = page.nextCursor;
    }
    expect(names).toEqual([
      'Adam Apple',
      'admin',
      'Bill Board',
      'member',
      'Olivia Owner',
      'Zoe Zimmer',
    ]);
    const desc = (await (await members(owner, '?sort=email&order=desc&limit=1')).json()) as Page;
    expect(desc.items[0]?.email).toBe('zoe@acme.test');
  });

  it('searches by name word or e-mail prefix and filters by role and status', async () => {
    const byWord = (await (await members(owner, '?search=zim')).json()) as Page;
    expect(byWord.items.map((m) => m.email)).toEqual(['zoe@acme.test']);
    const byEmail = (await (await members(owner, '?search=ADAM@')).json()) as Page;
    expect(byEmail.items.map((m) => m.email)).toEqual(['adam@acme.test']);
    const byRole = (await (await members(owner, '?role=billing_contact')).json()) as Page;
    expect(byRole.items.map((m) => m.email)).toEqual(['bill@acme.test']);
    const literal = (await (await members(owner, '?search=%25')).json()) as Page;
    expect(literal.items).toHaveLength(0);
  });

  it('denies listing to outsiders (404) and rejects a cursor from another sort', async () => {
    expect((await members(outsider)).status).toBe(404);
    expect((await members(t.client())).status).toBe(401);
    const page = (await (await members(owner, '?limit=1')).json()) as Page;
    expect((await members(owner, `?sort=email&cursor=${page.nextCursor}`)).status).toBe(422);
    expect(
      (await member.request(`/v1/organizations/${orgId}/members/${owner.user!.id}`)).status,
    ).toBe(200);
    expect((await member.request(`/v1/organizations/${orgId}/members/usr_nobody`)).status).toBe(
      404,
    );
  });

  it('creates a user directly, who signs in only after proving the address', async () => {
    const res = await admin.request(`/v1/organizations/${orgId}/members`, {
      json: {
        email: 'new@acme.test',
        name: 'New Person',
        password: TEST_PASSWORD,
        roles: ['member'],
      },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      email: 'new@acme.test',
      status: 'active',
      roles: ['member'],
    });
    const signIn = () =>
      t
        .client()
        .request('/v1/auth/sign-in', { json: { email: 'new@acme.test', password: TEST_PASSWORD } });
    // the admin chose the address and the password: nothing proves the person owns either yet
    const early = await signIn();
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({ code: 'ACTIVATION_REQUIRED' });
    await t.activate('new@acme.test');
    expect((await signIn()).status).toBe(200);

    const invited = await admin.request(`/v1/organizations/${orgId}/members`, {
      json: { email: 'later@acme.test', name: 'Later Person', roles: ['viewer'] },
    });
    expect(await invited.json()).toMatchObject({ status: 'invited' });
    const [mail] = await t.outbox('later@acme.test');
    const token = new URL(mail!.meta!.link!).searchParams.get('token')!;
    const confirm = await t
      .client()
      .request('/v1/auth/password-reset/confirm', { json: { token, password: 'my own password' } });
    expect(confirm.status).toBe(200);
    expect((await t.store.users.findByEmail('later@acme.test'))?.status).toBe('active');
    const [event] = await t.store.audit.list({ orgId, action: 'member.created', limit: 1 });
    expect(event?.targetType).toBe('user');
  });

  it('refuses direct creation without permission, with the owner role or above the caller', async () => {
    const body = { email: 'x1@acme.test', name: 'X', password: TEST_PASSWORD, roles: ['member'] };
    expect(
      (await member.request(`/v1/organizations/${orgId}/members`, { json: body })).status,
    ).toBe(403);
    expect(
      (await outsider.request(`/v1/organizations/${orgId}/members`, { json: body })).status,
    ).toBe(404);
    const asOwner = await admin.request(`/v1/organizations/${orgId}/members`, {
      json: { ...body, roles: ['owner'] },
    });
    expect(asOwner.status).toBe(409);
    expect(((await asOwner.json()) as Json).code).toBe('OWNER_ROLE_REQUIRES_TRANSFER');
    const unknown = await admin.request(`/v1/organizations/${orgId}/members`, {
      json: { ...body, roles: ['wizard'] },
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as Json).code).toBe('UNKNOWN_ROLE');
    const taken = await admin.request(`/v1/organizations/${orgId}/members`, {
      json: { ...body, email: 'outsider@else.test' },
    });
    expect(taken.status).toBe(409);
    expect(await t.store.users.findByEmail('x1@acme.test')).toBeUndefined();
  });

  it('updates roles with the escalation guard and owner invariants', async () => {
    const target = (await t.store.users.findByEmail('zoe@acme.test'))!;
    const url = `/v1/organizations/${orgId}/members/${target.id}`;
    const ok = await admin.request(url, {
      method: 'PATCH',
      json: { roles: ['billing_contact', 'member'] },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Json).roles).toEqual(['billing_contact', 'member']);

    expect(
      (await member.request(url, { method: 'PATCH', json: { roles: ['admin'] } })).status,
    ).toBe(403);
    expect(
      (await outsider.request(url, { method: 'PATCH', json: { roles: ['admin'] } })).status,
    ).toBe(404);
    const promote = await admin.request(url, { method: 'PATCH', json: { roles: ['owner'] } });
    expect(promote.status).toBe(409);
    const demoteOwner = await admin.request(
      `/v1/organizations/${orgId}/members/${owner.user!.id}`,
      {
        method: 'PATCH',
        json: { roles: ['admin'] },
      },
    );
    expect(demoteOwner.status).toBe(409);
    expect(((await demoteOwner.json()) as Json).code).toBe('OWNER_CANNOT_BE_DEMOTED');
    expect((await t.store.members.get(orgId, target.id))?.roles).toEqual([
      'billing_contact',
      'member',
    ]);
    expect((await t.store.members.get(orgId, owner.user!.id))?.roles).toEqual(['owner']);
  });

  it('disables and enables members; the owner cannot be disabled; disabled members lose access', async () => {
    const url = `/v1/organizations/${orgId}/members/${member.user!.id}`;
    const off = await admin.request(url, { method: 'PATCH', json: { status: 'disabled' } });
    expect(off.status).toBe(200);
    expect(((await off.json()) as Json).status).toBe('disabled');
    expect((await member.request(`/v1/organizations/${orgId}`)).status).toBe(404);
    const list = (await (await members(owner, '?status=disabled')).json()) as Page;
    expect(list.items.map((m) => m.email)).toEqual(['member@acme.test']);
    expect((await admin.request(url, { method: 'PATCH', json: { status: 'active' } })).status).toBe(
      200,
    );
    expect((await member.request(`/v1/organizations/${orgId}`)).status).toBe(200);

    const ownerOff = await admin.request(`/v1/organizations/${orgId}/members/${owner.user!.id}`, {
      method: 'PATCH',
      json: { status: 'disabled' },
    });
    expect(ownerOff.status).toBe(409);
    expect(((await ownerOff.json()) as Json).code).toBe('OWNER_CANNOT_BE_DISABLED');
    expect(
      (await member.request(url, { method: 'PATCH', json: { status: 'disabled' } })).status,
    ).toBe(403);
  });

  it('removes members but never the owner', async () => {
    const bill = (await t.store.users.findByEmail('bill@acme.test'))!;
    expect(
      (await member.request(`/v1/organizations/${orgId}/members/${bill.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(403);
    expect(
      (
        await outsider.request(`/v1/organizations/${orgId}/members/${bill.id}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(404);
    expect(await t.store.members.get(orgId, bill.id)).toBeDefined();
    expect(
      (await admin.request(`/v1/organizations/${orgId}/members/${bill.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    expect(await t.store.members.get(orgId, bill.id)).toBeUndefined();
    const removeOwner = await admin.request(
      `/v1/organizations/${orgId}/members/${owner.user!.id}`,
      { method: 'DELETE' },
    );
    expect(removeOwner.status).toBe(409);
    expect(((await removeOwner.json()) as Json).code).toBe('OWNER_CANNOT_BE_REMOVED');
    expect(await t.store.members.get(orgId, owner.user!.id)).toBeDefined();
  });

  it('sends an admin-triggered password reset', async () => {
    const url = `/v1/organizations/${orgId}/members/${member.user!.id}/password-reset`;
    expect((await member.request(url, { method: 'POST' })).status).toBe(403);
    expect((await outsider.request(url, { method: 'POST' })).status).toBe(404);
    expect(await t.outbox('member@acme.test')).toHaveLength(0);
    expect((await admin.request(url, { method: 'POST' })).status).toBe(202);
    expect((await t.outbox('member@acme.test'))[0]?.meta?.kind).toBe('password_reset');
  });
});
