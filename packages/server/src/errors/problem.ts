import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ProblemExtras } from './api-error.js';
import type { ErrorCode } from './error-codes.js';

/** The media type of every error response. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Renders an RFC 9457 problem document. `type` is a stable URN built from the code. */
export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  detail: string,
  extras: ProblemExtras = {},
): Response {
  const body = {
    type: `urn:orgkit:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: c.req.path,
    ...extras,
  };
  // Through the context, so headers set before the error (a rotated session cookie) survive.
  c.header('content-disposition', undefined);
  return c.body(JSON.stringify(body), status, { 'content-type': PROBLEM_MEDIA_TYPE });
}
