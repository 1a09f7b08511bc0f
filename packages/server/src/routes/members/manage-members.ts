import { z } from '@hono/zod-openapi';
import type { Permission } from '../../access/access.js';
import {
  checkDisable,
  checkGrantableRoles,
  checkJoiningRoles,
  checkRemoval,
  checkRoleChange,
} from '../../access/decisions.js';
import { checkHeldLevels } from '../../access/groups.js';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { conflict, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { requireMailDelivery } from '../../mail/mailer.js';
import { idempotent } from '../../middleware/idempotency.js';
import { userScopeId } from '../../store/settings.js';
import { sendActivation, sendPasswordReset } from '../auth/password-reset.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrgParams } from '../organizations/schemas.js';
import { EmailField, NameField, PasswordField } from '../schemas.js';
import { MemberParams, MemberSchema, RolesField, toMember } from './schemas.js';

/** Changing members: create a user directly, update roles and status, remove, reset password. */
export const manageMemberRoutes = createRouter();

const createMember = defineRoute({
  operationId: 'createMember',
  method: 'post',
  path: '/organizations/{orgId}/members',
  tags: ['members'],
  summary: 'Create a user directly as a member',
  description:
    'The person must prove the address before the account can sign in or create API keys: with a password an activation link is e-mailed, without one the account is `invited` and a link to choose a password is. Existing accounts are invited instead. Honours `Idempotency-Key`.',
  security: AUTHENTICATED,
  middleware: [idempotent()] as const,
  request: {
    params: OrgParams,
    body: jsonBody(
      z.strictObject({
        email: EmailField,
        name: NameField,
        password: PasswordField.optional(),
        roles: RolesField,
      }),
    ),
  },
  responses: { 201: json(MemberSchema, 'Created'), ...problems(403, 409, 503) },
});

manageMemberRoutes.openapi(createMember, async (c) => {
  const { orgId } = c.req.valid('param');
  const body = c.req.valid('json');
  const deps = c.var.deps;
  requireMailDelivery(deps.mailer);
  const passwordHash = body.password ? await deps.passwords.hash(body.password) : null;
  const member = await deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'members:create', tx);
    checkJoiningRoles(body.roles);
    checkGrantableRoles(access, body.roles);
    if (await tx.users.findByEmail(body.email)) {
      throw conflict(
        ErrorCode.EMAIL_TAKEN,
        'This e-mail already has an account; invite it instead.',
      );
    }
    const user = await tx.users.create({
      email: body.email,
      name: body.name,
      passwordHash,
      status: passwordHash ? 'active' : 'invited',
      // Someone else chose this address (and maybe the password): it proves nothing yet.
      activationRequired: true,
    });
    await tx.members.add(orgId, user.id, body.roles);
    if (passwordHash) await sendActivation(deps, tx, user);
    else await sendPasswordReset(deps, tx, user);
    const created = (await tx.members.get(orgId, user.id))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'member.created',
      targetType: 'user',
      targetId: user.id,
      description: `User ${user.email} created with roles ${body.roles.join(', ') || '(none)'}`,
      after: toMember(created),
    });
    return created;
  });
  return c.json(toMember(member), 201);
});

const updateMember = defineRoute({
  operationId: 'updateMember',
  method: 'patch',
  path: '/organizations/{orgId}/members/{userId}',
  tags: ['members'],
  summary: "Change a member's roles or status",
  description:
    'Roles need `members:update` and may only give permissions the caller holds; the owner role moves only by transfer. Status needs `members:disable`; the owner cannot be disabled.',
  security: AUTHENTICATED,
  request: {
    params: MemberParams,
    body: jsonBody(
      z
        .strictObject({
          roles: RolesField.optional(),
          status: z.enum(['active', 'disabled']).optional(),
        })
        .refine((b) => b.roles !== undefined || b.status !== undefined, 'Give roles or status'),
    ),
  },
  responses: { 200: json(MemberSchema, 'Updated'), ...problems(403, 409) },
});

