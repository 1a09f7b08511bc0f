import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, useTestApp } from '../../test-support/test-app.js';

type Explanation = { allowed: boolean; reasons: Record<string, unknown>[]; summary: string[] };

describe.each(backends)('explanations show only what the caller may see ($name)', (backend) => {
  const t = useTestApp(backend);
  let partner: string;
  let client: string;
  let staff: Client;
  let partnerAdmin: Client;
  let clientAdmin: Client;
  let stranger: Client;

  beforeAll(async () => {
    const root = await t.signedIn('root@explain.test', { platformAdmin: true });
    partner = await t.createOrg(root, 'Partner', { kind: 'partner' });
    client = await t.createOrg(root, 'Client', { parentId: partner, kind: 'client' });
    staff = await t.memberOf(partner, 'staff@explain.test', ['admin']);
    partnerAdmin = await t.memberOf(partner, 'padmin@explain.test', ['admin']);
    clientAdmin = await t.memberOf(client, 'cadmin@explain.test', ['admin']);
    const elsewhere = await t.createOrg(root, 'Elsewhere');
    stranger = await t.memberOf(elsewhere, 'stranger@explain.test', ['member']);
  });

  const explain = async (who: Client, userId: string) => {
    const res = await who.request(
      `/v1/organizations/${client}/access/explain?permission=members:update&userId=${userId}`,
    );
    return { status: res.status, body: (await res.json()) as Explanation };
  };

  it("a child org's admin learns that partner staff may act, not which partner roles they hold", async () => {
    const { status, body } = await explain(clientAdmin, staff.user!.id);
    expect(status).toBe(200);
    expect(body.allowed).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toContain(partner);
    expect(text).not.toContain('"roleKey"');
    expect(body.reasons).toEqual([{ kind: 'inherited' }]);
  });

  it('the partner side, who may read its members, sees the inherited role', async () => {
    const { body } = await explain(partnerAdmin, staff.user!.id);
    expect(body.reasons).toContainEqual(
      expect.objectContaining({ kind: 'role', roleKey: 'admin', orgId: partner }),
    );
  });

  it('answers the same for a user of another org and for an id nobody has', async () => {
    const known = await explain(clientAdmin, stranger.user!.id);
    const unknown = await explain(clientAdmin, 'usr_nobody');
    expect(known.status).toBe(unknown.status);
    const strip = (e: Explanation) => ({ ...e, userId: null, summary: null });
    expect(strip(known.body)).toEqual(strip(unknown.body));
    const check = (userId: string) =>
      clientAdmin.request(`/v1/organizations/${client}/access/check`, {
        json: { userId, checks: [{ permission: 'members:read' }] },
      });
    const a = await check(stranger.user!.id);
    const b = await check('usr_nobody');
    expect(a.status).toBe(b.status);
    expect(await a.json()).toEqual(await b.json());
  });
});
