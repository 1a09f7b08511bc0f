import { z } from '@hono/zod-openapi';
import { checkGrantableRoles, checkJoiningRoles } from '../../access/decisions.js';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, conflict, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { isEmail, parseEmailList } from '../../lib/email.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { idempotent } from '../../middleware/idempotency.js';
import { effectiveStatus } from '../../store/invitations.js';
import { defineRoute } from '../define-route.js';
import { RolesField } from '../members/schemas.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrgParams } from '../organizations/schemas.js';
import { PageQuery } from '../schemas.js';
import { InvitationParams, InvitationSchema, toInvitation } from './schemas.js';
import { domainAllowed, invitationPolicy, mailInvitation, newInvitationToken } from './send.js';

/** Invitations of an org: list, bulk create, resend, revoke. */
export const manageInvitationRoutes = createRouter();

/** Most addresses accepted in one request. */
const MAX_ADDRESSES = 100;

const InvitationPage = z
  .object({ items: z.array(InvitationSchema), nextCursor: z.string().nullable() })
  .openapi('InvitationPage');

const listInvitations = defineRoute({
  operationId: 'listInvitations',
  method: 'get',
  path: '/organizations/{orgId}/invitations',
  tags: ['invitations'],
  summary: 'List invitations, newest first',
  description: 'Needs `invitations:read`. Filter by `status`; cursor pagination.',
  security: AUTHENTICATED,
  request: {
    params: OrgParams,
    query: z.object({
      status: z.enum(['pending', 'accepted', 'revoked', 'expired']).optional(),
      ...PageQuery,
    }),
  },
  responses: {
    200: json(InvitationPage, 'A page of invitations'),
    ...problems(403),
  },
});

manageInvitationRoutes.openapi(listInvitations, async (c) => {
  const { orgId } = c.req.valid('param');
  const q = c.req.valid('query');
  await requireOrgPermission(c, orgId, 'invitations:read');
  const now = c.var.deps.options.now();
  let after: { createdAt: Date; id: string } | undefined;
  if (q.cursor) {
    const d = decodeCursor(q.cursor, 2);
    if (!d) throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Invalid cursor.');
    after = { createdAt: new Date(String(d[0])), id: String(d[1]) };
  }
  const rows = await c.var.deps.store.invitations.list({
    orgId,
    ...(q.status ? { status: q.status } : {}),
    now,
    ...(after ? { after } : {}),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1)?.invitation;
  return c.json(
    {
      items: page.map((r) => toInvitation(r.invitation, now)),
      nextCursor:
        rows.length > q.limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.id])
          : null,
    },
    200,
  );
});

const InviteResult = z
  .object({
    email: z.string(),
    result: z.enum(['invited', 'already_member', 'invalid', 'domain_not_allowed']),
    invitation: InvitationSchema.optional(),
  })
  .openapi('InviteResult');

const createInvitations = defineRoute({
  operationId: 'createInvitations',
  method: 'post',
  path: '/organizations/{orgId}/invitations',
  tags: ['invitations'],
  summary: 'Invite one or many addresses',
  description:
    '`emails` is a list, or a pasted string separated by commas, spaces, semicolons or new lines. Each address gets a result: `invited`, `already_member`, `invalid`, or `domain_not_allowed` when the org’s `allowed_email_domains` setting excludes it. Links live `invitation_ttl_hours` (settings waterfall). Inviting an address with a pending invitation replaces it. The caller must hold every permission of the roles. Honours `Idempotency-Key`.',
  security: AUTHENTICATED,
  middleware: [idempotent()] as const,
  request: {
    params: OrgParams,
    body: jsonBody(
      z.strictObject({
        emails: z.union([z.string().max(20_000), z.array(z.string().max(320)).max(MAX_ADDRESSES)]),
        roles: RolesField.default(['member']),
      }),
    ),
  },
  responses: {
    201: json(
      z.object({ results: z.array(InviteResult) }).openapi('InviteResults'),
      'Per-address results',
    ),
    ...problems(403),
  },
});

