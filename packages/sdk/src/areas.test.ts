// A tour of every area of the API through the SDK, against the real server in process. The
// README's examples are taken from here, so they are known to compile and to work.
import type { RoleSpec } from '@orgkit/core';
import { agentControlCatalog, agentControlRoles, orgkitPresetRoles } from '@orgkit/core/presets';
import { createAccess } from '@orgkit/server';
import { describe, expect, it } from 'vitest';
import { createOrgkitClient, unwrap } from './client.js';
import { paginate } from './paginate.js';
import { cookieFetch, useInProcessServer } from './test-support/in-process-server.js';

const presets: RoleSpec<string>[] = [
  orgkitPresetRoles.find((r) => r.key === 'owner')!,
  ...agentControlRoles,
];
const server = useInProcessServer({
  organizations: { selfServe: true },
  access: createAccess({ catalog: agentControlCatalog, presets }),
});
const baseUrl = 'http://orgkit.test';
const password = 'correct horse battery staple';

function browser() {
  const fetch = cookieFetch(server.app);
  return createOrgkitClient({
    baseUrl,
    fetch,
    getCsrfToken: () => fetch.cookies.get('orgkit_csrf'),
  });
}

describe('every area through the SDK', () => {
  it('orgs, members, invitations, roles, groups, ACLs, API keys, audit and settings', async () => {
    const orgkit = browser();
    await unwrap(
      orgkit.POST('/v1/auth/sign-up', {
        body: { email: 'olga@acme.test', password, name: 'Olga' },
      }),
    );

    // Organizations: the creator becomes Owner.
    const org = await unwrap(
      orgkit.POST('/v1/organizations', { body: { name: 'Acme', kind: 'partner' } }),
    );
    const orgId = org.id;
    const client = await unwrap(
      orgkit.POST('/v1/organizations', { body: { name: 'Acme Labs', parentId: orgId } }),
    );
    const tree = await unwrap(
      orgkit.GET('/v1/organizations/{orgId}/tree', { params: { path: { orgId } } }),
    );
    expect(tree.count).toBe(2);

    // Members: create one directly, search, change roles.
    const sam = await unwrap(
      orgkit.POST('/v1/organizations/{orgId}/members', {
        params: { path: { orgId } },
        body: { email: 'sam@acme.test', name: 'Sam', password, roles: ['user'] },
      }),
    );
    const found = await unwrap(
      orgkit.GET('/v1/organizations/{orgId}/members', {
        params: { path: { orgId }, query: { search: 'sa', limit: 50 } },
      }),
    );
    expect(found.items.map((m) => m.email)).toEqual(['sam@acme.test']);
    await unwrap(
      orgkit.PATCH('/v1/organizations/{orgId}/members/{userId}', {
        params: { path: { orgId, userId: sam.userId } },
        body: { roles: ['user', 'supporter'] },
      }),
    );

    // Invitations: paste many addresses; each gets its own result.
    const sent = await unwrap(
      orgkit.POST('/v1/organizations/{orgId}/invitations', {
        params: { path: { orgId } },
        body: { emails: 'ann@acme.test, bob@acme.test not-an-address', roles: ['user'] },
      }),
    );
    expect(sent.results.map((r) => r.result)).toEqual(['invited', 'invited', 'invalid']);
    // the mail the server would have sent (no SMTP here: it is kept in the outbox table)
    const [mail] = await server.app.deps.store.outbox.list({ to: 'ann@acme.test', limit: 1 });
    const token = /token=([\w-]+)/.exec(mail!.text)![1]!;
    const ann = browser();
    await unwrap(ann.POST('/v1/invitations/accept', { body: { token, name: 'Ann', password } }));

    // Roles: the catalog, and a custom role extending a preset.
    const catalog = await unwrap(orgkit.GET('/v1/permissions'));
    expect(catalog.modules.length).toBeGreaterThan(0);
    await unwrap(
      orgkit.POST('/v1/organizations/{orgId}/roles', {
        params: { path: { orgId } },
        body: {
          key: 'triage',
          name: 'Triage',
          extends: 'user',
          self: ['tickets:read', 'tickets:assign'],
        },
      }),
    );

    // Groups: members and roles (assigning roles to groups is its own permission).
    const group = await unwrap(
      orgkit.POST('/v1/organizations/{orgId}/groups', {
        params: { path: { orgId } },
        body: { name: 'Support', memberIds: [sam.userId] },
      }),
    );
    await unwrap(
      orgkit.PUT('/v1/organizations/{orgId}/groups/{groupId}/roles', {
        params: { path: { orgId, groupId: group.id } },
        body: { roles: ['triage'] },
      }),
    );

    // Resource ACLs: a directory tree shared with a group; a batch check.
    const dir = (resourceId: string) => ({ path: { orgId, type: 'directories', resourceId } });
    await unwrap(
      orgkit.PUT('/v1/organizations/{orgId}/resources/{type}/{resourceId}', {
        params: dir('repo'),
        body: {},
      }),
    );
    await unwrap(
      orgkit.PUT('/v1/organizations/{orgId}/resources/{type}/{resourceId}', {
        params: dir('team'),
        body: { parentId: 'repo' },
      }),
    );
    await unwrap(
      orgkit.PUT('/v1/organizations/{orgId}/resources/{type}/{resourceId}/grants', {
        params: dir('repo'),
        body: { grants: [{ principal: { kind: 'group', id: group.id }, actions: ['read'] }] },
      }),
    );
    // An account an admin created signs in once its address is proven: the activation link.
    const samClient = browser();
    const [activation] = await server.app.deps.store.outbox.list({ to: 'sam@acme.test', limit: 1 });
    const activationToken = /token=([\w-]+)/.exec(activation!.text)![1]!;
    await unwrap(samClient.POST('/v1/auth/activate', { body: { token: activationToken } }));
    await unwrap(
      samClient.POST('/v1/auth/sign-in', { body: { email: 'sam@acme.test', password } }),
    );
    const checked = await unwrap(
      samClient.POST('/v1/organizations/{orgId}/access/check', {
        params: { path: { orgId } },
        body: {
          checks: [
            { permission: 'directories:read', resource: { type: 'directories', id: 'team' } },
            { permission: 'tickets:assign' },
          ],
        },
      }),
    );
    expect(checked.results.map((r) => r.allowed)).toEqual([true, true]);

    // API keys: narrower than the user, shown once, used as a bearer credential.
    const key = await unwrap(
      orgkit.POST('/v1/me/api-keys', {
        body: { name: 'ci', orgId, scopes: ['members:read', 'organization:read'] },
      }),
    );
    const bot = createOrgkitClient({
      baseUrl,
      fetch: async (r) => server.app.fetch(r),
      apiKey: key.secret!,
    });
    expect(
      (await unwrap(bot.GET('/v1/organizations/{orgId}', { params: { path: { orgId } } }))).name,
    ).toBe('Acme');
    const denied = await bot.DELETE('/v1/organizations/{orgId}/members/{userId}', {
      params: { path: { orgId, userId: sam.userId } },
    });
    expect(denied.error?.status).toBe(403);

    // Audit: every event, page after page.
    const actions: string[] = [];
    for await (const event of paginate(orgkit, '/v1/organizations/{orgId}/audit-events', {
      params: { path: { orgId }, query: { limit: 5 } },
    })) {
      actions.push(event.action);
    }
    expect(actions).toEqual(
      expect.arrayContaining([
        'organization.created',
        'member.created',
        'invitation.accepted',
        'role.created',
      ]),
    );

    // Settings: set and lock at the partner, read the effective value below with its source.
    await unwrap(
      orgkit.PUT('/v1/organizations/{orgId}/settings/{key}', {
        params: { path: { orgId, key: 'theme' } },
        body: { value: 'dark', locked: true },
      }),
    );
    const below = await unwrap(
      orgkit.GET('/v1/organizations/{orgId}/settings', { params: { path: { orgId: client.id } } }),
    );
    expect(below.items.find((s) => s.key === 'theme')).toMatchObject({
      value: 'dark',
      source: { level: 'org', id: orgId },
    });
  });
});
