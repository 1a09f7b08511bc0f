/**
 * Stable error codes shared by core, the server's problem+json responses and the SDK.
 * Values never change once published; add new codes at the end of their group.
 */
export const ErrorCode = {
  // generic
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  // catalog and roles
  UNKNOWN_PERMISSION: 'UNKNOWN_PERMISSION',
  UNKNOWN_ROLE: 'UNKNOWN_ROLE',
  ROLE_CYCLE: 'ROLE_CYCLE',
  PRESET_ROLE_READONLY: 'PRESET_ROLE_READONLY',
  EXCLUSIVE_ROLE_CONFLICT: 'EXCLUSIVE_ROLE_CONFLICT',
  ROLE_NOT_ASSIGNABLE: 'ROLE_NOT_ASSIGNABLE',
  ROLE_IN_USE: 'ROLE_IN_USE',
  // invariants
  PERMISSION_ESCALATION: 'PERMISSION_ESCALATION',
  OWNER_REQUIRED: 'OWNER_REQUIRED',
  OWNER_CANNOT_BE_REMOVED: 'OWNER_CANNOT_BE_REMOVED',
  OWNER_CANNOT_BE_DISABLED: 'OWNER_CANNOT_BE_DISABLED',
  OWNER_CANNOT_BE_DEMOTED: 'OWNER_CANNOT_BE_DEMOTED',
  OWNER_ROLE_REQUIRES_TRANSFER: 'OWNER_ROLE_REQUIRES_TRANSFER',
  ONLY_OWNER_CAN_TRANSFER: 'ONLY_OWNER_CAN_TRANSFER',
  TRANSFER_TARGET_INVALID: 'TRANSFER_TARGET_INVALID',
  MEMBERSHIP_LIMIT: 'MEMBERSHIP_LIMIT',
  SETTING_LOCKED: 'SETTING_LOCKED',
  INVALID_SETTING_VALUE: 'INVALID_SETTING_VALUE',
  UNKNOWN_SETTING: 'UNKNOWN_SETTING',
  PERMISSION_SET_MISMATCH: 'PERMISSION_SET_MISMATCH',
  // auth and invitations
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  USER_DISABLED: 'USER_DISABLED',
  CSRF_REJECTED: 'CSRF_REJECTED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  INVITATION_EMAIL_MISMATCH: 'INVITATION_EMAIL_MISMATCH',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_CONFLICT',
  /** The invitation link was revoked by an admin (unknown links stay `TOKEN_INVALID`). */
  INVITATION_REVOKED: 'INVITATION_REVOKED',
  /** The invitation link was already accepted. */
  INVITATION_ALREADY_USED: 'INVITATION_ALREADY_USED',
} as const;

/** One of the stable {@link ErrorCode} values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The outcome of a rule check: checks return results instead of throwing. */
export type CheckResult<Extra extends object = object> =
  | { readonly ok: true }
  | ({ readonly ok: false; readonly code: ErrorCode; readonly message: string } & Partial<Extra>);

/** Error thrown by core only for programming mistakes (invalid catalog or role declarations). */
export class OrgkitDefinitionError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'OrgkitDefinitionError';
    this.code = code;
  }
}

/** Shorthand for a passing {@link CheckResult}. */
export const OK: { readonly ok: true } = Object.freeze({ ok: true as const });

/** Builds a failing {@link CheckResult}. */
export function fail<Extra extends object = object>(
  code: ErrorCode,
  message: string,
  extra?: Extra,
): CheckResult<Extra> {
  return { ok: false, code, message, ...(extra ?? {}) } as CheckResult<Extra>;
}
