import { HttpResponse } from 'msw';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** One invalid field of a validation problem. */
export interface MockFieldError {
  readonly in: string;
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** Thrown inside mock handlers; rendered as the server renders its problems. */
export class MockProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extras: {
      readonly errors?: readonly MockFieldError[];
      readonly [extension: string]: unknown;
    } = {},
  ) {
    super(detail);
  }
}

/**
 * An `application/problem+json` response shaped like the server's (RFC 9457 with `code`), for
 * stories and tests that need a specific failure.
 *
 * @example
 * http.get('*\/v1/me/organizations', () => problemResponse(500, 'INTERNAL', 'Boom'))
 */
export function problemResponse(
  status: number,
  code: string,
  detail: string,
  options: {
    instance?: string;
    errors?: readonly MockFieldError[];
    [extension: string]: unknown;
  } = {},
): HttpResponse<string> {
  const body = {
    type: `urn:orgkit:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...options,
  };
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

export const notFound = (what = 'Resource') =>
  new MockProblem(404, 'NOT_FOUND', `${what} not found.`);
export const forbidden = (detail = 'You do not have permission to do this.') =>
  new MockProblem(403, 'FORBIDDEN', detail);
export const unauthenticated = (detail = 'Sign in first.') =>
  new MockProblem(401, 'UNAUTHENTICATED', detail);
export const conflict = (code: string, detail: string) => new MockProblem(409, code, detail);

/** A 422 naming each bad field. */
export function invalid(target: string, errors: readonly MockFieldError[]): MockProblem {
  const detail = `Invalid ${target}: ${errors.map((e) => e.path || '(root)').join(', ')}.`;
  return new MockProblem(422, 'VALIDATION_FAILED', detail, { errors });
}
