import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { ErrorCode } from '../errors/error-codes.js';
import { problemResponse } from '../errors/problem.js';
import type { Limiter, RateLimitDecision, RateLimiters } from '../rate-limit/rate-limiter.js';

/** Routes limited per client IP: the ones that take credentials or tokens. */
const AUTH_PATHS = /^\/v1\/(auth\/|invitations\/accept)/;

function setHeaders(c: Context, d: RateLimitDecision): void {
  c.header('RateLimit-Limit', String(d.limit));
  c.header('RateLimit-Remaining', String(d.remaining));
  c.header('RateLimit-Reset', String(d.resetSeconds));
  c.header('RateLimit-Policy', `${d.limit};w=${d.windowSeconds}`);
}

function tooMany(c: Context, d: RateLimitDecision, what: string): Response {
  const res = problemResponse(
    c,
    429,
    ErrorCode.RATE_LIMITED,
    `Too many requests ${what}; retry in ${d.resetSeconds} s.`,
    {
      retryAfterSeconds: d.resetSeconds,
    },
  );
  res.headers.set('Retry-After', String(d.resetSeconds));
  res.headers.set('RateLimit-Limit', String(d.limit));
  res.headers.set('RateLimit-Remaining', '0');
  res.headers.set('RateLimit-Reset', String(d.resetSeconds));
  res.headers.set('RateLimit-Policy', `${d.limit};w=${d.windowSeconds}`);
  return res;
}

async function apply(
  c: Context,
  limiter: Limiter,
  key: string,
  what: string,
  next: () => Promise<void>,
) {
  const decision = await limiter.consume(key);
  if (!decision.allowed) return tooMany(c, decision, what);
  // Before next(): headers set once the response exists make Hono copy it into a streamed body,
  // which halved the throughput of every API-key request.
  setHeaders(c, decision);
  await next();
  return undefined;
}

/**
 * Rate limits: per client IP on auth routes, per API key on
 * every route. Runs after authentication so the key is known. Answers 429 problem+json with
 * `Retry-After`; successful responses carry `RateLimit-*` headers.
 */
export function rateLimit(limiters: RateLimiters): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.var.principal;
    if (principal?.method === 'api_key' && limiters.apiKey) {
      return apply(c, limiters.apiKey, principal.apiKey.id, 'for this API key', next);
    }
    if (limiters.auth && AUTH_PATHS.test(c.req.path) && c.req.method !== 'GET') {
      return apply(c, limiters.auth, c.var.clientIp ?? 'unknown', 'from this address', next);
    }
    await next();
  };
}
