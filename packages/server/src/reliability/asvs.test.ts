import { beforeAll, describe, expect, it } from 'vitest';
import { roles as rolesTable } from '../db/schema/index.js';
import { newId } from '../lib/ids.js';
import { sha256 } from '../lib/tokens.js';
import { backends } from '../test-support/backends.js';
import { type Client, call, TEST_PASSWORD, useTestApp } from '../test-support/test-app.js';
import { changedTables, fingerprint } from './fingerprint.js';
import { fixtures } from './fixtures.js';
import { buildUrl, loadOperations } from './operations.js';
import {
  buildWorld,
  freshInvitation,
  freshKey,
  freshMember,
  matrixAccess,
  unique,
  type World,
} from './world.js';

/**
 * OWASP ASVS 4.0 access-control (V4) and session (V3) cases, by name. Cases already covered
 * elsewhere are referenced here rather than repeated:
 * - V3.3.1/V3.5.2 disabled user's session: `routes/auth/auth.test.ts` "drops the sessions of a
 *   disabled user at once"; disabled user's and removed member's API key:
 *   `routes/api-keys/api-keys.test.ts` "evaluates scope ∩ current permissions at each request:
 *   demotion narrows, removal and disabling kill" and "answers 401 for revoked and expired keys".
 * - V3.3.1 expired invitation token: `routes/invitations/invitations.test.ts` "refuses expired
 *   links"; expired reset token: `routes/auth/auth.test.ts` "rejects an expired token".
 * - V4.1.3 escalation through role edits and assignment: `routes/roles/roles.test.ts` "guards
 *   against escalation when creating, editing and assigning roles"; through group membership:
 *   `routes/groups/groups.test.ts` "changes membership … group roles take effect at once".
 * - V4.2.2 CSRF, one request each: `routes/auth/auth.test.ts` "CSRF" block (foreign Origin,
 *   cross-site Sec-Fetch-Site, double submit, trusted origins, bearer exemption).
 * - V3.2.1 new token at sign-in: `routes/auth/auth.test.ts` "rotates the session token on sign-in".
 */
/** Every unsafe operation, known before the app exists (checked against the document below). */
const UNSAFE_OPERATION_KEYS = Object.keys(fixtures).filter((key) => !key.startsWith('GET '));

