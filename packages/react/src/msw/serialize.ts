import type { AuditRow, InvitationRow, MembershipRow, MockDb, OrgRow, UserRow } from './mock-db.js';

/** The API shapes, field for field as the server's `to*` functions. */
export const toUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  platformAdmin: u.platformAdmin,
  createdAt: u.createdAt.toISOString(),
});

export const toOrganization = (o: OrgRow) => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  parentId: o.parentId,
  kind: o.kind,
  createdAt: o.createdAt.toISOString(),
});

export function toMember(db: MockDb, m: MembershipRow) {
  const user = db.users.get(m.userId)!;
  return {
    userId: user.id,
    orgId: m.orgId,
    email: user.email,
    name: user.name,
    status: m.status === 'disabled' ? ('disabled' as const) : user.status,
    roles: [...m.roles].sort(),
    joinedAt: m.joinedAt.toISOString(),
    lastActiveAt: user.lastActiveAt?.toISOString() ?? null,
  };
}

export function invitationStatus(i: InvitationRow, now: Date) {
  return i.status === 'pending' && i.expiresAt <= now ? ('expired' as const) : i.status;
}

export const toInvitation = (i: InvitationRow, now: Date) => ({
  id: i.id,
  orgId: i.orgId,
  email: i.email,
  roles: [...i.roles],
  inviterId: i.inviterId,
  status: invitationStatus(i, now),
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});

export const toAuditEvent = (e: AuditRow, actor?: { name: string; email: string }) => ({
  id: e.id,
  orgId: e.orgId,
  actorId: e.actorId,
  actorType: e.actorType,
  actorName: actor?.name ?? null,
  actorEmail: actor?.email ?? null,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  description: e.description,
  before: e.before ?? null,
  after: e.after ?? null,
  ip: null,
  userAgent: null,
  createdAt: e.createdAt.toISOString(),
});
