import type { components } from './generated/schema.js';

/** The RFC 9457 problem document every Orgkit error response carries. */
export type Problem = components['schemas']['Problem'];

/** One invalid field of a validation problem. */
export type FieldProblem = NonNullable<Problem['errors']>[number];

/** `code` of an error raised by the client itself rather than the server. */
export const CLIENT_ERROR_CODES = {
  /** The request never got an answer (offline, DNS, CORS, server down). */
  NETWORK_ERROR: 'NETWORK_ERROR',
  /** The server answered with an error that is not problem+json (a proxy page, say). */
  UNEXPECTED_RESPONSE: 'UNEXPECTED_RESPONSE',
} as const;

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).status === 'number' &&
    typeof (value as Problem).title === 'string'
  );
}

/**
 * The one error type of the SDK: an error response (or a failed request) with the server's
 * problem+json body. `code` is the stable UPPER_SNAKE code to branch on; `fieldErrors` lists each
 * invalid field of a validation problem.
 */
export class OrgkitError extends Error {
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Stable error code, e.g. `FORBIDDEN`, `VALIDATION_FAILED`, `NETWORK_ERROR`. */
  readonly code: string;
  /** The problem document as received (or synthesized for client-side failures). */
  readonly problem: Problem;
  /** The response, when there was one. */
  readonly response: Response | undefined;

  constructor(problem: Problem, response?: Response, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'OrgkitError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code ?? CLIENT_ERROR_CODES.UNEXPECTED_RESPONSE;
    this.response = response;
  }

  /** Each invalid field of a validation problem (empty otherwise). */
  get fieldErrors(): readonly FieldProblem[] {
    return this.problem.errors ?? [];
  }

  /** Messages by field path, for forms. */
  fieldMessages(): Record<string, string> {
    return Object.fromEntries(this.fieldErrors.map((e) => [e.path, e.message]));
  }

  /** Builds the error for a non-2xx response from its (already parsed) body. */
  static fromResponse(response: Response, body: unknown): OrgkitError {
    if (isProblem(body)) return new OrgkitError(body, response);
    return new OrgkitError(
      {
        type: 'about:blank',
        title: response.statusText || 'Error',
        status: response.status,
        code: CLIENT_ERROR_CODES.UNEXPECTED_RESPONSE,
        detail:
          typeof body === 'string' && body.length > 0
            ? body.slice(0, 500)
            : `HTTP ${response.status}`,
      },
      response,
    );
  }

  /** Builds the error for a request that got no response. */
  static network(cause: unknown): OrgkitError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new OrgkitError(
      {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: CLIENT_ERROR_CODES.NETWORK_ERROR,
        detail,
      },
      undefined,
      { cause },
    );
  }
}

/** Type guard for {@link OrgkitError}. */
export function isOrgkitError(value: unknown): value is OrgkitError {
  return value instanceof OrgkitError;
}