describe.each(backends)('OWASP ASVS access control and sessions ($name)', (backend) => {
  const t = useTestApp(backend, { access: matrixAccess() });
  let world: World;
  let admin: Client;

  beforeAll(async () => {
    world = await buildWorld(t);
    admin = world.users.admin;
  });

  it('V4.2.1 IDOR: ids of another org’s member, invitation, group, resource, role and key are 404 through one’s own org, and change nothing', async () => {
    const theirs = world.foreign;
    const mine = world.parent;
    const member = (await freshMember(t, theirs)).id;
    const invitation = (await freshInvitation(t, theirs, world.root)).id;
    const group = (await t.store.groups.create({ orgId: theirs, name: unique('G ') })).id;
    await t.store.resources.upsert({
      orgId: theirs,
      type: 'directories',
      id: 'secret',
      parentId: null,
    });
    const key = (await freshKey(t, member, theirs)).id;
    const roleKey = unique('r');
    await t.store.db.insert(rolesTable).values({
      id: newId('rol'),
      orgId: theirs,
      key: roleKey,
      name: 'Theirs',
      self: ['organization:read'],
    });
    const base = `/v1/organizations/${mine}`;
    const attempts: [string, string, unknown?][] = [
      ['GET', `${base}/members/${member}`],
      ['PATCH', `${base}/members/${member}`, { roles: ['viewer'] }],
      ['DELETE', `${base}/members/${member}`],
      ['POST', `${base}/members/${member}/password-reset`],
      ['POST', `${base}/owner/transfer`, { userId: member }],
      ['POST', `${base}/invitations/${invitation}/resend`],
      ['DELETE', `${base}/invitations/${invitation}`],
      ['GET', `${base}/groups/${group}`],
      ['PATCH', `${base}/groups/${group}`, { name: 'Mine now' }],
      ['DELETE', `${base}/groups/${group}`],
      ['PUT', `${base}/groups/${group}/members`, { userIds: [admin.user!.id] }],
      ['PUT', `${base}/groups/${group}/roles`, { roles: ['viewer'] }],
      ['GET', `${base}/resources/directories/secret/grants`],
      ['DELETE', `${base}/api-keys/${key}`],
      ['DELETE', `/v1/me/api-keys/${key}`],
      ['GET', `${base}/roles/${roleKey}`],
      ['PATCH', `${base}/roles/${roleKey}`, { name: 'Mine now' }],
      ['DELETE', `${base}/roles/${roleKey}`],
      ['GET', `/v1/users/${member}/audit-events`],
      [
        'POST',
        `${base}/access/check`,
        { userId: member, checks: [{ permission: 'organization:read' }] },
      ],
      ['GET', `${base}/settings/effective?userId=${member}`],
      ['GET', `${base}/settings/effective?groupId=${group}`],
      ['POST', `${base}/groups`, { name: unique('G '), memberIds: [member] }],
    ];
    const before = await fingerprint(t.store);
    const answers = [];
    for (const [method, path, json] of attempts) {
      const res = await call<{ grants?: unknown[] }>(admin, method, path, json);
      answers.push(`${method} ${path.replace(mine, 'mine')}: ${res.status}`);
      if (path.endsWith('/grants') && res.status === 200) {
        // Resources are keyed by (org, type, id): the same id in one's own org is another,
        // unregistered resource with no grants — nothing of theirs is read.
        expect(res.body.grants).toEqual([]);
        continue;
      }
      // 404 (not there for you), 403 (another user's audit log) or 422 (not a member: the
      // ids are named as invalid input, not looked up across orgs); never a 2xx.
      if (path.endsWith('/access/check')) continue;
      expect([403, 404, 422], `${method} ${path}`).toContain(res.status);
    }
    expect(changedTables(before, await fingerprint(t.store)), answers.join('\n')).toEqual([]);
    // Access checks about a user of another org answer "denied", never their permissions.
    const check = await call<{ results: { allowed: boolean }[] }>(
      admin,
      'POST',
      `${base}/access/check`,
      {
        userId: member,
        checks: [{ permission: 'organization:read' }],
      },
    );
    if (check.status === 200) expect(check.body.results[0]!.allowed).toBe(false);
  });

  it('V3.3.1 invitation token reuse: a link works once', async () => {
    const { token } = await freshInvitation(t, world.parent, world.root);
    const first = await call(t.client(), 'POST', '/v1/invitations/accept', {
      token,
      name: 'Once',
      password: TEST_PASSWORD,
    });
    expect(first.status).toBe(200);
    const again = await call(t.client(), 'POST', '/v1/invitations/accept', {
      token,
      name: 'Twice',
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVITATION_ALREADY_USED');
  });

  it('V4.2.1 invitation token for another e-mail: refused to a different signed-in user and to a new account', async () => {
    const victim = `${unique('victim')}@asvs.test`;
    const { token } = await freshInvitation(t, world.parent, world.root, victim);
    const other = await t.signedIn(`${unique('other')}@asvs.test`);
    const asOther = await call(other, 'POST', '/v1/invitations/accept', { token });
    expect([401, 403]).toContain(asOther.status);
    expect(await t.store.members.get(world.parent, other.user!.id)).toBeUndefined();
    const invitation = (await t.store.invitations.findByTokenHash(await sha256(token)))!;
    expect(invitation.status).toBe('pending');
  });

  it('V3.3.1 expired invitation token is refused and joins nobody', async () => {
    const { token, id } = await freshInvitation(t, world.parent, world.root);
    await t.store.invitations.update(id, { expiresAt: new Date(Date.now() - 1000) });
    const res = await call(t.client(), 'POST', '/v1/invitations/accept', {
      token,
      name: 'Late',
      password: TEST_PASSWORD,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('V3.3.1 disabled user: their session and API key stop at once', async () => {
    const user = await t.memberOf(world.parent, `${unique('dis')}@asvs.test`, ['admin']);
    const { secret } = await freshKey(t, user.user!.id);
    expect((await user.request('/v1/me')).status).toBe(200);
    expect((await t.withKey(secret).request('/v1/me')).status).toBe(200);
    await t.store.users.update(user.user!.id, { status: 'disabled' });
    expect((await user.request('/v1/me')).status).toBe(401);
    expect((await t.withKey(secret).request('/v1/me')).status).toBe(401);
  });

  it('V4.1.3 escalation through a custom role one holds: editing it beyond oneself is 403 and changes nothing', async () => {
    const orgId = world.parent;
    const key = unique('editor');
    await t.store.db.insert(rolesTable).values({
      id: newId('rol'),
      orgId,
      key,
      name: 'Role editor',
      self: ['organization:read', 'roles:read', 'roles:update'],
    });
    const editor = await t.memberOf(orgId, `${unique('ed')}@asvs.test`, [key]);
    const before = await fingerprint(t.store);
    const res = await call(editor, 'PATCH', `/v1/organizations/${orgId}/roles/${key}`, {
      self: ['organization:read', 'roles:read', 'roles:update', 'members:remove'],
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PERMISSION_ESCALATION');
    const extend = await call(editor, 'PATCH', `/v1/organizations/${orgId}/roles/${key}`, {
      extends: 'admin',
    });
    expect(extend.status).toBe(403);
    expect(changedTables(before, await fingerprint(t.store))).toEqual([]);
  });

  it('V4.1.3 escalation through group roles: a group manager cannot join a more powerful group nor arm their own', async () => {
    const orgId = world.parent;
    const key = unique('grouper');
    await t.store.db.insert(rolesTable).values({
      id: newId('rol'),
      orgId,
      key,
      name: 'Group manager',
      self: ['organization:read', 'groups:read', 'groups:update', 'groups:assign_roles'],
    });
    const grouper = await t.memberOf(orgId, `${unique('gm')}@asvs.test`, [key]);
    const admins = (await t.store.groups.create({ orgId, name: unique('Admins ') })).id;
    await t.store.groups.setRoles(admins, ['admin']);
    const mine = (await t.store.groups.create({ orgId, name: unique('Mine ') })).id;
    await t.store.groups.setMembers(mine, [grouper.user!.id]);
    const before = await fingerprint(t.store);
    const join = await call(
      grouper,
      'POST',
      `/v1/organizations/${orgId}/groups/${admins}/members`,
      {
        userIds: [grouper.user!.id],
      },
    );
    expect(join.status).toBe(403);
    const arm = await call(grouper, 'PUT', `/v1/organizations/${orgId}/groups/${mine}/roles`, {
      roles: ['admin'],
    });
    expect(arm.status).toBe(403);
    expect(changedTables(before, await fingerprint(t.store))).toEqual([]);
  });

  it('V4.2.2 CSRF: the document has at least 40 unsafe operations, each with a case below', async () => {
    const unsafe = (await loadOperations(t.app)).filter((o) => o.method !== 'GET');
    expect(unsafe.map((o) => o.key).sort()).toEqual([...UNSAFE_OPERATION_KEYS].sort());
    expect(unsafe.length).toBeGreaterThanOrEqual(40);
  });

  it.each(UNSAFE_OPERATION_KEYS)(
    'V4.2.2 CSRF: %s, sent with a session cookie from a foreign Origin, is 403 CSRF_REJECTED and changes nothing',
    async (key) => {
      const op = (await loadOperations(t.app)).find((o) => o.key === key)!;
      const victim = await t.signedIn(`${unique('csrf')}@asvs.test`, { platformAdmin: true });
      const prepared = await fixtures[op.key]!.prepare({
        t,
        world,
        orgs: world,
        org: world.parent,
        caller: victim,
      });
      const before = await fingerprint(t.store);
      const res = await victim.request(buildUrl(op.path, prepared.params, prepared.query), {
        method: op.method,
        origin: 'https://evil.example',
        ...(prepared.body === undefined ? {} : { json: prepared.body }),
      });
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      expect(`${res.status} ${body.code}`).toBe('403 CSRF_REJECTED');
      expect(changedTables(before, await fingerprint(t.store))).toEqual([]);
    },
  );

  it('V3.2.1 session fixation: a token planted before sign-in is not honoured after it', async () => {
    const victimEmail = `${unique('fix')}@asvs.test`;
    await t.signedIn(victimEmail);
    // The attacker signs in as themselves and plants their own token in the victim's browser.
    const attacker = await t.signedIn(`${unique('attacker')}@asvs.test`);
    const planted = attacker.cookies.get('orgkit_session')!;
    const browser = t.client();
    browser.cookies.set('orgkit_session', planted);
    const signIn = await browser.request('/v1/auth/sign-in', {
      json: { email: victimEmail, password: TEST_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    expect(browser.cookies.get('orgkit_session')).not.toBe(planted);
    // The planted token is dead, and never became the victim's.
    const replay = t.client();
    replay.cookies.set('orgkit_session', planted);
    const session = await call<{ user: { email: string } | null }>(
      replay,
      'GET',
      '/v1/auth/session',
    );
    expect(session.body.user?.email).not.toBe(victimEmail);
    // A made-up token is simply anonymous, and sign-in does not adopt it either.
    const forged = t.client();
    forged.cookies.set('orgkit_session', 'attacker-chosen-session-id');
    await forged.request('/v1/auth/sign-in', {
      json: { email: victimEmail, password: TEST_PASSWORD },
    });
    expect(forged.cookies.get('orgkit_session')).not.toBe('attacker-chosen-session-id');
    expect(
      await t.store.sessions.findValid(await sha256('attacker-chosen-session-id'), new Date()),
    ).toBeUndefined();
  });

  it('V2.5.7 password-reset enumeration: known, unknown and disabled addresses get the same status, headers and body', async () => {
    const known = `${unique('known')}@asvs.test`;
    await t.signedIn(known);
    const disabled = `${unique('off')}@asvs.test`;
    const off = await t.signedIn(disabled);
    await t.store.users.update(off.user!.id, { status: 'disabled' });
    const ask = async (email: string) => {
      const res = await t.client().request('/v1/auth/password-reset', { json: { email } });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        cookies: res.headers.getSetCookie().length,
        body: await res.json(),
      };
    };
    const answers = await Promise.all(
      [known, `${unique('ghost')}@asvs.test`, disabled, 'not-even-registered@nowhere.test'].map(
        ask,
      ),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(202);
  });
});
