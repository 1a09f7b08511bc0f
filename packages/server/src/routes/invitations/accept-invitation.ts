import { z } from '@hono/zod-openapi';
import { checkGrantableRoles, checkJoin } from '../../access/decisions.js';
import { auditActor } from '../../audit/actor.js';
import { startSession } from '../../auth/session-cookie.js';
import { ApiError, forbidden, unauthenticated } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { sha256 } from '../../lib/tokens.js';
import type { Invitation } from '../../store/invitations.js';
import type { Store } from '../../store/store.js';
import { defineRoute, PUBLIC } from '../define-route.js';
import { MemberSchema, toMember } from '../members/schemas.js';
import { createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrganizationSchema, toOrganization } from '../organizations/schemas.js';
import { NameField } from '../schemas.js';

/** Looking up and accepting an invitation by the token of its link. */
export const acceptInvitationRoutes = createRouter();

const TokenField = z.string().min(10).max(200);

async function usableInvitation(store: Store, token: string, now: Date): Promise<Invitation> {
  const invitation = await store.invitations.findByTokenHash(await sha256(token));
  // Whoever holds the link may learn what became of it (the accept page says so); a token
  // that matches nothing says nothing more.
  if (invitation?.status === 'revoked') {
    throw new ApiError(400, ErrorCode.INVITATION_REVOKED, 'This invitation was revoked.');
  }
  if (invitation?.status === 'accepted') {
    throw new ApiError(
      400,
      ErrorCode.INVITATION_ALREADY_USED,
      'This invitation was already accepted.',
    );
  }
  if (invitation?.status !== 'pending') {
    throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This invitation link is invalid.');
  }
  if (invitation.expiresAt <= now) {
    throw new ApiError(
      400,
      ErrorCode.TOKEN_EXPIRED,
      'This invitation has expired; ask for a new one.',
    );
  }
  return invitation;
}

const lookup = defineRoute({
  operationId: 'lookUpInvitation',
  method: 'get',
  path: '/invitations/lookup',
  tags: ['invitations'],
  security: PUBLIC,
  summary: 'What an invitation link is for (to render the accept page)',
  description:
    '400 `TOKEN_EXPIRED` past its expiry, `INVITATION_REVOKED` once revoked, `INVITATION_ALREADY_USED` once accepted, `TOKEN_INVALID` for a link that matches no invitation (or was replaced by a resend).',
  request: { query: z.object({ token: TokenField }) },
  responses: {
    200: json(
      z
        .object({
          email: z.string(),
          organization: z.object({ id: z.string(), name: z.string() }),
          inviterName: z.string().nullable(),
          roles: z.array(z.string()),
          expiresAt: z.string(),
          /** True when the address has an account with a password: accepting needs a sign-in. */
          accountExists: z.boolean(),
        })
        .openapi('InvitationPreview'),
      'The invitation',
    ),
  },
});

acceptInvitationRoutes.openapi(lookup, async (c) => {
  const { store, options } = c.var.deps;
  const invitation = await usableInvitation(store, c.req.valid('query').token, options.now());
  const org = await store.organizations.findById(invitation.orgId);
  if (!org) throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This invitation link is invalid.');
  const inviter = invitation.inviterId
    ? await store.users.findById(invitation.inviterId)
    : undefined;
  const account = await store.users.findByEmail(invitation.email);
  return c.json(
    {
      email: invitation.email,
      organization: { id: org.id, name: org.name },
      inviterName: inviter ? inviter.name || inviter.email : null,
      roles: invitation.roles,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: Boolean(account?.passwordHash),
    },
    200,
  );
});

const accept = defineRoute({
  operationId: 'acceptInvitation',
  method: 'post',
  path: '/invitations/accept',
  tags: ['invitations'],
  security: PUBLIC,
  summary: 'Accept an invitation',
  description:
    'An existing account joins: be signed in as the invited address, or give its password. A new account gives name and password. The token works once and only for the invited address; the roles are checked again against the inviter’s current permissions.',
  request: {
    body: jsonBody(
      z.strictObject({
        token: TokenField,
        name: NameField.optional(),
        password: z.string().min(1).max(256).optional(),
      }),
    ),
  },
  responses: {
    200: json(
      z.object({ organization: OrganizationSchema, member: MemberSchema }),
      'Joined; signed in',
    ),
    ...problems(403, 409),
  },
});

