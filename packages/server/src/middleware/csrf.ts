import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { CSRF_COOKIE, CSRF_HEADER } from '../auth/session-cookie.js';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { safeEqual } from '../lib/tokens.js';

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;

/**
 * CSRF defence for cookie-authenticated writes. hono's `csrf()` only inspects form content
 * types, but a body-less cross-site POST (sign-out, resend) is also a "simple" request, so this
 * checks every unsafe method: a browser's `Origin` (or `Sec-Fetch-Site`) must be trusted; a
 * client that sends neither must echo the `orgkit_csrf` cookie in `x-orgkit-csrf`
 * (double submit). Bearer-authenticated requests carry no ambient credential and are exempt.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.test(c.req.method)) return next();
    const principal = c.var.principal;
    if (principal && principal.method !== 'session') return next();
    const reject = () => {
      throw new ApiError(403, ErrorCode.CSRF_REJECTED, 'Cross-site request rejected.');
    };
    const origin = c.req.header('origin');
    if (origin) {
      const { baseUrl, auth } = c.var.deps.options;
      const trusted =
        origin === new URL(c.req.url).origin ||
        origin === new URL(baseUrl).origin ||
        auth.trustedOrigins.includes(origin);
      if (!trusted) reject();
      return next();
    }
    const site = c.req.header('sec-fetch-site');
    if (site) {
      if (site !== 'same-origin' && site !== 'none') reject();
      return next();
    }
    if (principal) {
      const cookie = getCookie(c, CSRF_COOKIE);
      const header = c.req.header(CSRF_HEADER);
      if (!cookie || !header || !safeEqual(cookie, header)) reject();
    }
    return next();
  };
}
