import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { generateToken, sha256 } from '../lib/tokens.js';
import type { Store } from '../store/store.js';

/** Name of the double-submit CSRF cookie (readable by scripts, unlike the session cookie). */
export const CSRF_COOKIE = 'orgkit_csrf';
/** Header that must echo the CSRF cookie on cookie-authenticated writes without an Origin. */
export const CSRF_HEADER = 'x-orgkit-csrf';

function cookieOptions(c: Context<AppEnv>, maxAge: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: c.var.deps.options.production,
    maxAge,
  };
}

/** The session token presented by the request's cookie, if any. */
export function sessionTokenFrom(c: Context<AppEnv>): string | undefined {
  return getCookie(c, c.var.deps.options.auth.cookieName);
}

/** Sets the session and CSRF cookies for a fresh token. */
export function setSessionCookies(c: Context<AppEnv>, token: string): void {
  const maxAge = c.var.deps.options.auth.sessionTtlSeconds;
  setCookie(c, c.var.deps.options.auth.cookieName, token, cookieOptions(c, maxAge));
  setCookie(c, CSRF_COOKIE, generateToken(16), { ...cookieOptions(c, maxAge), httpOnly: false });
}

/** Clears the session and CSRF cookies. */
export function clearSessionCookies(c: Context<AppEnv>): void {
  const secure = c.var.deps.options.production;
  deleteCookie(c, c.var.deps.options.auth.cookieName, { path: '/', secure });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure });
}

/**
 * Starts a session for `userId`: a new random token (only its hash is stored) in a new cookie.
 * A session presented by the request is deleted first, so signing in always rotates the token.
 * Signing in (sign-in, sign-up, accepting an invitation) counts as activity: the user's
 * `last_active_at` is set.
 */
export async function startSession(
  c: Context<AppEnv>,
  store: Store,
  userId: string,
): Promise<void> {
  const { options } = c.var.deps;
  const previous = sessionTokenFrom(c);
  if (previous) await store.sessions.deleteByTokenHash(await sha256(previous));
  const token = generateToken();
  await store.sessions.create({
    userId,
    tokenHash: await sha256(token),
    expiresAt: new Date(options.now().getTime() + options.auth.sessionTtlSeconds * 1000),
    lastSeenAt: options.now(),
    ip: c.var.clientIp,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
  });
  await store.users.touchActivity(userId, options.now());
  setSessionCookies(c, token);
}
