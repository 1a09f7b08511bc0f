import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';
import { backends } from '../test-support/backends.js';
import { type Client, TEST_PASSWORD, useTestApp } from '../test-support/test-app.js';

/**
 * Deny by default, for every org-scoped route: a member without the permission gets 403, a member
 * of another org and anyone asking about an unknown org get 404, anonymous callers 401 — and
 * nothing in the database changes.
 */
describe.each(backends)('denials on every org route ($name)', (backend) => {
  const t = useTestApp(backend);
  let orgId: string;
  let targetId: string;
  let invitationId: string;
  let powerless: Client;
  let foreigner: Client;

  const TABLES = [
    'users',
    'sessions',
    'organizations',
    'memberships',
    'member_roles',
    'invitations',
    'password_reset_tokens',
    'audit_events',
    'outbox',
  ];

  /** A fingerprint of every row that a mutation could touch. */
  async function snapshot(): Promise<string> {
    const parts: string[] = [];
    for (const table of TABLES) {
      const result = await t.store.db.execute(
        sql.raw(
          `select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t`,
        ),
      );
      parts.push(`${table}:${(result as unknown as { rows: { h: string }[] }).rows[0]!.h}`);
    }
    return parts.join(',');
  }

  beforeAll(async () => {
    const owner = await t.signedIn('owner@deny.test', { platformAdmin: true });
    orgId = await t.createOrg(owner, 'Guarded', { kind: 'partner' });
    const otherOrg = await t.createOrg(owner, 'Elsewhere');
    await t.store.db
      .insert(roles)
      .values({ id: newId('rol'), orgId, key: 'nobody', name: 'Nobody', self: [] });
    powerless = await t.memberOf(orgId, 'nobody@deny.test', ['nobody']);
    foreigner = await t.memberOf(otherOrg, 'foreign@deny.test', ['owner']);
    targetId = (await t.memberOf(orgId, 'target@deny.test', ['member'])).user!.id;
    const res = await owner.request(`/v1/organizations/${orgId}/invitations`, {
      json: { emails: 'pending@deny.test' },
    });
    invitationId = ((await res.json()) as { results: { invitation: { id: string } }[] }).results[0]!
      .invitation.id;
  });

  const routes = (org: string) =>
    [
      ['GET', `/v1/organizations/${org}`],
      ['PATCH', `/v1/organizations/${org}`, { name: 'Renamed' }],
      ['DELETE', `/v1/organizations/${org}`],
      ['GET', `/v1/organizations/${org}/children`],
      ['POST', '/v1/organizations', { name: 'Sub', parentId: org }],
      ['POST', `/v1/organizations/${org}/owner/transfer`, { userId: targetId }],
      ['GET', `/v1/organizations/${org}/members`],
      ['GET', `/v1/organizations/${org}/members/${targetId}`],
      [
        'POST',
        `/v1/organizations/${org}/members`,
        { email: 'new@deny.test', name: 'New', password: TEST_PASSWORD, roles: [] },
      ],
      ['PATCH', `/v1/organizations/${org}/members/${targetId}`, { roles: ['admin'] }],
      ['PATCH', `/v1/organizations/${org}/members/${targetId}`, { status: 'disabled' }],
      ['DELETE', `/v1/organizations/${org}/members/${targetId}`],
      ['POST', `/v1/organizations/${org}/members/${targetId}/password-reset`],
      ['GET', `/v1/organizations/${org}/invitations`],
      ['POST', `/v1/organizations/${org}/invitations`, { emails: 'x@deny.test' }],
      ['POST', `/v1/organizations/${org}/invitations/${invitationId}/resend`],
      ['DELETE', `/v1/organizations/${org}/invitations/${invitationId}`],
      ['GET', `/v1/organizations/${org}/audit-events`],
      ['GET', `/v1/organizations/${org}/audit-events?format=csv`],
    ] as const;

  const call = (c: Client, [method, path, json]: readonly [string, string, unknown?]) =>
    c.request(path, { method, ...(json === undefined ? {} : { json }) });

  it('answers 403 to a member without the permission, changing nothing', async () => {
    const before = await snapshot();
    for (const route of routes(orgId)) {
      const res = await call(powerless, route);
      expect([route[0], route[1], res.status]).toEqual([route[0], route[1], 403]);
      expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 to a member of another org, changing nothing', async () => {
    const before = await snapshot();
    for (const route of routes(orgId)) {
      const res = await call(foreigner, route);
      expect([route[0], route[1], res.status]).toEqual([route[0], route[1], 404]);
    }
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for an unknown org, changing nothing', async () => {
    const before = await snapshot();
    for (const route of routes('org_doesnotexist')) {
      const res = await call(powerless, route);
      expect([route[0], route[1], res.status]).toEqual([route[0], route[1], 404]);
    }
    expect(await snapshot()).toBe(before);
  });

  it('answers 401 to anonymous callers, changing nothing', async () => {
    const before = await snapshot();
    for (const route of routes(orgId)) {
      const res = await call(t.client(), route);
      expect([route[0], route[1], res.status]).toEqual([route[0], route[1], 401]);
    }
    expect(await snapshot()).toBe(before);
  });
});
