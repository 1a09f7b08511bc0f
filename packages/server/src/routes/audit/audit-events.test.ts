import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type Page = { items: Json[]; nextCursor: string | null };

describe.each(backends)('audit events ($name)', (backend) => {
  const t = useTestApp(backend);
  let owner: Client;
  let viewer: Client;
  let member: Client;
  let outsider: Client;
  let orgId: string;

  beforeAll(async () => {
    owner = await t.signedIn('owner@audit.test', { platformAdmin: true });
    orgId = await t.createOrg(owner, 'Audited');
    viewer = await t.memberOf(orgId, 'viewer@audit.test', ['viewer']);
    member = await t.memberOf(orgId, 'member@audit.test', ['member']);
    outsider = await t.signedIn('outsider@audit.test');
    for (const name of ['Audited 2', 'Audited 3', 'Audited, "4"']) {
      await owner.request(`/v1/organizations/${orgId}`, { method: 'PATCH', json: { name } });
    }
    await owner.request(`/v1/organizations/${orgId}/invitations`, {
      json: { emails: 'someone@audit.test' },
    });
  });

  const events = (c: Client, qs = '') => c.request(`/v1/organizations/${orgId}/audit-events${qs}`);

  it('lists newest first with actor, target, before/after, ip and user agent', async () => {
    const page = (await (await events(viewer)).json()) as Page;
    expect(page.items.map((e) => e.action)).toEqual([
      'invitation.created',
      'organization.updated',
      'organization.updated',
      'organization.updated',
      'organization.created',
    ]);
    expect(page.items[1]).toMatchObject({
      actorId: owner.user!.id,
      actorType: 'user',
      actorName: owner.user!.name,
      actorEmail: 'owner@audit.test',
      targetType: 'organization',
      targetId: orgId,
      before: { name: 'Audited 3' },
      after: { name: 'Audited, "4"' },
    });
  });

  it('filters by action prefix, actor, target and time', async () => {
    const updates = (await (await events(viewer, '?action=organization.updated')).json()) as Page;
    expect(updates.items).toHaveLength(3);
    const orgEvents = (await (await events(viewer, '?action=organization')).json()) as Page;
    expect(orgEvents.items).toHaveLength(4);
    const byActor = (await (await events(viewer, `?actorId=${viewer.user!.id}`)).json()) as Page;
    expect(byActor.items).toHaveLength(0);
    const byTarget = (await (await events(viewer, '?targetType=invitation')).json()) as Page;
    expect(byTarget.items.map((e) => e.action)).toEqual(['invitation.created']);
    const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    expect(((await (await events(viewer, `?since=${future}`)).json()) as Page).items).toHaveLength(
      0,
    );
    expect(((await (await events(viewer, `?until=${future}`)).json()) as Page).items).toHaveLength(
      5,
    );
    expect((await events(viewer, '?since=yesterday')).status).toBe(422);
  });

  it('paginates with an opaque cursor without gaps or repeats', async () => {
    const seen: unknown[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = (await (
        await events(viewer, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as Page;
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await events(viewer, '?cursor=garbage')).status).toBe(422);
  });

  it('exports CSV and NDJSON with audit_log:export only', async () => {
    expect((await events(viewer, '?format=csv')).status).toBe(403);
    const csv = await events(owner, '?format=csv&action=organization.updated');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,createdAt,orgId,actorType,actorId,actorName,actorEmail,action,targetType,targetId,description,ip,userAgent,before,after',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('""name"":""Audited, \\""4\\""""');
    expect(lines[1]).toMatch(/,"\{""id""/);
    const nd = await events(owner, '?format=ndjson');
    expect(nd.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = (await nd.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Json);
    expect(rows).toHaveLength(5);
    expect(rows[0]?.action).toBe('invitation.created');
  });

  it('denies without audit_log:read (403), outside the org (404), anonymous (401)', async () => {
    expect((await events(member)).status).toBe(403);
    expect((await events(outsider)).status).toBe(404);
    expect((await t.client().request(`/v1/organizations/${orgId}/audit-events`)).status).toBe(401);
    expect((await viewer.request('/v1/organizations/org_missing/audit-events')).status).toBe(404);
  });

  it("shows a user's own log to them and to platform admins only", async () => {
    const url = `/v1/users/${viewer.user!.id}/audit-events`;
    const own = (await (await viewer.request(url)).json()) as Page;
    expect(own.items.map((e) => e.action)).toContain('user.signed_in');
    expect((await owner.request(url)).status).toBe(200);
    // someone else's id answers exactly like an id nobody has
    const known = await member.request(url);
    const unknown = await member.request('/v1/users/usr_missing/audit-events');
    expect(known.status).toBe(404);
    expect(unknown.status).toBe(404);
    const strip = (b: unknown) => ({ ...(b as object), instance: null });
    expect(strip(await known.json())).toEqual(strip(await unknown.json()));
  });
});
