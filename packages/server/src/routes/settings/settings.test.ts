import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test-support/backends.js';
import { type Client, call, useTestApp } from '../../test-support/test-app.js';

type Json = Record<string, unknown>;
type Setting = Json & { key: string; value: unknown; source: Json; lockedBy: Json | null };
type List = { level: Json; items: Setting[] };

const find = (list: List, key: string) => list.items.find((s) => s.key === key)!;

describe.each(backends)('settings ($name)', (backend) => {
  const t = useTestApp(backend);
  let root: Client;
  let admin: Client;
  let editor: Client;
  let viewer: Client;
  let member: Client;
  let outsider: Client;
  let orgId: string;
  let groupId: string;
  let otherGroupId: string;
  const base = () => `/v1/organizations/${orgId}/settings`;
  const stored = async () => (await t.store.settings.list([{ type: 'org', id: orgId }])).length;

  beforeAll(async () => {
    root = await t.signedIn('root@settings.test', { platformAdmin: true });
    orgId = await t.createOrg(root, 'Settings Inc');
    const otherOrg = await t.createOrg(root, 'Other');
    admin = await t.memberOf(orgId, 'admin@settings.test', ['admin']);
    await call(admin, 'POST', `/v1/organizations/${orgId}/roles`, {
      key: 'settings_editor',
      name: 'Settings editor',
      self: ['organization:read', 'settings:read', 'settings:update'],
    });
    editor = await t.memberOf(orgId, 'editor@settings.test', ['settings_editor']);
    viewer = await t.memberOf(orgId, 'viewer@settings.test', ['viewer']);
    member = await t.memberOf(orgId, 'member@settings.test', ['member']);
    outsider = await t.memberOf(otherOrg, 'outsider@else.test', ['admin']);
    groupId = (
      await call<{ id: string }>(admin, 'POST', `/v1/organizations/${orgId}/groups`, {
        name: 'Night shift',
        memberIds: [member.user!.id],
      })
    ).body.id;
    otherGroupId = (
      await call<{ id: string }>(outsider, 'POST', `/v1/organizations/${otherOrg}/groups`, {
        name: 'Theirs',
      })
    ).body.id;
  });

  it('lists effective values with their source; denies without settings:read, outside and anonymous', async () => {
    const res = await call<List>(viewer, 'GET', base());
    expect(res.status).toBe(200);
    expect(res.body.level).toEqual({ level: 'org', id: orgId });
    expect(find(res.body, 'theme')).toMatchObject({
      value: 'system',
      isDefault: true,
      source: { level: 'platform', id: null },
      lockedBy: null,
      override: null,
      spec: { type: 'enum', options: ['light', 'dark', 'system'] },
    });
    expect(res.body.items.map((s) => s.key)).toEqual([
      'session_timeout_minutes',
      'invitation_ttl_hours',
      'theme',
      'allowed_email_domains',
    ]);
    expect((await call(member, 'GET', base())).status).toBe(403);
    expect((await call(outsider, 'GET', base())).status).toBe(404);
    expect((await call(t.client(), 'GET', base())).status).toBe(401);
  });

  it('sets org values with settings:update; locking needs settings:lock; bad input changes nothing', async () => {
    const set = await call<Setting>(editor, 'PUT', `${base()}/theme`, { value: 'dark' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      value: 'dark',
      source: { level: 'org', id: orgId },
      override: { value: 'dark', locked: false },
    });
    const lock = await call(editor, 'PUT', `${base()}/theme`, { value: 'dark', locked: true });
    expect(lock.status).toBe(403);
    const invalid = await call(editor, 'PUT', `${base()}/theme`, { value: 'neon' });
    expect(invalid).toMatchObject({
      status: 422,
      body: { code: 'INVALID_SETTING_VALUE', errors: [{ in: 'json', path: 'value' }] },
    });
    const wrongType = await call(editor, 'PUT', `${base()}/invitation_ttl_hours`, { value: '48' });
    expect(wrongType.status).toBe(422);
    expect((await call(editor, 'PUT', `${base()}/colour`, { value: 'x' })).body).toMatchObject({
      code: 'UNKNOWN_SETTING',
    });
    expect((await call(viewer, 'PUT', `${base()}/theme`, { value: 'light' })).status).toBe(403);
    expect((await call(outsider, 'PUT', `${base()}/theme`, { value: 'light' })).status).toBe(404);
    expect((await call(t.client(), 'PUT', `${base()}/theme`, { value: 'light' })).status).toBe(401);
    const badTarget = await call(editor, 'PUT', `${base()}/theme`, {
      value: 'light',
      level: 'org',
      targetId: 'org_else',
    });
    expect(badTarget.status).toBe(422);
    const overrides = await t.store.settings.list([{ type: 'org', id: orgId }]);
    expect(overrides.map((o) => [o.key, o.value, o.locked])).toEqual([['theme', 'dark', false]]);
    const [event] = await t.store.audit.list({ orgId, action: 'setting.set', limit: 5 });
    expect(event).toMatchObject({ targetId: 'theme', actorId: editor.user!.id });
  });

  it('resolves groups and members down the waterfall and reports the level', async () => {
    const groupSet = await call(editor, 'PUT', `${base()}/session_timeout_minutes`, {
      value: 60,
      level: 'group',
      targetId: groupId,
    });
    expect(groupSet.status).toBe(200);
    const forGroup = await call<List>(viewer, 'GET', `${base()}/effective?groupId=${groupId}`);
    expect(forGroup.body.level).toEqual({ level: 'group', id: groupId });
    expect(find(forGroup.body, 'session_timeout_minutes')).toMatchObject({
      value: 60,
      source: { level: 'group', id: groupId },
    });
    expect(find(forGroup.body, 'theme')).toMatchObject({ value: 'dark', source: { level: 'org' } });

    const userUrl = `${base()}/effective?userId=${member.user!.id}`;
    expect(
      find((await call<List>(viewer, 'GET', userUrl)).body, 'session_timeout_minutes'),
    ).toMatchObject({ value: 60 });
    await call(editor, 'PUT', `${base()}/session_timeout_minutes`, {
      value: 30,
      level: 'user',
      targetId: member.user!.id,
    });
    const forUser = await call<List>(viewer, 'GET', userUrl);
    expect(forUser.body.level).toEqual({ level: 'user', id: member.user!.id });
    expect(find(forUser.body, 'session_timeout_minutes')).toMatchObject({
      value: 30,
      source: { level: 'user', id: member.user!.id },
    });
    const mine = await call<List>(member, 'GET', `/v1/me/settings?orgId=${orgId}`);
    expect(find(mine.body, 'session_timeout_minutes')).toMatchObject({ value: 30 });
    expect(find(mine.body, 'theme')).toMatchObject({ value: 'dark' });
    expect((await call(outsider, 'GET', `/v1/me/settings?orgId=${orgId}`)).status).toBe(404);

    expect((await call(viewer, 'GET', `${base()}/effective`)).status).toBe(422);
    expect((await call(viewer, 'GET', `${base()}/effective?groupId=${otherGroupId}`)).status).toBe(
      404,
    );
    expect(
      (await call(viewer, 'GET', `${base()}/effective?userId=${outsider.user!.id}`)).status,
    ).toBe(404);
    const toOtherGroup = await call(editor, 'PUT', `${base()}/theme`, {
      value: 'light',
      level: 'group',
      targetId: otherGroupId,
    });
    expect(toOtherGroup.status).toBe(404);
    expect(
      (await call(editor, 'PUT', `${base()}/theme`, { value: 'light', level: 'user' })).status,
    ).toBe(422);
    expect(
      await t.store.settings.get({ type: 'group', id: otherGroupId }, 'theme'),
    ).toBeUndefined();
  });

  it('a lock stops lower levels (409) and only settings:lock lifts or clears it', async () => {
    await call(editor, 'PUT', `${base()}/theme`, {
      value: 'light',
      level: 'group',
      targetId: groupId,
    });
    const lock = await call(admin, 'PUT', `${base()}/theme`, { value: 'dark', locked: true });
    expect(lock).toMatchObject({ status: 200, body: { lockedBy: { level: 'org', id: orgId } } });
    const below = await call(editor, 'PUT', `${base()}/theme`, {
      value: 'light',
      level: 'user',
      targetId: member.user!.id,
    });
    expect(below).toMatchObject({
      status: 409,
      body: { code: 'SETTING_LOCKED', lockedBy: { level: 'org', id: orgId } },
    });
    const forUser = await call<List>(
      viewer,
      'GET',
      `${base()}/effective?userId=${member.user!.id}`,
    );
    expect(find(forUser.body, 'theme')).toMatchObject({
      value: 'dark',
      lockedBy: { level: 'org', id: orgId },
      shadowed: [{ level: 'group', id: groupId }],
    });
    // The editor may change the locked value at its own level, not lift or clear the lock.
    expect((await call(editor, 'PUT', `${base()}/theme`, { value: 'system' })).status).toBe(200);
    expect(
      (await call(editor, 'PUT', `${base()}/theme`, { value: 'system', locked: false })).status,
    ).toBe(403);
    expect((await call(editor, 'DELETE', `${base()}/theme`)).status).toBe(403);
    expect((await t.store.settings.get({ type: 'org', id: orgId }, 'theme'))?.locked).toBe(true);
    expect(
      (await call(admin, 'PUT', `${base()}/theme`, { value: 'system', locked: false })).status,
    ).toBe(200);
  });

  it('clears overrides per level', async () => {
    const url = `${base()}/theme?level=group&targetId=${groupId}`;
    expect((await call(viewer, 'DELETE', url)).status).toBe(403);
    expect((await call(outsider, 'DELETE', url)).status).toBe(404);
    expect((await call(editor, 'DELETE', url)).status).toBe(204);
    expect((await call(editor, 'DELETE', url)).status).toBe(404);
    expect(await t.store.settings.get({ type: 'group', id: groupId }, 'theme')).toBeUndefined();
    const [event] = await t.store.audit.list({ orgId, action: 'setting.cleared', limit: 1 });
    expect(event).toMatchObject({ targetId: 'theme' });
    expect(await stored()).toBe(1);
  });

  it('lets platform admins set platform values and lock them for every org', async () => {
    const url = '/v1/platform/settings/invitation_ttl_hours';
    expect((await call(admin, 'GET', '/v1/platform/settings')).status).toBe(403);
    expect((await call(admin, 'PUT', url, { value: 48 })).status).toBe(403);
    expect((await call(t.client(), 'GET', url)).status).toBe(401);
    expect((await call(root, 'PUT', url, { value: 0 })).status).toBe(422);
    expect((await call(root, 'PUT', '/v1/platform/settings/colour', { value: 1 })).status).toBe(
      404,
    );
    const set = await call(root, 'PUT', url, { value: 48, locked: true });
    expect(set).toMatchObject({
      status: 200,
      body: { value: 48, source: { level: 'platform' }, isDefault: false },
    });
    expect((await call(root, 'GET', url)).body).toMatchObject({ value: 48 });
    const org = await call<List>(viewer, 'GET', base());
    expect(find(org.body, 'invitation_ttl_hours')).toMatchObject({
      value: 48,
      lockedBy: { level: 'platform', id: null },
    });
    const refused = await call(admin, 'PUT', `${base()}/invitation_ttl_hours`, { value: 24 });
    expect(refused).toMatchObject({ status: 409, body: { code: 'SETTING_LOCKED' } });
    expect((await call(admin, 'DELETE', url)).status).toBe(403);
    expect((await call(root, 'DELETE', url)).status).toBe(204);
    expect((await call(root, 'DELETE', url)).status).toBe(404);
    expect((await call(admin, 'PUT', `${base()}/invitation_ttl_hours`, { value: 24 })).status).toBe(
      200,
    );
    const events = await t.store.audit.list({
      action: 'setting',
      targetId: 'invitation_ttl_hours',
      limit: 10,
    });
    expect(events.map((e) => [e.action, e.orgId])).toEqual([
      ['setting.set', orgId],
      ['setting.cleared', null],
      ['setting.set', null],
    ]);
  });

  it('forgets a removed member’s own overrides', async () => {
    const leaver = await t.memberOf(orgId, 'leaver@settings.test', ['member']);
    await call(editor, 'PUT', `${base()}/theme`, {
      value: 'dark',
      level: 'user',
      targetId: leaver.user!.id,
    });
    expect(
      (await call(admin, 'DELETE', `/v1/organizations/${orgId}/members/${leaver.user!.id}`)).status,
    ).toBe(204);
    expect(
      await t.store.settings.list([{ type: 'user', id: `${orgId}/${leaver.user!.id}` }]),
    ).toEqual([]);
  });
});
