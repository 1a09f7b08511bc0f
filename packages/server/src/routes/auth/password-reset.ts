import { z } from '@hono/zod-openapi';
import { auditActor } from '../../audit/actor.js';
import type { ServerDeps } from '../../context.js';
import { ApiError } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { generateToken, sha256 } from '../../lib/tokens.js';
import { requireMailDelivery } from '../../mail/mailer.js';
import { activationMail, passwordResetMail } from '../../mail/templates.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import { defineRoute, PUBLIC } from '../define-route.js';
import { createRouter, json, jsonBody, problems } from '../openapi.js';
import { EmailField, PasswordField } from '../schemas.js';

/**
 * Issues a single-use reset link for `user` and mails it. Used by the public request route and by
 * admin-triggered resets. Opening it also proves the address (it activates the account).
 */
export async function sendPasswordReset(deps: ServerDeps, tx: Store, user: User): Promise<void> {
  const { options, mailer } = deps;
  const token = generateToken();
  const expiresAt = new Date(options.now().getTime() + options.auth.passwordResetTtlSeconds * 1000);
  await tx.users.createPasswordReset(user.id, await sha256(token), expiresAt);
  const link = `${options.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await mailer.send(passwordResetMail({ to: user.email, link, expiresAt }), tx);
}

/**
 * Mails `user` a single-use activation link: an account whose address is not proven (created
 * by an admin, or signed up while e-mail verification is on) works only once it is opened.
 */
export async function sendActivation(deps: ServerDeps, tx: Store, user: User): Promise<void> {
  const { options, mailer } = deps;
  const token = generateToken();
  const expiresAt = new Date(options.now().getTime() + options.auth.activationTtlSeconds * 1000);
  await tx.users.createPasswordReset(user.id, await sha256(token), expiresAt, 'activation');
  const link = `${options.baseUrl}/activate?token=${encodeURIComponent(token)}`;
  await mailer.send(activationMail({ to: user.email, link, expiresAt }), tx);
}

/** 404 `FEATURE_DISABLED` when the host application manages passwords. */
function requireBuiltinPasswords(mode: string): void {
  if (mode !== 'builtin') {
    throw new ApiError(
      404,
      ErrorCode.FEATURE_DISABLED,
      'Passwords are managed by the host application.',
    );
  }
}

/** Password reset: request a link by e-mail, then confirm with the token; account activation. */
export const passwordResetRoutes = createRouter();

const Accepted = z.object({ ok: z.literal(true) }).openapi('Accepted');

const PasswordChanged = z
  .object({
    ok: z.literal(true),
    sessionsEnded: z.number().int().openapi({ description: 'Sessions signed out everywhere' }),
    apiKeysRevoked: z.number().int().openapi({ description: 'API keys of the account revoked' }),
  })
  .openapi('PasswordChanged');

const requestReset = defineRoute({
  operationId: 'requestPasswordReset',
  method: 'post',
  path: '/auth/password-reset',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Request a password reset link',
  description:
    'Answers the same, along the same path and in the same time, whether or not the address has an account: the lookup and the mail happen after the answer.',
  request: { body: jsonBody(z.strictObject({ email: EmailField })) },
  responses: {
    202: json(Accepted, 'If the account exists, a link is being sent'),
    ...problems(404, 503),
  },
});

passwordResetRoutes.openapi(requestReset, async (c) => {
  const deps = c.var.deps;
  requireBuiltinPasswords(deps.options.auth.mode);
  requireMailDelivery(deps.mailer);
  const { email } = c.req.valid('json');
  const actor = auditActor(c);
  deps.deferred.run('password reset', async () => {
    const user = await deps.store.users.findByEmail(email);
    if (!user || user.status === 'disabled') return;
    await deps.store.transaction(async (tx) => {
      await sendPasswordReset(deps, tx, user);
      await tx.audit.record(actor, {
        action: 'user.password_reset_requested',
        targetType: 'user',
        targetId: user.id,
        description: `Password reset requested for ${user.email}`,
      });
    });
  });
  return c.json({ ok: true as const }, 202);
});

const confirmReset = defineRoute({
  operationId: 'confirmPasswordReset',
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Set a new password with a reset token',
  description:
    'The token works once. Every session of the account is ended and every API key revoked (the answer says how many), so nothing issued under the old password survives it. Opening the link also proves the address.',
  request: {
    body: jsonBody(z.strictObject({ token: z.string().min(10).max(200), password: PasswordField })),
  },
  responses: { 200: json(PasswordChanged, 'Password changed'), ...problems(404) },
});

passwordResetRoutes.openapi(confirmReset, async (c) => {
  const deps = c.var.deps;
  requireBuiltinPasswords(deps.options.auth.mode);
  const { token, password } = c.req.valid('json');
  const passwordHash = await deps.passwords.hash(password);
  const ended = await deps.store.transaction(async (tx) => {
    const userId = await tx.users.consumePasswordReset(await sha256(token), deps.options.now());
    if (!userId)
      throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This link is invalid, used or expired.');
    const user = await tx.users.findById(userId);
    if (!user || user.status === 'disabled') {
      throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This link is invalid, used or expired.');
    }
    // Whoever opened the mailed link has proven the address: the account becomes active.
    await tx.users.update(userId, { passwordHash, status: 'active', activationRequired: false });
    const sessionsEnded = await tx.sessions.deleteAllForUser(userId);
    const apiKeysRevoked = await tx.users.revokeAllApiKeys(userId, deps.options.now());
    await tx.audit.record(auditActor(c, userId), {
      action: 'user.password_reset',
      targetType: 'user',
      targetId: userId,
      description: `Password reset for ${user.email}: ${sessionsEnded} session(s) ended, ${apiKeysRevoked} API key(s) revoked`,
      after: { sessionsEnded, apiKeysRevoked },
    });
    return { sessionsEnded, apiKeysRevoked };
  });
  return c.json({ ok: true as const, ...ended }, 200);
});

const activate = defineRoute({
  operationId: 'activateAccount',
  method: 'post',
  path: '/auth/activate',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Activate an account with the link mailed to its address',
  description:
    'Accounts made by an admin, and sign-ups while e-mail verification is on, cannot sign in or create API keys until this is done. The token works once.',
  request: { body: jsonBody(z.strictObject({ token: z.string().min(10).max(200) })) },
  responses: { 200: json(Accepted, 'Activated; sign in now'), ...problems(404) },
});

passwordResetRoutes.openapi(activate, async (c) => {
  const deps = c.var.deps;
  requireBuiltinPasswords(deps.options.auth.mode);
  const { token } = c.req.valid('json');
  await deps.store.transaction(async (tx) => {
    const userId = await tx.users.consumePasswordReset(
      await sha256(token),
      deps.options.now(),
      'activation',
    );
    const user = userId ? await tx.users.findById(userId) : undefined;
    if (!user || user.status === 'disabled') {
      throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This link is invalid, used or expired.');
    }
    await tx.users.update(user.id, { activationRequired: false });
    await tx.audit.record(auditActor(c, user.id), {
      action: 'user.activated',
      targetType: 'user',
      targetId: user.id,
      description: `${user.email} proved the address and activated the account`,
    });
  });
  return c.json({ ok: true as const }, 200);
});
