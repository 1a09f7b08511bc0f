import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.js';
import { ApiError } from './api-error.js';
import { ErrorCode } from './error-codes.js';
import { problemResponse } from './problem.js';

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.BAD_REQUEST;
    case 401:
      return ErrorCode.UNAUTHENTICATED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 404:
      return ErrorCode.NOT_FOUND;
    case 405:
      return ErrorCode.METHOD_NOT_ALLOWED;
    case 409:
      return ErrorCode.CONFLICT;
    case 413:
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case 415:
      return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    case 422:
      return ErrorCode.VALIDATION_FAILED;
    case 429:
      return ErrorCode.RATE_LIMITED;
    default:
      return ErrorCode.INTERNAL;
  }
}

/** The Postgres SQLSTATE of an error from pg or PGlite, possibly wrapped by Drizzle. */
function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Text Postgres cannot store or compare: NUL characters (`character_not_in_repertoire`,
 * 22021) and untranslatable characters (22P05). Found by the fuzzer in ids, filters and names.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/**
 * What the error log keeps of an unexpected error: its kind, SQLSTATE, message and stack, with
 * the query parameters a failed database call carries (passwords, tokens, e-mail addresses)
 * and the driver's `detail` (which quotes row values) left out.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  const redact = (text: string) => text.replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]');
  if (!(err instanceof Error)) return { type: typeof err };
  const cause = err.cause instanceof Error ? loggableError(err.cause) : undefined;
  return {
    type: err.name,
    ...(sqlState(err) ? { sqlState: sqlState(err) } : {}),
    message: redact(err.message),
    ...(err.stack ? { stack: redact(err.stack.replace(err.message, redact(err.message))) } : {}),
    ...(cause ? { cause } : {}),
  };
}

/**
 * The app's single error renderer: every thrown error becomes `application/problem+json`.
 * Unexpected errors are logged and answered with a generic 500 that leaks nothing.
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) {
    const res = problemResponse(
      c,
      err.status as ContentfulStatusCode,
      err.code,
      err.detail,
      err.extras,
    );
    for (const [name, value] of Object.entries(err.headers)) res.headers.set(name, value);
    return res;
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    // hono's JSON validator throws a bare 400 on unparsable bodies.
    return problemResponse(c, status, codeForStatus(status), err.message || 'Bad request.');
  }
  const state = sqlState(err);
  if (state && UNSTORABLE_TEXT.has(state)) {
    return problemResponse(
      c,
      400,
      ErrorCode.BAD_REQUEST,
      'The request contains characters that cannot be stored, such as NUL.',
    );
  }
  if (state === '23505') {
    // Two requests raced past the same existence check (same e-mail, slug, membership…).
    return problemResponse(
      c,
      409,
      ErrorCode.CONFLICT,
      'This conflicts with a concurrent change; retry.',
    );
  }
  const log = c.get('log');
  const logged = { err: loggableError(err), method: c.req.method, path: c.req.path };
  if (log) log.error(logged, 'unhandled error');
  else console.error(logged);
  return problemResponse(c, 500, ErrorCode.INTERNAL, 'Something went wrong on our side.');
};
