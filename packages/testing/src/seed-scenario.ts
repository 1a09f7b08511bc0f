import type { AclGrant } from '@orgkit/core';
import { type PasswordHasher, type Store, sha256 } from '@orgkit/server/portable';
import type { MockGrantSeed, OrgkitMockScenario } from './scenario.js';

/** The password of scenario users that name none. */
export const DEFAULT_MOCK_PASSWORD = 'password123';

const SYSTEM = { actorId: null, actorType: 'system' as const };
const date = (iso: string | undefined | null) => (iso ? new Date(iso) : undefined);

/**
 * Writes a scenario through the server's own store, in one transaction: users (with hashed
 * passwords), organizations parents first, memberships, groups, resources, grants, invitations
 * (their link secret stored hashed, as the server does) and audit history.
 */
export async function seedScenario(
  store: Store,
  scenario: OrgkitMockScenario,
  passwords: PasswordHasher,
): Promise<void> {
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (password: string) => {
    const found = hashes.get(password) ?? passwords.hash(password);
    hashes.set(password, found);
    return found;
  };
  await store.transaction(async (tx) => {
    for (const u of scenario.users) {
      await tx.users.create({
        id: u.id,
        email: u.email,
        name: u.name,
        status: u.status ?? 'active',
        platformAdmin: u.platformAdmin ?? false,
        passwordHash: await hashOf(u.password ?? DEFAULT_MOCK_PASSWORD),
        ...(u.createdAt ? { createdAt: new Date(u.createdAt) } : {}),
      });
      if (u.lastActiveAt) await tx.users.touchActivity(u.id, new Date(u.lastActiveAt));
    }
    const pending = [...scenario.organizations];
    const created = new Set<string>();
    while (pending.length > 0) {
      const index = pending.findIndex((o) => !o.parentId || created.has(o.parentId));
      if (index < 0) throw new Error('Scenario organizations name a parent that does not exist.');
      const [o] = pending.splice(index, 1);
      if (!o) break;
      await tx.organizations.create({
        id: o.id,
        name: o.name,
        slug: o.slug ?? o.id.replace(/^org_/, '').replace(/_/g, '-'),
        parentId: o.parentId ?? null,
        kind: o.kind ?? 'standard',
        ...(o.createdAt ? { createdAt: new Date(o.createdAt) } : {}),
      });
      created.add(o.id);
    }
    for (const m of scenario.memberships) {
      await tx.members.add(m.orgId, m.userId, m.roles, m.status ?? 'active', date(m.joinedAt));
    }
    for (const g of scenario.groups ?? []) {
      const group = await tx.groups.create({
        id: g.id,
        orgId: g.orgId,
        name: g.name,
        description: g.description ?? null,
      });
      if (g.roles?.length) await tx.groups.setRoles(group.id, g.roles);
      if (g.memberIds.length) await tx.groups.setMembers(group.id, g.memberIds);
    }
    for (const r of scenario.resources ?? []) {
      await tx.resources.upsert({
        orgId: r.orgId,
        type: r.type,
        id: r.id,
        parentId: r.parentId ?? null,
      });
    }
    const byResource = new Map<string, MockGrantSeed[]>();
    for (const g of scenario.grants ?? []) {
      const key = JSON.stringify([g.orgId, g.type, g.resourceId]);
      byResource.set(key, [...(byResource.get(key) ?? []), g]);
    }
    for (const grants of byResource.values()) {
      const [{ orgId, type, resourceId }] = grants as [MockGrantSeed];
      await tx.resources.replaceGrants(
        orgId,
        type,
        resourceId,
        grants.map(
          (g): AclGrant => ({
            resource: { type, id: resourceId },
            principal: g.principal,
            ...(g.actions ? { actions: g.actions } : {}),
            ...(g.role ? { role: g.role } : {}),
          }),
        ),
      );
    }
    for (const [i, inv] of (scenario.invitations ?? []).entries()) {
      const token = inv.token ?? `scenario-invitation-${i}-${inv.email}`;
      const invitation = await tx.invitations.create({
        ...(inv.id ? { id: inv.id } : {}),
        orgId: inv.orgId,
        email: inv.email,
        roles: [...(inv.roles ?? ['member'])],
        inviterId: inv.inviterId ?? null,
        tokenHash: await sha256(token),
        expiresAt: date(inv.expiresAt) ?? new Date(Date.now() + 7 * 24 * 3600 * 1000),
        ...(inv.createdAt ? { createdAt: new Date(inv.createdAt) } : {}),
      });
      if (inv.status && inv.status !== 'pending') {
        await tx.invitations.update(invitation.id, { status: inv.status });
      }
    }
    for (const e of scenario.auditEvents ?? []) {
      const actor = e.actorId ? { actorId: e.actorId, actorType: 'user' as const } : SYSTEM;
      await tx.audit.record(
        actor,
        {
          orgId: e.orgId,
          action: e.action,
          targetType: e.targetType ?? null,
          targetId: e.targetId ?? null,
          description: e.description,
          before: e.before,
          after: e.after,
        },
        date(e.createdAt),
      );
    }
  });
}
