import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, useTestApp } from '../../test-support/test-app.js';

type Results = {
  results: { email: string; result: string; invitation?: { id: string; expiresAt: string } }[];
};

describe.each(backends)('invitation policy from settings ($name)', (backend) => {
  const now = new Date('2026-11-23T12:00:00Z');
  const t = useTestApp(backend, { now: () => now });
  let owner: Client;
  let partner: string;
  let client: string;
  const setting = (orgId: string, key: string, value: unknown) =>
    owner.request(`/v1/organizations/${orgId}/settings/${key}`, { method: 'PUT', json: { value } });
  const invite = async (orgId: string, emails: string) =>
    (await (
      await owner.request(`/v1/organizations/${orgId}/invitations`, {
        json: { emails, roles: ['member'] },
      })
    ).json()) as Results;

  beforeAll(async () => {
    owner = await t.signedIn('owner@policy.test', { platformAdmin: true });
    partner = await t.createOrg(owner, 'Partner', { kind: 'partner' });
    client = await t.createOrg(owner, 'Client', { parentId: partner });
  });

  it('links live the platform default, or what the org (or an org above it) sets', async () => {
    const before = await invite(client, 'a@policy.test');
    expect(before.results[0]!.invitation!.expiresAt).toBe(
      new Date(now.getTime() + 168 * 3600_000).toISOString(),
    );
    expect((await setting(partner, 'invitation_ttl_hours', 2)).status).toBe(200);
    const inherited = await invite(client, 'b@policy.test');
    expect(inherited.results[0]!.invitation!.expiresAt).toBe(
      new Date(now.getTime() + 2 * 3600_000).toISOString(),
    );
    // resending renews the link with the same policy
    const id = before.results[0]!.invitation!.id;
    const resent = await owner.request(`/v1/organizations/${client}/invitations/${id}/resend`, {
      method: 'POST',
    });
    expect(((await resent.json()) as { expiresAt: string }).expiresAt).toBe(
      new Date(now.getTime() + 2 * 3600_000).toISOString(),
    );
  });

  it('refuses addresses outside the allowed domains, address by address', async () => {
    expect((await setting(client, 'allowed_email_domains', ['Acme.test'])).status).toBe(200);
    const res = await invite(client, 'x@acme.test, y@other.test');
    expect(res.results.map((r) => [r.email, r.result])).toEqual([
      ['x@acme.test', 'invited'],
      ['y@other.test', 'domain_not_allowed'],
    ]);
    // the partner above is unaffected
    expect((await invite(partner, 'y@other.test')).results[0]!.result).toBe('invited');
  });
});
