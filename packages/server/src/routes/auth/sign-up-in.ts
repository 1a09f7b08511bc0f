import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { auditActor } from '../../audit/actor.js';
import { clearSessionCookies, sessionTokenFrom, startSession } from '../../auth/session-cookie.js';
import type { AppEnv } from '../../context.js';
import { ApiError } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { sha256 } from '../../lib/tokens.js';
import { requireMailDelivery } from '../../mail/mailer.js';
import { signUpExistingMail } from '../../mail/templates.js';
import { defineRoute, PUBLIC } from '../define-route.js';
import { createRouter, json, jsonBody, problems } from '../openapi.js';
import { EmailField, NameField, PasswordField, toUser, UserSchema } from '../schemas.js';
import { sendActivation } from './password-reset.js';

const SessionResponse = z.object({ user: UserSchema }).openapi('SessionResponse');

function requireBuiltin(mode: string) {
  if (mode !== 'builtin') {
    throw new ApiError(
      404,
      ErrorCode.FEATURE_DISABLED,
      'Password sign-in is disabled; sign in with the host application.',
    );
  }
}

/** 429 for an account locked after too many failed sign-ins. */
function tooManyAttempts(seconds: number): ApiError {
  return new ApiError(
    429,
    ErrorCode.RATE_LIMITED,
    `Too many failed sign-ins for this account; try again in ${seconds} s.`,
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
}

/** Sign-up, sign-in and sign-out with e-mail and password. */
export const signUpInRoutes = createRouter();

const signUp = defineRoute({
  operationId: 'signUp',
  method: 'post',
  path: '/auth/sign-up',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Create an account and sign in',
  description:
    'Creates an account with the given password and signs it in (sets the session cookie); answers 403 `FEATURE_DISABLED` when self sign-up is turned off. With e-mail verification on, answers `202` for every address, taken or not: a new account gets an activation link (no session until it is opened), the owner of a taken address a mail saying someone tried.',
  request: {
    body: jsonBody(z.strictObject({ email: EmailField, password: PasswordField, name: NameField })),
  },
  responses: {
    201: json(SessionResponse, 'Signed up; the session cookie is set'),
    202: json(
      z.object({ ok: z.literal(true) }).openapi('SignUpAccepted'),
      'E-mail verification is on: check the inbox of the address',
    ),
    ...problems(403, 404, 409, 503),
  },
});

signUpInRoutes.openapi(signUp, async (c) => {
  const { store, passwords, options } = c.var.deps;
  requireBuiltin(options.auth.mode);
  if (!options.auth.allowSignUp)
    throw new ApiError(403, ErrorCode.FEATURE_DISABLED, 'Sign-up is disabled.');
  const body = c.req.valid('json');
  if (options.auth.emailVerification) return verifiedSignUp(c, body);
  const passwordHash = await passwords.hash(body.password);
  const user = await store.transaction(async (tx) => {
    const existing = await tx.users.findByEmail(body.email);
    // An invited account without a password is completed by its invitation link, not here.
    if (existing)
      throw new ApiError(409, ErrorCode.EMAIL_TAKEN, 'An account with this e-mail already exists.');
    const created = await tx.users.create({ email: body.email, name: body.name, passwordHash });
    await tx.audit.record(auditActor(c, created.id), {
      action: 'user.signed_up',
      targetType: 'user',
      targetId: created.id,
      description: `${created.email} signed up`,
      after: { email: created.email, name: created.name },
    });
    await startSession(c, tx, created.id);
    return created;
  });
  return c.json({ user: toUser(user) }, 201);
});

/**
 * Sign-up while e-mail verification is on: the same answer, path and time for every address.
 * The password is hashed either way; the lookup, the account and the mail come after the answer.
 */
async function verifiedSignUp(
  c: Context<AppEnv>,
  body: { email: string; password: string; name: string },
) {
  const deps = c.var.deps;
  requireMailDelivery(deps.mailer);
  const passwordHash = await deps.passwords.hash(body.password);
  const actor = auditActor(c);
  deps.deferred.run('sign-up', async () => {
    const base = deps.options.baseUrl;
    await deps.store.transaction(async (tx) => {
      const existing = await tx.users.findByEmail(body.email);
      if (existing) {
        await deps.mailer.send(
          signUpExistingMail({
            to: existing.email,
            signInLink: `${base}/sign-in`,
            resetLink: `${base}/forgot-password`,
          }),
          tx,
        );
        return;
      }
      const created = await tx.users.create({
        email: body.email,
        name: body.name,
        passwordHash,
        activationRequired: true,
      });
      await tx.audit.record(
        { ...actor, actorId: created.id, actorType: 'user' },
        {
          action: 'user.signed_up',
          targetType: 'user',
          targetId: created.id,
          description: `${created.email} signed up (activation pending)`,
          after: { email: created.email, name: created.name },
        },
      );
      await sendActivation(deps, tx, created);
    });
  });
  return c.json({ ok: true as const }, 202);
}

const signIn = defineRoute({
  operationId: 'signIn',
  method: 'post',
  path: '/auth/sign-in',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Sign in with e-mail and password',
  description:
    'Always rotates the session token. Wrong e-mail and wrong password answer alike. Each account allows a few failures, then locks for a while, longer each time (429 with `Retry-After`), whichever addresses the attempts come from. An account whose address is not proven yet answers 403 `ACTIVATION_REQUIRED` (after a correct password only).',
  request: {
    body: jsonBody(z.strictObject({ email: EmailField, password: z.string().min(1).max(256) })),
  },
  responses: {
    200: json(SessionResponse, 'Signed in; the session cookie is set'),
    ...problems(403, 404),
  },
});

signUpInRoutes.openapi(signIn, async (c) => {
  const { store, passwords, options, rateLimiters } = c.var.deps;
  requireBuiltin(options.auth.mode);
  const { email, password } = c.req.valid('json');
  const limiter = rateLimiters.login;
  // Known and unknown addresses are counted alike, so a lock tells nothing about existence.
  const locked = limiter ? await limiter.lockedFor(email) : 0;
  if (locked > 0) throw tooManyAttempts(locked);
  const user = await store.users.findByEmail(email);
  let valid = false;
  if (user?.passwordHash) valid = await passwords.verify(user.passwordHash, password);
  else await passwords.burn(password);
  if (!user || !valid) {
    const lock = limiter ? await limiter.failed(email) : 0;
    if (lock > 0) throw tooManyAttempts(lock);
    throw new ApiError(401, ErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password.');
  }
  if (user.status === 'disabled')
    throw new ApiError(401, ErrorCode.USER_DISABLED, 'This account is disabled.');
  await limiter?.succeeded(email);
  if (user.activationRequired) {
    throw new ApiError(
      403,
      ErrorCode.ACTIVATION_REQUIRED,
      'Activate the account first with the link mailed to its address.',
    );
  }
  await store.transaction(async (tx) => {
    await startSession(c, tx, user.id);
    await tx.audit.record(auditActor(c, user.id), {
      action: 'user.signed_in',
      targetType: 'user',
      targetId: user.id,
      description: `${user.email} signed in`,
    });
  });
  return c.json({ user: toUser(user) }, 200);
});

const signOut = defineRoute({
  operationId: 'signOut',
  method: 'post',
  path: '/auth/sign-out',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Sign out (ends this session)',
  description:
    'Ends the session of the cookie it is called with and clears the session cookies. Other sessions of the account stay signed in.',
  responses: { 204: { description: 'Signed out; cookies cleared' }, ...problems(403) },
});

signUpInRoutes.openapi(signOut, async (c) => {
  const token = sessionTokenFrom(c);
  const principal = c.var.principal;
  await c.var.deps.store.transaction(async (tx) => {
    if (token) await tx.sessions.deleteByTokenHash(await sha256(token));
    if (principal?.method === 'session') {
      await tx.audit.record(auditActor(c), {
        action: 'user.signed_out',
        targetType: 'user',
        targetId: principal.user.id,
        description: `${principal.user.email} signed out`,
      });
    }
  });
  clearSessionCookies(c);
  return c.body(null, 204);
});
