import { type CheckResult, ErrorCode, fail, OK } from '../errors/error-codes.js';

/** The role keys that carry ownership rules. Defaults match the Orgkit presets. */
export interface OwnershipRoles {
  readonly owner: string;
  /** The role the previous owner is given on transfer (by default the Admin role). */
  readonly formerOwner: string;
}

/** The Orgkit preset keys: `owner` and `admin`. */
export const DEFAULT_OWNERSHIP_ROLES: OwnershipRoles = { owner: 'owner', formerOwner: 'admin' };

/** A member as the ownership rules see it. */
export interface MemberRoles {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly status?: 'invited' | 'active' | 'disabled';
}

/** Exactly one member holds the owner role. */
export function checkSingleOwner(
  members: readonly MemberRoles[],
  roles: OwnershipRoles = DEFAULT_OWNERSHIP_ROLES,
): CheckResult<{ owners: string[] }> {
  const owners = members.filter((m) => m.roles.includes(roles.owner)).map((m) => m.userId);
  return owners.length === 1
    ? OK
    : fail(
        ErrorCode.OWNER_REQUIRED,
        `An organization has exactly one owner (found ${owners.length})`,
        {
          owners,
        },
      );
}

const isOwner = (m: MemberRoles, roles: OwnershipRoles) => m.roles.includes(roles.owner);

/** Nobody can remove the owner (not even themselves: transfer first). */
export function canRemoveMember(target: MemberRoles, roles = DEFAULT_OWNERSHIP_ROLES): CheckResult {
  return isOwner(target, roles)
    ? fail(
        ErrorCode.OWNER_CANNOT_BE_REMOVED,
        'The owner cannot be removed; transfer ownership first',
      )
    : OK;
}

/** Nobody can disable the owner. */
export function canDisableMember(
  target: MemberRoles,
  roles = DEFAULT_OWNERSHIP_ROLES,
): CheckResult {
  return isOwner(target, roles)
    ? fail(ErrorCode.OWNER_CANNOT_BE_DISABLED, 'The owner cannot be disabled')
    : OK;
}

/**
 * A role change may neither demote the owner nor create a second one: the owner role moves only
 * through {@link planOwnershipTransfer}.
 */
export function canChangeRoles(
  target: MemberRoles,
  nextRoles: readonly string[],
  roles = DEFAULT_OWNERSHIP_ROLES,
): CheckResult {
  const was = isOwner(target, roles);
  const will = nextRoles.includes(roles.owner);
  if (was && !will)
    return fail(
      ErrorCode.OWNER_CANNOT_BE_DEMOTED,
      'The owner cannot be demoted; transfer ownership instead',
    );
  if (!was && will)
    return fail(
      ErrorCode.OWNER_ROLE_REQUIRES_TRANSFER,
      'The owner role is given only by an ownership transfer',
    );
  return OK;
}

/** The role lists to store after a transfer. */
export interface OwnershipTransferPlan {
  readonly previousOwner: MemberRoles;
  readonly newOwner: MemberRoles;
}

/**
 * Plans an ownership transfer: only the current owner may transfer, to another active
 * member; the new owner gets the owner role, the old owner loses it and becomes `formerOwner`
 * (other roles kept on both sides).
 */
export function planOwnershipTransfer(
  actorId: string,
  currentOwner: MemberRoles,
  target: MemberRoles | undefined,
  roles = DEFAULT_OWNERSHIP_ROLES,
): CheckResult<{ plan: OwnershipTransferPlan }> & { plan?: OwnershipTransferPlan } {
  if (!isOwner(currentOwner, roles) || currentOwner.userId !== actorId) {
    return fail(ErrorCode.ONLY_OWNER_CAN_TRANSFER, 'Only the owner can transfer ownership');
  }
  if (
    !target ||
    target.userId === currentOwner.userId ||
    (target.status ?? 'active') !== 'active'
  ) {
    return fail(
      ErrorCode.TRANSFER_TARGET_INVALID,
      'Ownership goes to another active member of the organization',
    );
  }
  const keep = (list: readonly string[], drop: string) => list.filter((r) => r !== drop);
  const plan: OwnershipTransferPlan = {
    previousOwner: {
      ...currentOwner,
      roles: [...new Set([...keep(currentOwner.roles, roles.owner), roles.formerOwner])],
    },
    newOwner: {
      ...target,
      roles: [roles.owner, ...keep(keep(target.roles, roles.owner), roles.formerOwner)],
    },
  };
  return { ok: true, plan };
}
