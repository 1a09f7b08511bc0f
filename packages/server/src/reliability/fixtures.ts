import type { Permission } from '../access/access.js';
import { TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';
import {
  type Client,
  freshInvitation,
  freshKey,
  freshMember,
  freshSession,
  type Orgs,
  unique,
  type World,
} from './world.js';

/**
 * What an operation needs, in the terms of core's decisions. The matrix turns this into the
 * expected answer of every cell through core's `AccessModel`; no outcome is written here.
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any authenticated user (their own data);
 * - `platform-admin`: platform admins only;
 * - `visible`: any access to the org in scope (member, or inherited permissions);
 * - `permissions`: all of `scope` in the org in scope, then all of `sibling` in the sibling org.
 */
export type Need =
  | { readonly kind: 'public' | 'signed-in' | 'platform-admin' | 'visible' }
  | {
      readonly kind: 'permissions';
      readonly scope: readonly Permission[];
      readonly sibling?: readonly Permission[];
    };

/** The cell being prepared: the org in scope, the caller and the shared world. */
export interface CellContext {
  readonly t: TestApp;
  readonly world: World;
  /** The orgs of this cell: the world's, or fresh ones when the call consumes them. */
  readonly orgs: Orgs;
  /** The org id the call is about (parent, child or foreign; the parent when unscoped). */
  readonly org: string;
  /** The caller, undefined when anonymous. */
  readonly caller: Client | undefined;
}

/** A prepared request. `as` replaces the caller (a second session of the same user). */
export interface Prepared {
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly as?: Client;
}

export interface Fixture {
  readonly need: Need;
  /** The call changes the org itself (delete, move, transfer): allowed cells get fresh orgs. */
  readonly consumesOrg?: 'with-child' | 'leaf';
  readonly prepare: (cell: CellContext) => Promise<Prepared> | Prepared;
}

const perm = (...scope: Permission[]): Need => ({ kind: 'permissions', scope });
const DIRS = 'directories';

async function resource(cell: CellContext): Promise<Record<string, string>> {
  const resourceId = unique('dir');
  await cell.t.store.resources.upsert({
    orgId: cell.org,
    type: DIRS,
    id: resourceId,
    parentId: null,
  });
  return { orgId: cell.org, type: DIRS, resourceId };
}

async function customRole(cell: CellContext): Promise<string> {
  const key = unique('r');
  await cell.t.store.roles.create(cell.org, key, {
    name: key,
    description: null,
    module: null,
    extends: null,
    assignable: null,
    self: ['organization:read'],
    descendants: [],
    remove: null,
  });
  return key;
}

const member = async (cell: CellContext) => ({
  orgId: cell.org,
  userId: (await freshMember(cell.t, cell.org)).id,
});
const group = async (cell: CellContext) =>
  (await cell.t.store.groups.create({ orgId: cell.org, name: unique('Group ') })).id;
const session = (cell: CellContext) =>
  cell.caller ? freshSession(cell.t, cell.caller.user!.email) : undefined;
const org = (cell: CellContext) => ({ orgId: cell.org });

/**
 * One fixture per operation of the OpenAPI document: minimal valid input, and whatever the call
 * consumes made fresh for each cell. A new route without a fixture fails the matrix.
 */
export const fixtures: Record<string, Fixture> = {
  'POST /v1/auth/sign-up': {
    need: { kind: 'public' },
    prepare: async (cell) => ({
      body: { email: `${unique('s')}@matrix.test`, password: TEST_PASSWORD, name: 'New' },
      ...(cell.caller ? { as: await session(cell) } : {}),
    }),
  },
  'POST /v1/auth/sign-in': {
    need: { kind: 'public' },
    prepare: async (cell) => {
      const other = await cell.t.signedIn(`${unique('si')}@matrix.test`);
      return {
        body: { email: other.user!.email, password: TEST_PASSWORD },
        ...(cell.caller ? { as: await session(cell) } : {}),
      };
    },
  },
  'POST /v1/auth/sign-out': {
    need: { kind: 'public' },
    prepare: async (cell) => (cell.caller ? { as: await session(cell) } : {}),
  },
  // Anonymous callers get `200 { user: null }`: the session probe is public.
  'GET /v1/auth/session': { need: { kind: 'public' }, prepare: () => ({}) },
  'POST /v1/auth/password-reset': {
    need: { kind: 'public' },
    prepare: () => ({ body: { email: `${unique('nobody')}@matrix.test` } }),
  },
  'POST /v1/auth/password-reset/confirm': {
    need: { kind: 'public' },
    prepare: async (cell) => {
      const user = await cell.t.store.users.create({ email: `${unique('pr')}@matrix.test` });
      const token = unique('reset-token-');
      const { sha256 } = await import('../lib/tokens.js');
      await cell.t.store.users.createPasswordReset(
        user.id,
        await sha256(token),
        new Date(Date.now() + 3_600_000),
      );
      return { body: { token, password: TEST_PASSWORD } };
    },
  },
  'POST /v1/auth/activate': {
    need: { kind: 'public' },
    prepare: async (cell) => {
      const user = await cell.t.store.users.create({
        email: `${unique('act')}@matrix.test`,
        activationRequired: true,
      });
      const token = unique('activation-token-');
      const { sha256 } = await import('../lib/tokens.js');
      await cell.t.store.users.createPasswordReset(
        user.id,
        await sha256(token),
        new Date(Date.now() + 3_600_000),
        'activation',
      );
      return { body: { token } };
    },
  },
  'GET /v1/me': { need: { kind: 'signed-in' }, prepare: () => ({}) },
  'GET /v1/me/organizations': { need: { kind: 'signed-in' }, prepare: () => ({}) },
  'GET /v1/me/permissions': { need: { kind: 'visible' }, prepare: (c) => ({ query: org(c) }) },
  'PUT /v1/me/active-organization': {
    need: { kind: 'visible' },
    prepare: (c) => ({ body: { orgId: c.org } }),
  },
  'GET /v1/organizations': { need: { kind: 'signed-in' }, prepare: () => ({}) },
  'POST /v1/organizations': {
    need: perm('managed_orgs:create'),
    prepare: (c) => ({ body: { name: unique('Sub '), parentId: c.org } }),
  },
  'GET /v1/organizations/{orgId}': {
    need: perm('organization:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'PATCH /v1/organizations/{orgId}': {
    need: perm('organization:update'),
    prepare: (c) => ({ params: org(c), body: { name: unique('Renamed ') } }),
  },
  'DELETE /v1/organizations/{orgId}': {
    need: perm('organization:delete'),
    consumesOrg: 'leaf',
    prepare: (c) => ({ params: org(c) }),
  },
  'GET /v1/organizations/{orgId}/children': {
    need: perm('managed_orgs:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'POST /v1/organizations/{orgId}/owner/transfer': {
    need: perm('organization:transfer_ownership'),
    consumesOrg: 'with-child',
    prepare: async (c) => {
      const { userId } = await member(c);
      return { params: org(c), body: { userId } };
    },
  },
  'GET /v1/organizations/{orgId}/members': {
    need: perm('members:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'POST /v1/organizations/{orgId}/members': {
    need: perm('members:create'),
    prepare: (c) => ({
      params: org(c),
      body: { email: `${unique('d')}@matrix.test`, name: 'Direct', roles: ['viewer'] },
    }),
  },
  'GET /v1/organizations/{orgId}/members/{userId}': {
    need: perm('members:read'),
    prepare: async (c) => ({ params: await member(c) }),
  },
  'PATCH /v1/organizations/{orgId}/members/{userId}': {
    need: perm('members:update'),
    prepare: async (c) => ({ params: await member(c), body: { roles: ['viewer'] } }),
  },
  'DELETE /v1/organizations/{orgId}/members/{userId}': {
    need: perm('members:remove'),
    prepare: async (c) => ({ params: await member(c) }),
  },
  'POST /v1/organizations/{orgId}/members/{userId}/password-reset': {
    need: perm('members:reset_password'),
    prepare: async (c) => ({ params: await member(c) }),
  },
  'GET /v1/organizations/{orgId}/invitations': {
    need: perm('invitations:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'POST /v1/organizations/{orgId}/invitations': {
    need: perm('invitations:create'),
    prepare: (c) => ({
      params: org(c),
      body: { emails: `${unique('a')}@matrix.test, ${unique('b')}@matrix.test`, roles: ['viewer'] },
    }),
  },
  'POST /v1/organizations/{orgId}/invitations/{invitationId}/resend': {
    need: perm('invitations:revoke'),
    prepare: async (c) => ({
      params: { ...org(c), invitationId: (await freshInvitation(c.t, c.org, c.world.root)).id },
    }),
  },
  'DELETE /v1/organizations/{orgId}/invitations/{invitationId}': {
    need: perm('invitations:revoke'),
    prepare: async (c) => ({
      params: { ...org(c), invitationId: (await freshInvitation(c.t, c.org, c.world.root)).id },
    }),
  },
  'GET /v1/invitations/lookup': {
    need: { kind: 'public' },
    prepare: async (c) => ({
      query: { token: (await freshInvitation(c.t, c.world.foreign, c.world.root)).token },
    }),
  },
  'POST /v1/invitations/accept': {
    need: { kind: 'public' },
    prepare: async (c) => {
      // Its own org, so accepting never changes what the other cells see.
      const target = await c.t.createOrg(c.world.root, unique('Inviting '));
      if (!c.caller) {
        const { token } = await freshInvitation(c.t, target, c.world.root);
        return { body: { token, name: 'Invitee', password: TEST_PASSWORD } };
      }
      const { token } = await freshInvitation(c.t, target, c.world.root, c.caller.user!.email);
      return { body: { token }, as: await session(c) };
    },
  },
  'GET /v1/organizations/{orgId}/audit-events': {
    need: perm('audit_log:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'GET /v1/users/{userId}/audit-events': {
    need: { kind: 'signed-in' },
    prepare: (c) => ({ params: { userId: (c.caller ?? c.world.root).user!.id } }),
  },
  'GET /v1/organizations/{orgId}/tree': {
    need: perm('managed_orgs:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'GET /v1/me/organization-tree': { need: { kind: 'signed-in' }, prepare: () => ({}) },
  'POST /v1/organizations/{orgId}/move': {
    need: { kind: 'permissions', scope: ['managed_orgs:move'], sibling: ['managed_orgs:create'] },
    consumesOrg: 'with-child',
    prepare: (c) => ({ params: org(c), body: { parentId: c.orgs.sibling } }),
  },
  'GET /v1/organizations/{orgId}/resources/{type}': {
    need: perm('directories:read' as Permission),
    prepare: async (c) => {
      const { orgId, type } = await resource(c);
      return { params: { orgId: orgId!, type: type! } };
    },
  },
  'PUT /v1/organizations/{orgId}/resources/{type}/{resourceId}': {
    need: perm('access:manage'),
    prepare: (c) => ({ params: { ...org(c), type: DIRS, resourceId: unique('dir') }, body: {} }),
  },
  'GET /v1/organizations/{orgId}/resources/{type}/{resourceId}': {
    need: perm('access:read'),
    prepare: async (c) => ({ params: await resource(c) }),
  },
  // Deleting needs the type's delete action too (the fixture's resource has no grants).
  'DELETE /v1/organizations/{orgId}/resources/{type}/{resourceId}': {
    need: perm('access:manage', 'directories:delete' as Permission),
    prepare: async (c) => ({ params: await resource(c) }),
  },
  'GET /v1/organizations/{orgId}/resources/{type}/{resourceId}/grants': {
    need: perm('access:read'),
    prepare: async (c) => ({ params: await resource(c) }),
  },
  'PUT /v1/organizations/{orgId}/resources/{type}/{resourceId}/grants': {
    need: perm('access:manage'),
    prepare: async (c) => ({ params: await resource(c), body: { grants: [] } }),
  },
  'GET /v1/organizations/{orgId}/resources/{type}/{resourceId}/recipients': {
    need: perm('access:read'),
    prepare: async (c) => ({ params: await resource(c) }),
  },
  'POST /v1/organizations/{orgId}/access/check': {
    need: { kind: 'visible' },
    prepare: (c) => ({ params: org(c), body: { checks: [{ permission: 'organization:read' }] } }),
  },
  'GET /v1/organizations/{orgId}/access/explain': {
    need: { kind: 'visible' },
    prepare: (c) => ({ params: org(c), query: { permission: 'organization:read' } }),
  },
  'GET /v1/permissions': { need: { kind: 'signed-in' }, prepare: () => ({}) },
  'GET /v1/organizations/{orgId}/roles': {
    need: perm('roles:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'POST /v1/organizations/{orgId}/roles': {
    need: perm('roles:create'),
    prepare: (c) => ({
      params: org(c),
      body: { key: unique('role'), name: 'Reader', self: ['organization:read'] },
    }),
  },
  'GET /v1/organizations/{orgId}/roles/{key}': {
    need: perm('roles:read'),
    prepare: (c) => ({ params: { ...org(c), key: 'viewer' } }),
  },
  'PATCH /v1/organizations/{orgId}/roles/{key}': {
    need: perm('roles:update'),
    prepare: async (c) => ({
      params: { ...org(c), key: await customRole(c) },
      body: { name: 'Renamed' },
    }),
  },
  'DELETE /v1/organizations/{orgId}/roles/{key}': {
    need: perm('roles:delete'),
    prepare: async (c) => ({ params: { ...org(c), key: await customRole(c) } }),
  },
  'GET /v1/organizations/{orgId}/groups': {
    need: perm('groups:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'POST /v1/organizations/{orgId}/groups': {
    need: perm('groups:create'),
    prepare: (c) => ({ params: org(c), body: { name: unique('Group ') } }),
  },
  'GET /v1/organizations/{orgId}/groups/{groupId}': {
    need: perm('groups:read'),
    prepare: async (c) => ({ params: { ...org(c), groupId: await group(c) } }),
  },
  'PATCH /v1/organizations/{orgId}/groups/{groupId}': {
    need: perm('groups:update'),
    prepare: async (c) => ({
      params: { ...org(c), groupId: await group(c) },
      body: { name: unique('Group ') },
    }),
  },
  'DELETE /v1/organizations/{orgId}/groups/{groupId}': {
    need: perm('groups:delete'),
    prepare: async (c) => ({ params: { ...org(c), groupId: await group(c) } }),
  },
  ...Object.fromEntries(
    (['PUT', 'POST', 'DELETE'] as const).map((method) => [
      `${method} /v1/organizations/{orgId}/groups/{groupId}/members`,
      {
        need: perm('groups:update'),
        prepare: async (c: CellContext) => ({
          params: { ...org(c), groupId: await group(c) },
          body: { userIds: [(await freshMember(c.t, c.org)).id] },
        }),
      } satisfies Fixture,
    ]),
  ),
  'PUT /v1/organizations/{orgId}/groups/{groupId}/roles': {
    need: perm('groups:assign_roles'),
    prepare: async (c) => ({
      params: { ...org(c), groupId: await group(c) },
      body: { roles: ['viewer'] },
    }),
  },
  'GET /v1/me/api-keys': { need: { kind: 'signed-in' }, prepare: () => ({}) },
  'POST /v1/me/api-keys': {
    need: perm('api_keys:create'),
    prepare: (c) => ({ body: { name: unique('key '), orgId: c.org } }),
  },
  'DELETE /v1/me/api-keys/{keyId}': {
    need: { kind: 'signed-in' },
    prepare: async (c) => ({
      params: { keyId: (await freshKey(c.t, (c.caller ?? c.world.root).user!.id)).id },
    }),
  },
  'GET /v1/organizations/{orgId}/api-keys': {
    need: perm('api_keys:manage'),
    prepare: (c) => ({ params: org(c) }),
  },
  'DELETE /v1/organizations/{orgId}/api-keys/{keyId}': {
    need: perm('api_keys:manage'),
    prepare: async (c) => {
      const owner = await freshMember(c.t, c.org);
      return { params: { ...org(c), keyId: (await freshKey(c.t, owner.id, c.org)).id } };
    },
  },
  'GET /v1/organizations/{orgId}/settings': {
    need: perm('settings:read'),
    prepare: (c) => ({ params: org(c) }),
  },
  'GET /v1/organizations/{orgId}/settings/effective': {
    need: perm('settings:read'),
    prepare: async (c) => ({ params: org(c), query: { userId: (await member(c)).userId } }),
  },
  'PUT /v1/organizations/{orgId}/settings/{key}': {
    need: perm('settings:update'),
    prepare: (c) => ({ params: { ...org(c), key: 'theme' }, body: { value: 'dark' } }),
  },
  'DELETE /v1/organizations/{orgId}/settings/{key}': {
    need: perm('settings:update'),
    prepare: async (c) => {
      const res = await c.world.root.request(`/v1/organizations/${c.org}/settings/theme`, {
        method: 'PUT',
        json: { value: 'light' },
      });
      if (res.status !== 200) throw new Error(`setting an override failed: ${res.status}`);
      return { params: { ...org(c), key: 'theme' } };
    },
  },
  'GET /v1/platform/settings': { need: { kind: 'platform-admin' }, prepare: () => ({}) },
  'GET /v1/platform/settings/{key}': {
    need: { kind: 'platform-admin' },
    prepare: () => ({ params: { key: 'theme' } }),
  },
  'PUT /v1/platform/settings/{key}': {
    need: { kind: 'platform-admin' },
    prepare: () => ({ params: { key: 'theme' }, body: { value: 'system' } }),
  },
  'DELETE /v1/platform/settings/{key}': {
    need: { kind: 'platform-admin' },
    prepare: () => ({ params: { key: 'theme' } }),
  },
  'GET /v1/me/settings': { need: { kind: 'visible' }, prepare: (c) => ({ query: org(c) }) },
};
