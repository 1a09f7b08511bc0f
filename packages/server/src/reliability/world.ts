import { AccessModel } from '@orgkit/core';
import { agentControlCatalog, orgkitPresetRoles } from '@orgkit/core/presets';
import { createAccess } from '../access/access.js';
import { generateToken, sha256 } from '../lib/tokens.js';
import { Client, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';

/** The five preset roles every cell of the matrix is asked for. */
export const PRESET_ROLES = orgkitPresetRoles.map((r) => r.key);
export type PresetRole = (typeof PRESET_ROLES)[number];

/** Orgkit's presets over a catalog that also has an ACL-controlled type (`directories`). */
export const matrixCatalog = agentControlCatalog;
export function matrixAccess() {
  return createAccess({ catalog: matrixCatalog, presets: orgkitPresetRoles });
}

/**
 * The orgs a cell is asked about: `parent` (a partner where each role user holds their role),
 * `child` (a client under it), `sibling` (a second org where they hold the same role, the target
 * of moves) and `foreign` (an org they have nothing to do with).
 */
export interface Orgs {
  readonly parent: string;
  readonly child: string;
  readonly sibling: string;
  readonly foreign: string;
}

/** The shared world of the matrix and the fuzzer. */
export interface World extends Orgs {
  readonly root: Client;
  readonly users: Record<PresetRole, Client>;
}

let seq = 0;
/** A unique suffix for names, e-mails and keys made by fixtures. */
export const unique = (prefix: string) =>
  `${prefix}${(++seq).toString(36)}${Date.now().toString(36)}`;

/** Builds the world: a platform admin, the orgs and one user per preset role. */
export async function buildWorld(t: TestApp): Promise<World> {
  const root = await t.signedIn(`root-${unique('')}@matrix.test`, { platformAdmin: true });
  const orgs = await freshOrgs(t, root, await t.createOrg(root, 'Foreign'));
  const users = {} as Record<PresetRole, Client>;
  for (const role of PRESET_ROLES) {
    users[role] = await t.signedIn(`${role}-${unique('')}@matrix.test`);
    await addToOrgs(t, root, users[role], role, orgs);
  }
  // Ownership changes flag the sessions involved; the next request swaps their tokens. Settle
  // that now so that later "nothing changed" fingerprints are about the calls under test.
  for (const client of [root, ...Object.values(users)]) await client.request('/v1/auth/session');
  return { root, users, ...orgs };
}

/** A new parent, child and sibling (for cells whose call consumes the org). */
export async function freshOrgs(
  t: TestApp,
  root: Client,
  foreign: string,
  withChild = true,
): Promise<Orgs> {
  const parent = await t.createOrg(root, unique('Parent '), { kind: 'partner' });
  const child = withChild
    ? await t.createOrg(root, unique('Child '), { parentId: parent, kind: 'client' })
    : '';
  const sibling = await t.createOrg(root, unique('Sibling '), { kind: 'partner' });
  return { parent, child, sibling, foreign };
}

/**
 * Gives `user` the role in the parent and sibling orgs. The owner role is transferred to them by
 * `root` (who created the orgs), so each org keeps exactly one owner.
 */
export async function addToOrgs(t: TestApp, root: Client, user: Client, role: string, orgs: Orgs) {
  for (const orgId of [orgs.parent, orgs.sibling]) {
    if (role !== 'owner') {
      await t.store.members.add(orgId, user.user!.id, [role]);
      continue;
    }
    await t.store.members.add(orgId, user.user!.id, ['viewer']);
    const res = await root.request(`/v1/organizations/${orgId}/owner/transfer`, {
      json: { userId: user.user!.id },
    });
    if (res.status !== 200) throw new Error(`transfer failed: ${res.status} ${await res.text()}`);
  }
}

/** The same shape in core's in-memory model: what the expectations are computed from. */
export function worldModel(): AccessModel<string> {
  const orgs = [
    { id: 'parent', parentId: null, kind: 'partner' as const },
    { id: 'child', parentId: 'parent', kind: 'client' as const },
    { id: 'sibling', parentId: null, kind: 'partner' as const },
    { id: 'foreign', parentId: null },
  ];
  return new AccessModel<string>(matrixCatalog, orgkitPresetRoles, {
    orgs,
    users: PRESET_ROLES.map((role) => ({ id: role, status: 'active' as const })),
    memberships: PRESET_ROLES.flatMap((role) => [
      { orgId: 'parent', userId: role, roles: [role] },
      { orgId: 'sibling', userId: role, roles: [role] },
    ]),
  });
}

/** A user who is an active member of `orgId` with `roles` (no password, no session). */
export async function freshMember(t: TestApp, orgId: string, roles: string[] = ['viewer']) {
  const user = await t.store.users.create({
    email: `${unique('m')}@matrix.test`,
    name: unique('Member '),
  });
  await t.store.members.add(orgId, user.id, roles);
  return user;
}

/** A pending invitation from `inviter` and its token. */
export async function freshInvitation(t: TestApp, orgId: string, inviter: Client, email?: string) {
  const token = generateToken();
  const invitation = await t.store.invitations.create({
    orgId,
    email: email ?? `${unique('i')}@matrix.test`,
    roles: ['viewer'],
    inviterId: inviter.user!.id,
    tokenHash: await sha256(token),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { id: invitation.id, token };
}

/** An API key of `userId`, optionally bound to an org. */
export async function freshKey(t: TestApp, userId: string, orgId?: string) {
  const prefix = generateToken(6);
  const secret = `ok_${prefix}_${generateToken()}`;
  const row = await t.store.users.createApiKey({
    userId,
    name: unique('key '),
    prefix,
    hash: await sha256(secret),
    orgId: orgId ?? null,
  });
  return { id: row.id, secret };
}

/** A second session of the same user (sign-in, sign-out and accept replace the one presented). */
export async function freshSession(t: TestApp, email: string): Promise<Client> {
  const client = t.client();
  const res = await client.request('/v1/auth/sign-in', {
    json: { email, password: TEST_PASSWORD },
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  client.user = await t.store.users.findByEmail(email);
  return client;
}

export { Client };
