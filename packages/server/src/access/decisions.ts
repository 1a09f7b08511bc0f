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
  type MembershipPolicy,
  planOwnershipTransfer,
} from '@orgkit/core';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { effectiveMemberStatus, type MemberRecord } from '../store/members.js';
import type { OrgAccess, Permission } from './access.js';

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  [ErrorCode.UNKNOWN_ROLE]: 422,
  [ErrorCode.ROLE_NOT_ASSIGNABLE]: 422,
  [ErrorCode.EXCLUSIVE_ROLE_CONFLICT]: 422,
  [ErrorCode.PERMISSION_ESCALATION]: 403,
  [ErrorCode.ONLY_OWNER_CAN_TRANSFER]: 403,
  [ErrorCode.TRANSFER_TARGET_INVALID]: 422,
  [ErrorCode.MEMBERSHIP_LIMIT]: 409,
};

/** Throws the failed check as a problem (409 for invariants unless mapped otherwise). */
export function assertOk(result: CheckResult<object>): void {
  if (result.ok) return;
  const { ok: _ok, code, message, ...extras } = result;
  throw new ApiError(STATUS[code] ?? 409, code, message, extras);
}

/** The member as core's ownership rules see it. */
export function memberRoles(member: MemberRecord): MemberRoles {
  return { userId: member.user.id, roles: member.roles, status: effectiveMemberStatus(member) };
}

/**
 * May the caller hand out `roleKeys` in this org? Every key must exist and be assignable to
 * members (exclusive modules respected), and the caller must hold every permission the roles
 * give (escalation guard).
 */
export function checkGrantableRoles(
  access: OrgAccess,
  roleKeys: readonly string[],
  changed: readonly string[] = roleKeys,
): void {
  assertOk(checkRoleAssignment(access.registry, access.org.id, roleKeys, 'members'));
  // Adding or taking away a role both need its permissions: nobody edits a more powerful member.
  const compiled = changed
    .map((key) => access.registry.get(key, access.org.id))
    .filter((r): r is CompiledRole<Permission> => r !== undefined);
  assertOk(checkRoleEscalation(access.permissions, compiled));
}

/** A role change may neither demote the owner nor create a second one. */
export function checkRoleChange(target: MemberRecord, nextRoles: readonly string[]): void {
  assertOk(canChangeRoles(memberRoles(target), nextRoles));
}

/** Roles for someone joining: the owner role is only ever given by a transfer. */
export function checkJoiningRoles(roleKeys: readonly string[]): void {
  assertOk(canChangeRoles({ userId: '', roles: [] }, roleKeys));
}

/** Nobody removes the owner. */
export function checkRemoval(target: MemberRecord): void {
  assertOk(canRemoveMember(memberRoles(target)));
}

/** Nobody disables the owner. */
export function checkDisable(target: MemberRecord): void {
  assertOk(canDisableMember(memberRoles(target)));
}

/** May a user in `currentOrgIds` join `orgId` under the platform policy? */
export function checkJoin(
  policy: MembershipPolicy,
  currentOrgIds: readonly string[],
  orgId: string,
): void {
  assertOk(checkMembershipPolicy(policy, currentOrgIds, orgId));
}

/** Plans an ownership transfer, or throws why it is refused. */
export function planTransfer(
  actorId: string,
  currentOwner: MemberRecord,
  target: MemberRecord | undefined,
) {
  const result = planOwnershipTransfer(
    actorId,
    memberRoles(currentOwner),
    target && memberRoles(target),
  );
  assertOk(result);
  return result.plan!;
}

/** The owner role key (core's default ownership roles). */
export const OWNER_ROLE = 'owner';
