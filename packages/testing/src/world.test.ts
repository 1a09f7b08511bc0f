import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acmeScenario, type OrgkitMockScenario, signedInAs } from './index.js';
import { createOrgkitTestWorld, type OrgkitTestWorld, prepareOrgkitWorlds } from './world.js';

const URL_BASE = 'http://localhost:3000';
const worlds: OrgkitTestWorld[] = [];
beforeAll(() => prepareOrgkitWorlds());
afterEach(() => Promise.all(worlds.splice(0).map((w) => w.close())));

async function world(scenario: OrgkitMockScenario = acmeScenario) {
  const w = await createOrgkitTestWorld({ scenario });
  worlds.push(w);
  return w;
}

async function call(w: OrgkitTestWorld, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  const res = await w.fetch(new Request(`${URL_BASE}${path}`, { ...init, headers }));
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface Member {
  userId: string;
  status: string;
  roles: string[];
}

describe('a test world from the acme scenario', () => {
  it('is signed in as the scenario user, with the active organization chosen', async () => {
    const w = await world();
    const me = await call(w, '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('olivia@acme.test');
    const session = await call(w, '/v1/auth/session');
    expect(session.body.activeOrgId).toBe('org_acme');
  });

  it('has the scenario members with their ids, roles and statuses, served by the real route', async () => {
    const w = await world();
    const res = await call(w, '/v1/organizations/org_acme/members?limit=50');
    expect(res.status).toBe(200);
    const members = res.body.items as Member[];
    expect(members.map((m) => m.userId).sort()).toEqual(
      ['usr_adam', 'usr_bill', 'usr_dana', 'usr_mia', 'usr_olivia', 'usr_vic'].sort(),
    );
    expect(members.find((m) => m.userId === 'usr_dana')?.status).toBe('disabled');
    expect(members.find((m) => m.userId === 'usr_bill')?.roles).toEqual(['billing_contact']);
  });

  it('starts each world afresh: a change in one is not in the next', async () => {
    const first = await world();
    const removed = await call(first, '/v1/organizations/org_acme/members/usr_mia', {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect((await call(first, '/v1/organizations/org_acme/members/usr_mia')).status).toBe(404);
    await first.close();
    const second = await world();
    expect((await call(second, '/v1/organizations/org_acme/members/usr_mia')).status).toBe(200);
    await call(second, '/v1/organizations/org_acme/members/usr_mia', { method: 'DELETE' });
    await second.reset();
    expect((await call(second, '/v1/organizations/org_acme/members/usr_mia')).status).toBe(200);
    expect((await call(second, '/v1/me')).body.email).toBe('olivia@acme.test');
  });

  it('keeps two worlds open at once apart', async () => {
    const a = await world();
    const b = await world(signedInAs(acmeScenario, 'usr_adam', 'org_acme'));
    await call(a, '/v1/organizations/org_acme/members/usr_vic', { method: 'DELETE' });
    expect((await call(b, '/v1/organizations/org_acme/members/usr_vic')).status).toBe(200);
    expect((await call(b, '/v1/me')).body.email).toBe('adam@acme.test');
  });

  it('answers a role’s view with the server’s decision: a viewer may not invite', async () => {
    const w = await world(signedInAs(acmeScenario, 'usr_vic', 'org_acme'));
    const res = await call(w, '/v1/organizations/org_acme/invitations', {
      method: 'POST',
      body: JSON.stringify({ emails: ['new@acme.test'] }),
    });
    expect(res.status).toBe(403);
    expect(res.body.type).toBeTypeOf('string');
  });

  it('accepts the scenario password at sign-in and refuses another', async () => {
    const w = await world(signedInAs(acmeScenario, null));
    expect((await call(w, '/v1/me')).status).toBe(401);
    const wrong = await call(w, '/v1/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email: 'mia@acme.test', password: 'not-her-password' }),
    });
    expect(wrong.status).toBe(401);
    const right = await call(w, '/v1/auth/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email: 'mia@acme.test', password: 'password123' }),
    });
    expect(right.status).toBe(200);
    expect((await call(w, '/v1/me')).body.email).toBe('mia@acme.test');
  });

  it('opens the scenario’s invitation link', async () => {
    const w = await world(signedInAs(acmeScenario, null));
    const res = await call(w, '/v1/invitations/lookup?token=tok_nora_invitation');
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('nora@acme.test');
  });

  it('mails invitations to the outbox with a link that works', async () => {
    const w = await world();
    const sent = await call(w, '/v1/organizations/org_acme/invitations', {
      method: 'POST',
      body: JSON.stringify({ emails: ['new1@acme.test'], roles: ['viewer'] }),
    });
    expect(sent.status).toBe(201);
    // The outbox shows every mailed link, so only a platform admin may read it.
    expect((await call(w, '/dev/outbox?to=new1@acme.test')).status).toBe(403);
    const admin = await w.store.users.create({ email: 'ops@acme.test', platformAdmin: true });
    await w.signInAs(admin.id);
    const outbox = await call(w, '/dev/outbox?to=new1@acme.test');
    const [mail] = outbox.body.items as { text: string; meta: { link?: string } | null }[];
    const link = mail?.meta?.link ?? mail?.text.match(/https?:\/\/\S+/)?.[0];
    expect(link).toMatch(/^http:\/\/localhost:3000\//);
    const token = new URL(link as string).searchParams.get('token');
    await w.signInAs(null);
    const lookup = await call(w, `/v1/invitations/lookup?token=${token}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body.roles).toEqual(['viewer']);
  });

  it('applies server rules the hand-written mocks never had: allowed e-mail domains', async () => {
    const w = await world();
    const set = await call(w, '/v1/organizations/org_acme/settings/allowed_email_domains', {
      method: 'PUT',
      body: JSON.stringify({ value: ['acme.test'] }),
    });
    expect(set.status).toBe(200);
    const res = await call(w, '/v1/organizations/org_acme/invitations', {
      method: 'POST',
      body: JSON.stringify({ emails: ['ok@acme.test', 'someone@elsewhere.test'] }),
    });
    expect(res.body.results).toEqual([
      expect.objectContaining({ email: 'ok@acme.test', result: 'invited' }),
      expect.objectContaining({ email: 'someone@elsewhere.test', result: 'domain_not_allowed' }),
    ]);
  });

  it('signs in as another user on demand', async () => {
    const w = await world();
    await w.signInAs('usr_gina', 'org_globex');
    expect((await call(w, '/v1/me')).body.email).toBe('gina@globex.test');
    await w.signInAs(null);
    expect((await call(w, '/v1/me')).status).toBe(401);
  });
});
