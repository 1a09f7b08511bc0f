import { z } from '@hono/zod-openapi';
import { auditActor } from '../../audit/actor.js';
import type { ServerDeps } from '../../context.js';
import { ApiError } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { generateToken, sha256 } from '../../lib/tokens.js';
import { passwordResetMail } from '../../mail/templates.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import { defineRoute, PUBLIC } from '../define-route.js';
import { createRouter, json, jsonBody, problems } from '../openapi.js';
import { EmailField, PasswordField } from '../schemas.js';

/**
 * Issues a single-use reset link for `user` and mails it. Used by the public request route and by
 * admin-triggered resets.
 */
export async function sendPasswordReset(deps: ServerDeps, tx: Store, user: User): Promise<void> {
  const { options, mailer } = deps;
  const token = generateToken();
  const expiresAt = new Date(options.now().getTime() + options.auth.passwordResetTtlSeconds * 1000);
  await tx.users.createPasswordReset(user.id, await sha256(token), expiresAt);
  const link = `${options.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await mailer.send(passwordResetMail({ to: user.email, link, expiresAt }), tx);
}

/** Password reset: request a link by e-mail, then confirm with the token. */
export const passwordResetRoutes = createRouter();

const Accepted = z.object({ ok: z.literal(true) }).openapi('Accepted');

const requestReset = defineRoute({
  operationId: 'requestPasswordReset',
  method: 'post',
  path: '/auth/password-reset',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Request a password reset link',
  description: 'Answers the same whether or not the address has an account (no enumeration).',
  request: { body: jsonBody(z.strictObject({ email: EmailField })) },
  responses: {
    202: json(Accepted, 'If the account exists, a link was sent'),
    ...problems(404, 422),
  },
});

passwordResetRoutes.openapi(requestReset, async (c) => {
  const deps = c.var.deps;
  if (deps.options.auth.mode !== 'builtin') {
    throw new ApiError(
      404,
      ErrorCode.FEATURE_DISABLED,
      'Passwords are managed by the host application.',
    );
  }
  const { email } = c.req.valid('json');
  const user = await deps.store.users.findByEmail(email);
  if (user && user.status !== 'disabled') {
    await deps.store.transaction(async (tx) => {
      await sendPasswordReset(deps, tx, user);
      await tx.audit.record(auditActor(c), {
        action: 'user.password_reset_requested',
        targetType: 'user',
        targetId: user.id,
        description: `Password reset requested for ${user.email}`,
      });
    });
  }
  return c.json({ ok: true as const }, 202);
});

const confirmReset = defineRoute({
  operationId: 'confirmPasswordReset',
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags: ['auth'],
  security: PUBLIC,
  summary: 'Set a new password with a reset token',
  description: 'The token works once. Every session of the user is ended.',
  request: {
    body: jsonBody(z.strictObject({ token: z.string().min(10).max(200), password: PasswordField })),
  },
  responses: { 200: json(Accepted, 'Password changed'), ...problems(400, 404, 422) },
});

passwordResetRoutes.openapi(confirmReset, async (c) => {
  const deps = c.var.deps;
  if (deps.options.auth.mode !== 'builtin') {
    throw new ApiError(
      404,
      ErrorCode.FEATURE_DISABLED,
      'Passwords are managed by the host application.',
    );
  }
  const { token, password } = c.req.valid('json');
  const passwordHash = await deps.passwords.hash(password);
  await deps.store.transaction(async (tx) => {
    const userId = await tx.users.consumePasswordReset(await sha256(token), deps.options.now());
    if (!userId)
      throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This link is invalid, used or expired.');
    const user = await tx.users.findById(userId);
    if (!user || user.status === 'disabled') {
      throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This link is invalid, used or expired.');
    }
    // An invited user who resets a password has proven the address: the account becomes active.
    await tx.users.update(userId, { passwordHash, status: 'active' });
    await tx.sessions.deleteAllForUser(userId);
    await tx.audit.record(auditActor(c, userId), {
      action: 'user.password_reset',
      targetType: 'user',
      targetId: userId,
      description: `Password reset for ${user.email}`,
    });
  });
  return c.json({ ok: true as const }, 200);
});
