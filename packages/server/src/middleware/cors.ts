import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { CSRF_HEADER } from '../auth/session-cookie.js';
import type { AppEnv } from '../context.js';
import type { ResolvedOptions } from '../options.js';

/**
 * CORS for the configured origins only: an origin not in the list gets no CORS headers (the
 * browser then withholds the answer), and its cookie-authenticated writes are refused by the
 * CSRF defence, which trusts exactly the same list.
 */
export function corsPolicy(
  options: NonNullable<ResolvedOptions['cors']>,
): MiddlewareHandler<AppEnv> {
  const allowed = new Set(options.origins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: options.credentials,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['authorization', 'content-type', 'idempotency-key', CSRF_HEADER],
    exposeHeaders: [
      'x-request-id',
      'content-disposition',
      'retry-after',
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'RateLimit-Policy',
    ],
    maxAge: options.maxAgeSeconds,
  });
}
