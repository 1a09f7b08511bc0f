import {
  type CheckResult,
  type CompiledRole,
  canChangeRoles,
  canDisableMember,
  canRemoveMember,
  checkMembershipPolicy,
  checkRoleAssignment,
  checkRoleEscalation,
  type MemberRoles,
  planOwnershipTransfer,
} from '@orgkit/core';
import type { MembershipRow, MockAccess, MockDb, UserRow } from './mock-db.js';
import { forbidden, MockProblem, notFound, unauthenticated } from './problem.js';

// The same status mapping as the server's access/decisions.ts.
const STATUS: Record<string, number> = {
  UNKNOWN_ROLE: 422,
  ROLE_NOT_ASSIGNABLE: 422,
  EXCLUSIVE_ROLE_CONFLICT: 422,
  PERMISSION_ESCALATION: 403,
  ONLY_OWNER_CAN_TRANSFER: 403,
  TRANSFER_TARGET_INVALID: 422,
  MEMBERSHIP_LIMIT: 409,
};

/** Throws a failed core check as the server's problem. */
export function assertOk(result: CheckResult<object>): void {
  if (result.ok) return;
  const { ok: _ok, code, message, ...extras } = result;
  throw new MockProblem(STATUS[code] ?? 409, code, message, extras);
}

/** 401 when anonymous. */
export function requireUser(user: UserRow | null): UserRow {
  if (!user) throw unauthenticated();
  return user;
}

/** 401 anonymous, 404 unknown or invisible org, 403 missing permission — as the server. */
export function requireOrgPermission(
  db: MockDb,
  user: UserRow | null,
  orgId: string,
  permission: string | readonly string[],
): MockAccess {
  const caller = requireUser(user);
  const access = db.access(caller, orgId);
  if (!access) throw notFound('Organization');
  const needed = typeof permission === 'string' ? [permission] : permission;
  if (!access.permissions.hasAll(needed)) {
    throw forbidden(`You need ${needed.join(' and ')} in this organization.`);
  }
  return access;
}

export function memberRoles(db: MockDb, m: MembershipRow): MemberRoles {
  const user = db.users.get(m.userId)!;
  const status = user.status === 'active' && m.status === 'disabled' ? 'disabled' : user.status;
  return { userId: user.id, roles: m.roles, status };
}

/** Roles must exist, be assignable to members, and give nothing the caller lacks. */
export function checkGrantableRoles(
  db: MockDb,
  access: MockAccess,
  roleKeys: readonly string[],
  changed: readonly string[] = roleKeys,
): void {
  const registry = db.model().registry;
  assertOk(checkRoleAssignment(registry, access.org.id, roleKeys, 'members'));
  const compiled = changed
    .map((key) => registry.get(key, access.org.id))
    .filter((r): r is CompiledRole<string> => r !== undefined);
  assertOk(checkRoleEscalation(access.permissions, compiled));
}

export const checkJoiningRoles = (roles: readonly string[]) =>
  assertOk(canChangeRoles({ userId: '', roles: [] }, roles));
export const checkRoleChange = (db: MockDb, m: MembershipRow, roles: readonly string[]) =>
  assertOk(canChangeRoles(memberRoles(db, m), roles));
export const checkRemoval = (db: MockDb, m: MembershipRow) =>
  assertOk(canRemoveMember(memberRoles(db, m)));
export const checkDisable = (db: MockDb, m: MembershipRow) =>
  assertOk(canDisableMember(memberRoles(db, m)));
export const checkJoin = (db: MockDb, currentOrgIds: readonly string[], orgId: string) =>
  assertOk(checkMembershipPolicy(db.membershipPolicy, currentOrgIds, orgId));

export function planTransfer(
  db: MockDb,
  actorId: string,
  current: MembershipRow | undefined,
  target: MembershipRow | undefined,
) {
  const result = planOwnershipTransfer(
    actorId,
    current ? memberRoles(db, current) : { userId: actorId, roles: [] },
    target && memberRoles(db, target),
  );
  assertOk(result);
  return result.plan!;
}