manageInvitationRoutes.openapi(createInvitations, async (c) => {
  const { orgId } = c.req.valid('param');
  const body = c.req.valid('json');
  const inviter = requirePrincipal(c).user;
  const emails = parseEmailList(body.emails);
  if (emails.length === 0 || emails.length > MAX_ADDRESSES) {
    throw new ApiError(422, ErrorCode.VALIDATION_FAILED, `Give 1 to ${MAX_ADDRESSES} addresses.`, {
      errors: [
        {
          in: 'json',
          path: 'emails',
          message: `1 to ${MAX_ADDRESSES} addresses`,
          code: 'too_many',
        },
      ],
    });
  }
  const now = c.var.deps.options.now();
  const results = await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'invitations:create', tx);
    checkJoiningRoles(body.roles);
    checkGrantableRoles(access, body.roles);
    const policy = await invitationPolicy(c, tx, access);
    const out: z.infer<typeof InviteResult>[] = [];
    for (const email of emails) {
      if (!isEmail(email)) {
        out.push({ email, result: 'invalid' });
        continue;
      }
      if (!domainAllowed(policy, email)) {
        out.push({ email, result: 'domain_not_allowed' });
        continue;
      }
      const existing = await tx.users.findByEmail(email);
      if (existing && (await tx.members.get(orgId, existing.id))) {
        out.push({ email, result: 'already_member' });
        continue;
      }
      const previous = await tx.invitations.findPending(orgId, email, now);
      if (previous) await tx.invitations.update(previous.id, { status: 'revoked' });
      const { token, tokenHash, expiresAt } = await newInvitationToken(c, policy);
      const invitation = await tx.invitations.create({
        orgId,
        email,
        roles: body.roles,
        inviterId: inviter.id,
        tokenHash,
        expiresAt,
      });
      await mailInvitation(c, tx, { to: email, org: access.org, inviter, token, expiresAt });
      await tx.audit.record(auditActor(c), {
        orgId,
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: invitation.id,
        description: `${email} invited with roles ${body.roles.join(', ') || '(none)'}`,
        after: toInvitation(invitation, now),
      });
      out.push({ email, result: 'invited', invitation: toInvitation(invitation, now) });
    }
    return out;
  });
  return c.json({ results }, 201);
});

const resendInvitation = defineRoute({
  operationId: 'resendInvitation',
  method: 'post',
  path: '/organizations/{orgId}/invitations/{invitationId}/resend',
  tags: ['invitations'],
  summary: 'Send a pending or expired invitation again with a new link and expiry',
  description: 'The previous link stops working.',
  security: AUTHENTICATED,
  request: { params: InvitationParams },
  responses: { 200: json(InvitationSchema, 'Resent'), ...problems(403, 409) },
});

manageInvitationRoutes.openapi(resendInvitation, async (c) => {
  const { orgId, invitationId } = c.req.valid('param');
  const sender = requirePrincipal(c).user;
  const now = c.var.deps.options.now();
  const updated = await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'invitations:revoke', tx);
    const invitation = await tx.invitations.findById(orgId, invitationId);
    if (!invitation) throw notFound('Invitation');
    if (invitation.status !== 'pending') {
      throw conflict(ErrorCode.CONFLICT, `This invitation is ${effectiveStatus(invitation, now)}.`);
    }
    checkGrantableRoles(access, invitation.roles);
    const { token, tokenHash, expiresAt } = await newInvitationToken(
      c,
      await invitationPolicy(c, tx, access),
    );
    const after = (await tx.invitations.update(invitation.id, { tokenHash, expiresAt }))!;
    await mailInvitation(c, tx, {
      to: invitation.email,
      org: access.org,
      inviter: sender,
      token,
      expiresAt,
    });
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'invitation.resent',
      targetType: 'invitation',
      targetId: invitation.id,
      description: `Invitation to ${invitation.email} resent`,
      before: toInvitation(invitation, now),
      after: toInvitation(after, now),
    });
    return after;
  });
  return c.json(toInvitation(updated, now), 200);
});

const revokeInvitation = defineRoute({
  operationId: 'revokeInvitation',
  method: 'delete',
  path: '/organizations/{orgId}/invitations/{invitationId}',
  tags: ['invitations'],
  summary: 'Revoke a pending invitation',
  description:
    'Needs `invitations:revoke`. Only a pending invitation can be revoked (409 otherwise); its link stops working at once.',
  security: AUTHENTICATED,
  request: { params: InvitationParams },
  responses: { 200: json(InvitationSchema, 'Revoked'), ...problems(403, 409) },
});

manageInvitationRoutes.openapi(revokeInvitation, async (c) => {
  const { orgId, invitationId } = c.req.valid('param');
  const now = c.var.deps.options.now();
  const updated = await c.var.deps.store.transaction(async (tx) => {
    await requireOrgPermission(c, orgId, 'invitations:revoke', tx);
    const invitation = await tx.invitations.findById(orgId, invitationId);
    if (!invitation) throw notFound('Invitation');
    if (invitation.status !== 'pending') {
      throw conflict(ErrorCode.CONFLICT, `This invitation is already ${invitation.status}.`);
    }
    const after = (await tx.invitations.update(invitation.id, { status: 'revoked' }))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: invitation.id,
      description: `Invitation to ${invitation.email} revoked`,
      before: toInvitation(invitation, now),
      after: toInvitation(after, now),
    });
    return after;
  });
  return c.json(toInvitation(updated, now), 200);
});
