import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ErrorCode } from './error-codes.js';

/** One invalid input field of a validation problem. */
export interface FieldError {
  /** Where the value came from: `json`, `query`, `param`, `header`, `cookie`. */
  readonly in: string;
  /** Dotted path of the field inside its source, e.g. `roles.0`. */
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** Fields of an RFC 9457 problem document beyond `type`/`title`/`status`. */
export interface ProblemExtras {
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

/**
 * An error a handler throws to answer with `application/problem+json`; the app's single
 * `onError` renders it. `code` is stable and machine-readable; `detail` is for humans.
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly extras: ProblemExtras;
  /** Response headers to send with the problem (e.g. `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    detail: string,
    extras: ProblemExtras = {},
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(status, { message: detail });
    this.name = 'ApiError';
    this.code = code;
    this.detail = detail;
    this.extras = extras;
    this.headers = headers;
  }
}

/** 404 for a missing resource, or one the caller may not know exists. */
export const notFound = (what = 'Resource'): ApiError =>
  new ApiError(404, ErrorCode.NOT_FOUND, `${what} not found.`);

/** 403 for an authenticated caller without the needed permission. */
export const forbidden = (detail = 'You do not have permission to do this.'): ApiError =>
  new ApiError(403, ErrorCode.FORBIDDEN, detail);

/** 401 for a request without valid credentials. */
export const unauthenticated = (detail = 'Sign in first.'): ApiError =>
  new ApiError(401, ErrorCode.UNAUTHENTICATED, detail);

/** 409 for a state conflict. */
export const conflict = (code: ErrorCode, detail: string, extras?: ProblemExtras): ApiError =>
  new ApiError(409, code, detail, extras);
