import { ErrorCode as CoreErrorCode } from '@orgkit/core';

/**
 * Stable error codes of the server's problem+json responses: core's list plus the codes only the
 * HTTP layer produces. Values never change once published.
 */
export const ErrorCode = {
  ...CoreErrorCode,
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNKNOWN_QUERY_PARAMETER: 'UNKNOWN_QUERY_PARAMETER',
  FEATURE_DISABLED: 'FEATURE_DISABLED',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  SLUG_TAKEN: 'SLUG_TAKEN',
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  ROLE_KEY_TAKEN: 'ROLE_KEY_TAKEN',
  GROUP_NAME_TAKEN: 'GROUP_NAME_TAKEN',
  NOT_ORG_MEMBER: 'NOT_ORG_MEMBER',
  /** The account's address is not proven yet: open the activation link first. */
  ACTIVATION_REQUIRED: 'ACTIVATION_REQUIRED',
  /** The flow mails a link, and this server has no mail delivery configured. */
  MAIL_NOT_CONFIGURED: 'MAIL_NOT_CONFIGURED',
} as const;

/** One of the stable {@link ErrorCode} values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