acceptInvitationRoutes.openapi(accept, async (c) => {
  const body = c.req.valid('json');
  const deps = c.var.deps;
  const { store, options, passwords } = deps;
  const now = options.now();
  const principal = c.var.principal;
  // Hash outside the transaction: argon2 is slow and needs no lock.
  const newPasswordHash =
    body.password && body.password.length >= 8 ? await passwords.hash(body.password) : undefined;

  const result = await store.transaction(async (tx) => {
    const invitation = await usableInvitation(tx, body.token, now);
    const org = await tx.organizations.findById(invitation.orgId);
    if (!org) throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This invitation link is invalid.');

    let user = await tx.users.findByEmail(invitation.email);
    let signIn = false;
    if (principal) {
      if (principal.user.email !== invitation.email) {
        throw new ApiError(
          403,
          ErrorCode.INVITATION_EMAIL_MISMATCH,
          `This invitation is for ${invitation.email}.`,
        );
      }
      user = principal.user;
    } else if (user?.passwordHash) {
      if (!body.password)
        throw unauthenticated('Sign in as the invited address, or give its password.');
      if (!(await passwords.verify(user.passwordHash, body.password))) {
        throw new ApiError(401, ErrorCode.INVALID_CREDENTIALS, 'Wrong password.');
      }
      signIn = true;
    } else {
      const missing = [
        ...(body.name
          ? []
          : [
              { in: 'json', path: 'name', message: 'Required for a new account', code: 'required' },
            ]),
        ...(newPasswordHash
          ? []
          : [
              {
                in: 'json',
                path: 'password',
                message: 'At least 8 characters for a new account',
                code: 'too_small',
              },
            ]),
      ];
      if (missing.length > 0) {
        throw new ApiError(
          422,
          ErrorCode.VALIDATION_FAILED,
          'A new account needs a name and a password.',
          {
            errors: missing,
          },
        );
      }
      user = user
        ? await tx.users.update(user.id, {
            name: body.name!,
            passwordHash: newPasswordHash!,
            status: 'active',
          })
        : await tx.users.create({
            email: invitation.email,
            name: body.name!,
            passwordHash: newPasswordHash!,
          });
      signIn = true;
    }
    if (!user || user.status === 'disabled')
      throw new ApiError(401, ErrorCode.USER_DISABLED, 'This account is disabled.');
    if (await tx.members.get(org.id, user.id)) {
      throw new ApiError(
        409,
        ErrorCode.ALREADY_MEMBER,
        'You are already a member of this organization.',
      );
    }
    checkJoin(options.organizations.membership, await tx.members.orgIdsOf(user.id), org.id);

    // The inviter must still be allowed to give these roles (they may have lost them since).
    const inviter = invitation.inviterId
      ? await tx.users.findById(invitation.inviterId)
      : undefined;
    const inviterAccess = inviter && (await deps.access.resolve(tx, { user: inviter }, org.id));
    if (!inviterAccess?.permissions.has('invitations:create')) {
      throw forbidden(
        'The person who invited you can no longer invite members; ask for a new invitation.',
      );
    }
    checkGrantableRoles(inviterAccess, invitation.roles);

    if (!(await tx.invitations.markAccepted(invitation.id, user.id, now))) {
      // Accepted or revoked by a concurrent request.
      throw new ApiError(400, ErrorCode.TOKEN_INVALID, 'This invitation link was already used.');
    }
    await tx.members.add(org.id, user.id, invitation.roles);
    const member = (await tx.members.get(org.id, user.id))!;
    await tx.audit.record(auditActor(c, user.id), {
      orgId: org.id,
      action: 'invitation.accepted',
      targetType: 'user',
      targetId: user.id,
      description: `${user.email} accepted the invitation and joined with roles ${invitation.roles.join(', ') || '(none)'}`,
      after: toMember(member),
    });
    // The invitation link was mailed to this address: opening it proves the address.
    if (user.activationRequired) await tx.users.update(user.id, { activationRequired: false });
    if (signIn) await startSession(c, tx, user.id);
    return { organization: toOrganization(org), member: toMember(member) };
  });
  return c.json(result, 200);
});
