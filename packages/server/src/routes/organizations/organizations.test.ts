import { describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;

describe.each(backends)('organizations ($name)', (backend) => {
  const t = useTestApp(backend, { organizations: { selfServe: false } });

  it('lets platform admins create top-level orgs and makes the creator Owner', async () => {
    const admin = await t.signedIn('root@example.com', { platformAdmin: true });
    const res = await admin.request('/v1/organizations', {
      json: { name: 'Acme Inc', kind: 'partner' },
    });
    expect(res.status).toBe(201);
    const org = (await res.json()) as Json;
    expect(org).toMatchObject({
      name: 'Acme Inc',
      slug: 'acme-inc',
      kind: 'partner',
      parentId: null,
    });
    const member = await t.store.members.get(org.id as string, admin.user!.id);
    expect(member?.roles).toEqual(['owner']);
    const events = await t.store.audit.list({ orgId: org.id as string, limit: 5 });
    expect(events.map((e) => e.action)).toContain('organization.created');
  });

  it('refuses top-level creation to other users when self-serve is off, creating nothing', async () => {
    const user = await t.signedIn('plain@example.com');
    const res = await user.request('/v1/organizations', { json: { name: 'Nope Org' } });
    expect(res.status).toBe(403);
    expect(await t.store.organizations.slugExists('nope-org')).toBe(false);
    expect((await t.client().request('/v1/organizations', { json: { name: 'Anon' } })).status).toBe(
      401,
    );
  });

  it('reads, updates and soft-deletes with the right permissions only', async () => {
    const owner = await t.signedIn('owner1@example.com', { platformAdmin: true });
    const orgId = await t.createOrg(owner, 'Umbrella');
    const viewer = await t.memberOf(orgId, 'viewer1@example.com', ['viewer']);
    const outsider = await t.signedIn('outsider1@example.com');

    expect((await viewer.request(`/v1/organizations/${orgId}`)).status).toBe(200);
    expect((await outsider.request(`/v1/organizations/${orgId}`)).status).toBe(404);
    expect((await viewer.request('/v1/organizations/org_unknown')).status).toBe(404);

    const denied = await viewer.request(`/v1/organizations/${orgId}`, {
      method: 'PATCH',
      json: { name: 'Hacked' },
    });
    expect(denied.status).toBe(403);
    const hidden = await outsider.request(`/v1/organizations/${orgId}`, {
      method: 'PATCH',
      json: { name: 'Hacked' },
    });
    expect(hidden.status).toBe(404);
    expect((await t.store.organizations.findById(orgId))?.name).toBe('Umbrella');

    const ok = await owner.request(`/v1/organizations/${orgId}`, {
      method: 'PATCH',
      json: { name: 'Umbrella Corp' },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Json).name).toBe('Umbrella Corp');
    const [updated] = await t.store.audit.list({ orgId, action: 'organization.updated', limit: 1 });
    expect(updated?.before).toMatchObject({ name: 'Umbrella' });
    expect(updated?.after).toMatchObject({ name: 'Umbrella Corp' });

    expect((await viewer.request(`/v1/organizations/${orgId}`, { method: 'DELETE' })).status).toBe(
      403,
    );
    expect(
      (await outsider.request(`/v1/organizations/${orgId}`, { method: 'DELETE' })).status,
    ).toBe(404);
    expect(await t.store.organizations.findById(orgId)).toBeDefined();

    expect((await owner.request(`/v1/organizations/${orgId}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect(await t.store.organizations.findById(orgId)).toBeUndefined();
    expect((await owner.request(`/v1/organizations/${orgId}`)).status).toBe(404);
    const [deleted] = await t.store.audit.list({ orgId, action: 'organization.deleted', limit: 1 });
    expect(deleted).toBeDefined();
  });

  it('rejects unknown fields and taken slugs', async () => {
    const admin = await t.signedIn('root2@example.com', { platformAdmin: true });
    await t.createOrg(admin, 'Slugged');
    const taken = await admin.request('/v1/organizations', {
      json: { name: 'Other', slug: 'slugged' },
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as Json).code).toBe('SLUG_TAKEN');
    const unknown = await admin.request('/v1/organizations', {
      json: { name: 'X Org', ownerId: 'me' },
    });
    expect(unknown.status).toBe(422);
  });

  it('lets a partner create and manage client orgs below it', async () => {
    const root = await t.signedIn('root3@example.com', { platformAdmin: true });
    const partnerId = await t.createOrg(root, 'Partner Co', { kind: 'partner' });
    const partnerAdmin = await t.memberOf(partnerId, 'padmin@example.com', ['admin']);
    const partnerMember = await t.memberOf(partnerId, 'pmember@example.com', ['member']);

    const res = await partnerAdmin.request('/v1/organizations', {
      json: { name: 'Client One', parentId: partnerId },
    });
    expect(res.status).toBe(201);
    const client = (await res.json()) as Json;
    expect(client).toMatchObject({ parentId: partnerId, kind: 'client' });

    const denied = await partnerMember.request('/v1/organizations', {
      json: { name: 'Client Two', parentId: partnerId },
    });
    expect(denied.status).toBe(403);

    const children = (await (
      await partnerAdmin.request(`/v1/organizations/${partnerId}/children`)
    ).json()) as {
      items: Json[];
    };
    expect(children.items.map((o) => o.name)).toEqual(['Client One']);
    expect((await partnerMember.request(`/v1/organizations/${partnerId}/children`)).status).toBe(
      403,
    );

    // The client's own member sees nothing of the partner.
    const clientUser = await t.memberOf(client.id as string, 'cuser@example.com', ['admin']);
    expect((await clientUser.request(`/v1/organizations/${partnerId}`)).status).toBe(404);
    // A partner org with children cannot be deleted.
    expect(
      (await root.request(`/v1/organizations/${partnerId}`, { method: 'DELETE' })).status,
    ).toBe(409);
  });

  it('replays a create with the same Idempotency-Key and refuses a different body', async () => {
    const admin = await t.signedIn('idem@example.com', { platformAdmin: true });
    const headers = { 'idempotency-key': 'create-1' };
    const first = await admin.request('/v1/organizations', { json: { name: 'Idem Org' }, headers });
    const second = await admin.request('/v1/organizations', {
      json: { name: 'Idem Org' },
      headers,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as Json).id).toBe(((await first.json()) as Json).id);
    const rows = await t.store.organizations.listForUser(admin.user!.id);
    expect(rows.filter((r) => r.org.name === 'Idem Org')).toHaveLength(1);
    const other = await admin.request('/v1/organizations', {
      json: { name: 'Other Org' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(((await other.json()) as Json).code).toBe('IDEMPOTENCY_CONFLICT');
  });
});

describe.each(backends)('organizations: self-serve and single membership ($name)', (backend) => {
  const t = useTestApp(backend, { organizations: { selfServe: true, membership: 'single' } });

  it('lets anyone create one org, and only one', async () => {
    const user = await t.signedIn('solo@example.com');
    expect((await user.request('/v1/organizations', { json: { name: 'Solo One' } })).status).toBe(
      201,
    );
    const second = await user.request('/v1/organizations', { json: { name: 'Solo Two' } });
    expect(second.status).toBe(409);
    expect(((await second.json()) as Json).code).toBe('MEMBERSHIP_LIMIT');
    expect(await t.store.organizations.slugExists('solo-two')).toBe(false);
  });

  it('does not count a deleted org against the limit', async () => {
    const user = await t.signedIn('again@example.com');
    const res = await user.request('/v1/organizations', { json: { name: 'First Try' } });
    const { id } = (await res.json()) as { id: string };
    expect((await user.request(`/v1/organizations/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await user.request('/v1/organizations', { json: { name: 'Second Try' } })).status).toBe(
      201,
    );
  });
});
