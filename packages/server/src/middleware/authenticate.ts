import type { MiddlewareHandler } from 'hono';
import type { ExternalJwtVerifier } from '../auth/external-jwt.js';
import {
  clearSessionCookies,
  sessionTokenFrom,
  setSessionCookies,
} from '../auth/session-cookie.js';
import {
  idleCheckFloorMs,
  idleTimeoutMs,
  SESSION_SEEN_INTERVAL_MS,
} from '../auth/session-timeout.js';
import type { AppEnv, Principal } from '../context.js';
import { ApiError, unauthenticated } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { generateToken, sha256 } from '../lib/tokens.js';

/** Prefix of Orgkit API keys: `ok_<prefix>_<secret>`. */
export const API_KEY_PREFIX = 'ok_';

const API_KEY_TOUCH_INTERVAL_MS = 60_000;
/** How long a rotated session token keeps working for requests already in flight. */
const ROTATION_GRACE_MS = 20_000;

/**
 * A user's last activity (`users.last_active_at`) is written at most this often: "last active"
 * is shown to the minute or coarser, and a write per request would lock the user's row and flush
 * the WAL on every call.
 */
export const ACTIVITY_TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * Resolves the caller into `c.var.principal`: `Authorization: Bearer ok_…` API keys, host JWTs in
 * external mode, or the session cookie. A bad bearer credential is a 401 (never a silent fallback
 * to the cookie); a bad cookie just leaves the request anonymous. Disabled users are anonymous.
 */
export function authenticate(verifyJwt?: ExternalJwtVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', null);
    const { store, options } = c.var.deps;
    const now = options.now();
    const authorization = c.req.header('authorization');
    if (authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (!token) throw unauthenticated('Malformed Authorization header.');
      const principal = await bearerPrincipal(token);
      c.set('principal', principal);
      await touchActivity(principal.user);
      return next();
    }
    const token = sessionTokenFrom(c);
    if (token) {
      const found = await store.sessions.findValid(await sha256(token), now);
      if (!found || found.user.status === 'disabled' || found.user.activationRequired) {
        if (found) await store.sessions.deleteAllForUser(found.user.id);
        clearSessionCookies(c);
      } else if (await idleTooLong(found.session)) {
        await store.sessions.delete(found.session.id);
        clearSessionCookies(c);
      } else {
        let session = found.session;
        if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_SEEN_INTERVAL_MS) {
          await store.sessions.touchSeen(
            session.id,
            now,
            new Date(now.getTime() - SESSION_SEEN_INTERVAL_MS),
          );
        }
        if (session.rotate) {
          // Privileges changed since the token was issued: swap it (session fixation defence).
          // The old token stays valid for a few seconds for requests already in flight. The new
          // token ends when the old one would have: rotation never extends a session's lifetime.
          const fresh = generateToken();
          const graceUntil = new Date(now.getTime() + ROTATION_GRACE_MS);
          const freshHash = await sha256(fresh);
          const rotated = await store.transaction((tx) =>
            tx.sessions.rotate(session, freshHash, session.expiresAt, graceUntil, now),
          );
          if (rotated) {
            session = rotated;
            setSessionCookies(c, fresh);
          }
        }
        c.set('principal', { method: 'session', user: found.user, session });
        await touchActivity(found.user);
      }
    }
    return next();

    /** Has the session been idle longer than the user's orgs and the platform allow? */
    async function idleTooLong(session: { userId: string; lastSeenAt: Date }) {
      const idle = now.getTime() - session.lastSeenAt.getTime();
      const floor = idleCheckFloorMs(options.settings);
      if (floor === undefined || idle < floor) return false;
      const timeout = await idleTimeoutMs(store, options.settings, session.userId);
      return timeout !== undefined && idle >= timeout;
    }

    /** Marks the user active when the stored time is older than the interval (or unset). */
    async function touchActivity(user: { id: string; lastActiveAt: Date | null }) {
      const last = user.lastActiveAt?.getTime();
      if (last !== undefined && now.getTime() - last < ACTIVITY_TOUCH_INTERVAL_MS) return;
      await store.users.touchActivity(
        user.id,
        now,
        new Date(now.getTime() - ACTIVITY_TOUCH_INTERVAL_MS),
      );
    }

    async function bearerPrincipal(token: string): Promise<Principal> {
      if (token.startsWith(API_KEY_PREFIX)) {
        const found = await store.users.findApiKeyByHash(await sha256(token));
        if (!found || found.key.revokedAt || (found.key.expiresAt && found.key.expiresAt <= now)) {
          throw unauthenticated('Invalid API key.');
        }
        if (found.user.status !== 'active') {
          throw new ApiError(401, ErrorCode.USER_DISABLED, 'This account is disabled.');
        }
        if (found.user.activationRequired) {
          throw new ApiError(
            401,
            ErrorCode.ACTIVATION_REQUIRED,
            'This account has not been activated from its e-mail address yet.',
          );
        }
        if (found.key.orgId) {
          // An org-bound key dies with its org, and with its user's membership there when an
          // admin disables it; removal leaves nothing to act on (404s).
          const [org, membership] = await Promise.all([
            store.organizations.findById(found.key.orgId),
            store.members.get(found.key.orgId, found.user.id),
          ]);
          if (!org) throw unauthenticated('Invalid API key.');
          if (membership?.status === 'disabled') {
            throw new ApiError(401, ErrorCode.USER_DISABLED, 'This membership is disabled.');
          }
        }
        // Last use is kept to the minute: writing it on every request would put a row lock
        // and a WAL flush on the hot path of every API call.
        const lastUsed = found.key.lastUsedAt?.getTime();
        if (lastUsed === undefined || now.getTime() - lastUsed >= API_KEY_TOUCH_INTERVAL_MS) {
          await store.users.touchApiKey(found.key.id, now);
        }
        return { method: 'api_key', user: found.user, apiKey: found.key };
      }
      if (!verifyJwt) throw unauthenticated('Invalid bearer token.');
      const identity = await verifyJwt(token);
      if (!identity) throw unauthenticated('Invalid or expired token.');
      let user = await store.users.findByExternalSubject(identity.subject);
      if (!user) {
        // First sight: link to an existing account with the same e-mail, or create one.
        const byEmail = await store.users.findByEmail(identity.email);
        user = byEmail
          ? await store.users.update(byEmail.id, { externalSubject: identity.subject })
          : await store.transaction(async (tx) => {
              const created = await tx.users.create({
                email: identity.email,
                name: identity.name,
                externalSubject: identity.subject,
              });
              await tx.audit.record(
                { actorId: created.id, actorType: 'user' },
                {
                  action: 'user.created',
                  targetType: 'user',
                  targetId: created.id,
                  description: `User ${created.email} created from an external token`,
                  after: { email: created.email, name: created.name },
                },
              );
              return created;
            });
      }
      if (!user || user.status === 'disabled') {
        throw new ApiError(401, ErrorCode.USER_DISABLED, 'This account is disabled.');
      }
      return { method: 'jwt', user };
    }
  };
}

/** The authenticated caller, or a 401. */
export function requirePrincipal(c: { var: AppEnv['Variables'] }): Principal {
  const principal = c.var.principal;
  if (!principal) throw unauthenticated();
  return principal;
}
