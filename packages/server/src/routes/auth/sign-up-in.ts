import { z } from '@hono/zod-openapi';
import { auditActor } from '../../audit/actor.js';
import { clearSessionCookies, sessionTokenFrom, startSession } from '../../auth/session-cookie.js';
import { ApiError } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { sha256 } from '../../lib/tokens.js';
import { defineRoute, PUBLIC } from '../define-route.js';
import { createRouter, json, jsonBody, problems } from '../openapi.js';
import { EmailField, NameField, PasswordField, toUser, UserSchema } from '../schemas.js';

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
    'Creates an active account with the given password and signs it in (sets the session cookie). Answers 403 `FEATURE_DISABLED` when self sign-up is turned off.',
  request: {
    body: jsonBody(z.strictObject({ email: EmailField, password: PasswordField, name: NameField })),
  },
  responses: {
    201: json(SessionResponse, 'Signed up; the session cookie is set'),
    ...problems(403, 404, 409, 422),
  },
});

signUpInRoutes.openapi(signUp, async (c) => {
  const { store, passwords, options } = c.var.deps;
  requireBuiltin(options.auth.mode);
  if (!options.auth.allowSignUp)
    throw new ApiError(403, ErrorCode.FEATURE_DISABLED, 'Sign-up is disabled.');
  const body = c.req.valid('json');
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

const signIn = defineRoute({
  operationId: 'signIn',
  method: 'post',
  path: '/auth/sign-in',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Sign in with e-mail and password',
  description: 'Always rotates the session token. Wrong e-mail and wrong password answer alike.',
  request: {
    body: jsonBody(z.strictObject({ email: EmailField, password: z.string().min(1).max(256) })),
  },
  responses: {
    200: json(SessionResponse, 'Signed in; the session cookie is set'),
    ...problems(401, 404, 422),
  },
});

signUpInRoutes.openapi(signIn, async (c) => {
  const { store, passwords, options } = c.var.deps;
  requireBuiltin(options.auth.mode);
  const { email, password } = c.req.valid('json');
  const user = await store.users.findByEmail(email);
  let valid = false;
  if (user?.passwordHash) valid = await passwords.verify(user.passwordHash, password);
  else await passwords.burn(password);
  if (!user || !valid)
    throw new ApiError(401, ErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password.');
  if (user.status === 'disabled')
    throw new ApiError(401, ErrorCode.USER_DISABLED, 'This account is disabled.');
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
