import { type CheckResult, ErrorCode, fail, OK } from '../errors/error-codes.js';

/** Some products allow one org per user; others many (with an org switcher at sign-in). */
export type MembershipPolicy = 'single' | 'multiple';

/** May a user who is in `currentOrgIds` join `joiningOrgId` under the platform's policy? */
export function checkMembershipPolicy(
  policy: MembershipPolicy,
  currentOrgIds: readonly string[],
  joiningOrgId: string,
): CheckResult {
  if (policy === 'multiple' || currentOrgIds.every((id) => id === joiningOrgId)) return OK;
  return fail(
    ErrorCode.MEMBERSHIP_LIMIT,
    'A user can belong to only one organization on this platform',
  );
}
