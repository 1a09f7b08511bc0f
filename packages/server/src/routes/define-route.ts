import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError, unauthenticated } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { type ApiTag, type ProblemStatus, problems } from './openapi.js';

/** Security requirement of an operation anyone may call: declared as `security: []`. */
export const PUBLIC: Record<string, string[]>[] = [];

/** What every operation must say about itself, beyond a plain route config. */
interface OperationFields {
  /** Unique, stable name of the operation (the SDK's and tools' handle on it). */
  readonly operationId: string;
  /** One or more of the declared {@link ApiTag}s. */
  tags: [ApiTag, ...ApiTag[]];
  readonly summary: string;
  /** `AUTHENTICATED`, or `PUBLIC` for operations open to anonymous callers. */
  readonly security: Record<string, string[]>[];
}

type OperationConfig<P extends string> = Omit<RouteConfig, 'path' | 'tags'> & {
  path: P;
} & OperationFields;

/**
 * The problem responses the app's shared layers can give on any operation, so each one is
 * declared where it applies instead of route by route:
 * - 400: an unknown query parameter, a body that is not JSON, text that cannot be stored;
 * - 401: a malformed or invalid `Authorization` header (on every operation), or no caller;
 * - 403: a rejected cross-site write (every unsafe method);
 * - 404: a path naming something that does not exist;
 * - 409: a write that lost a race with a concurrent one (a unique value taken meanwhile);
 * - 413: a body over the size limit; 415: a body that is not `application/json`;
 * - 422: input that fails its schema; 429: a rate limit.
 */
function sharedProblemStatuses(route: OperationConfig<string>): ProblemStatus[] {
  const statuses: ProblemStatus[] = [400, 401, 429];
  const unsafe = route.method !== 'get' && route.method !== 'head';
  if (unsafe) statuses.push(403, 409, 413);
  if (route.request?.params) statuses.push(404);
  if (route.request?.body) statuses.push(415);
  if (route.request?.params || route.request?.query || route.request?.body) statuses.push(422);
  return statuses;
}

/** The parameter names a query schema accepts. */
function queryKeys(schema: z.ZodType | undefined): ReadonlySet<string> {
  let inner: unknown = schema;
  while (inner instanceof z.ZodPipe) inner = inner.in;
  return new Set(inner instanceof z.ZodObject ? Object.keys(inner.shape) : []);
}

/** Anonymous callers of an authenticated operation get 401 before any input is looked at. */
const requireSignedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.principal) throw unauthenticated();
  await next();
};

/** Rejects query parameters the operation does not declare (a misspelt filter is not ignored). */
function declaredQueryOnly(allowed: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const unknown = [...new Set(new URL(c.req.url).searchParams.keys())].filter(
      (key) => !allowed.has(key),
    );
    if (unknown.length > 0) {
      throw new ApiError(
        400,
        ErrorCode.UNKNOWN_QUERY_PARAMETER,
        `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
        {
          errors: unknown.map((path) => ({
            in: 'query',
            path,
            message: 'Unknown query parameter',
            code: 'unrecognized_keys',
          })),
        },
      );
    }
    await next();
  };
}

/**
 * Defines one operation of the API: a zod-openapi route that always has an `operationId`, a
 * declared tag and an explicit security requirement, declares every problem response the shared
 * layers can give, checks the caller before its input, and rejects undeclared query parameters.
 */
export function defineRoute<P extends string, R extends OperationConfig<P>>(route: R) {
  const own = route.middleware ?? [];
  const middleware = [
    ...(route.security.length > 0 ? [requireSignedIn] : []),
    declaredQueryOnly(queryKeys(route.request?.query)),
    ...(Array.isArray(own) ? own : [own]),
  ];
  return createRoute<P, R>({
    ...route,
    middleware,
    responses: { ...problems(...sharedProblemStatuses(route)), ...route.responses },
  });
}