manageMemberRoutes.openapi(updateMember, async (c) => {
  const { orgId, userId } = c.req.valid('param');
  const body = c.req.valid('json');
  const needed: Permission[] = [];
  if (body.roles) needed.push('members:update');
  if (body.status) needed.push('members:disable');
  const updated = await c.var.deps.store.transaction(async (tx) => {
    await tx.organizations.lockForUpdate(orgId);
    const access = await requireOrgPermission(c, orgId, needed, tx);
    const before = await tx.members.get(orgId, userId);
    if (!before) throw notFound('Member');
    if (body.roles) {
      checkRoleChange(before, body.roles);
      const next = body.roles;
      const changed = [
        ...next.filter((r) => !before.roles.includes(r)),
        ...before.roles.filter((r) => !next.includes(r)),
      ];
      checkGrantableRoles(access, next, changed);
      await checkHeldLevels(tx, access, [userId], { directRoles: next });
      await tx.members.setRoles(orgId, userId, [...new Set(body.roles)]);
      await tx.sessions.requireRotation(userId);
    }
    if (body.status && body.status !== before.status) {
      if (body.status === 'disabled') checkDisable(before);
      await tx.members.setStatus(orgId, userId, body.status);
      await tx.sessions.requireRotation(userId);
    }
    const after = (await tx.members.get(orgId, userId))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: body.roles
        ? 'member.roles_updated'
        : `member.${body.status === 'disabled' ? 'disabled' : 'enabled'}`,
      targetType: 'user',
      targetId: userId,
      description: `Member ${after.user.email} updated`,
      before: toMember(before),
      after: toMember(after),
    });
    return after;
  });
  return c.json(toMember(updated), 200);
});

const removeMember = defineRoute({
  operationId: 'removeMember',
  method: 'delete',
  path: '/organizations/{orgId}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member from the organization',
  description: 'The owner cannot be removed: transfer ownership first.',
  security: AUTHENTICATED,
  request: { params: MemberParams },
  responses: { 204: { description: 'Removed' }, ...problems(403, 409) },
});

manageMemberRoutes.openapi(removeMember, async (c) => {
  const { orgId, userId } = c.req.valid('param');
  await c.var.deps.store.transaction(async (tx) => {
    await tx.organizations.lockForUpdate(orgId);
    await requireOrgPermission(c, orgId, 'members:remove', tx);
    const before = await tx.members.get(orgId, userId);
    if (!before) throw notFound('Member');
    checkRemoval(before);
    await tx.members.remove(orgId, userId);
    await tx.settings.deleteScopes('user', [userScopeId(orgId, userId)]);
    await tx.sessions.requireRotation(userId);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'member.removed',
      targetType: 'user',
      targetId: userId,
      description: `Member ${before.user.email} removed`,
      before: toMember(before),
    });
  });
  return c.body(null, 204);
});

const resetPassword = defineRoute({
  operationId: 'resetMemberPassword',
  method: 'post',
  path: '/organizations/{orgId}/members/{userId}/password-reset',
  tags: ['members'],
  summary: 'E-mail a member a password reset link',
  description:
    'Needs `members:reset_password`. The member receives a reset link by e-mail; nothing changes until they use it. Disabled accounts answer 409.',
  security: AUTHENTICATED,
  request: { params: MemberParams },
  responses: {
    202: json(z.object({ ok: z.literal(true) }), 'Link sent'),
    ...problems(403, 409),
  },
});

manageMemberRoutes.openapi(resetPassword, async (c) => {
  const { orgId, userId } = c.req.valid('param');
  const deps = c.var.deps;
  await deps.store.transaction(async (tx) => {
    await requireOrgPermission(c, orgId, 'members:reset_password', tx);
    const member = await tx.members.get(orgId, userId);
    if (!member) throw notFound('Member');
    if (member.user.status === 'disabled')
      throw conflict(ErrorCode.USER_DISABLED, 'This account is disabled.');
    await sendPasswordReset(deps, tx, member.user);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'member.password_reset_sent',
      targetType: 'user',
      targetId: userId,
      description: `Password reset link sent to ${member.user.email}`,
    });
  });
  return c.json({ ok: true as const }, 202);
});
