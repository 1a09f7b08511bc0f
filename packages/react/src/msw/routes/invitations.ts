import { HttpResponse, http } from 'msw';
import { checkGrantableRoles, checkJoiningRoles, requireOrgPermission } from '../decisions.js';
import { decodeCursor, encodeCursor, isEmail, parseEmailList } from '../encoding.js';
import type { InvitationRow } from '../mock-db.js';
import { conflict, invalid, MockProblem, notFound } from '../problem.js';
import { pageLimit, type RouteContext, route } from '../route-context.js';
import { invitationStatus, toInvitation } from '../serialize.js';

const MAX_ADDRESSES = 100;
const STATUSES = ['pending', 'accepted', 'revoked', 'expired'];

/** `/v1/organizations/{orgId}/invitations`: list, bulk create, resend, revoke. */
export function invitationRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const base = '/organizations/:orgId/invitations';
  const newestFirst = (a: InvitationRow, b: InvitationRow) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  return [
    http.get(
      ctx.path(base),
      route(ctx, ({ user, params, url }) => {
        const status = url.searchParams.get('status');
        if (status && !STATUSES.includes(status)) {
          throw invalid('query', [
            { in: 'query', path: 'status', message: 'Invalid option', code: 'invalid_value' },
          ]);
        }
        const limit = pageLimit(url);
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'invitations:read');
        const now = db.now();
        const cursor = url.searchParams.get('cursor');
        const after = cursor ? decodeCursor(cursor, 2) : undefined;
        if (cursor && !after) throw new MockProblem(422, 'VALIDATION_FAILED', 'Invalid cursor.');
        const afterTime = after ? new Date(String(after[0])).getTime() : 0;
        const rows = db.invitations
          .filter((i) => i.orgId === orgId)
          .filter((i) => !status || invitationStatus(i, now) === status)
          .filter(
            (i) =>
              !after ||
              i.createdAt.getTime() < afterTime ||
              (i.createdAt.getTime() === afterTime && i.id < String(after[1])),
          )
          .sort(newestFirst);
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return HttpResponse.json({
          items: page.map((i) => toInvitation(i, now)),
          nextCursor:
            rows.length > limit && last
              ? encodeCursor([last.createdAt.toISOString(), last.id])
              : null,
        });
      }),
    ),
    http.post(
      ctx.path(base),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const raw = body.emails;
        if (
          typeof raw !== 'string' &&
          !(Array.isArray(raw) && raw.every((e) => typeof e === 'string'))
        ) {
          throw invalid('json', [
            { in: 'json', path: 'emails', message: 'Invalid input', code: 'invalid_union' },
          ]);
        }
        const roles = (body.roles as string[] | undefined) ?? ['member'];
        const emails = parseEmailList(raw as string | string[]);
        if (emails.length === 0 || emails.length > MAX_ADDRESSES) {
          throw new MockProblem(422, 'VALIDATION_FAILED', `Give 1 to ${MAX_ADDRESSES} addresses.`, {
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
        const orgId = params.orgId!;
        const access = requireOrgPermission(db, user, orgId, 'invitations:create');
        checkJoiningRoles(roles);
        checkGrantableRoles(db, access, roles);
        const now = db.now();
        const results = emails.map((email) => {
          if (!isEmail(email)) return { email, result: 'invalid' as const };
          const existing = db.userByEmail(email);
          if (existing && db.membership(orgId, existing.id)) {
            return { email, result: 'already_member' as const };
          }
          for (const p of db.invitations) {
            if (p.orgId === orgId && p.email === email && invitationStatus(p, now) === 'pending') {
              p.status = 'revoked';
            }
          }
          const fresh = db.newInvitation();
          const invitation: InvitationRow = {
            id: fresh.id,
            orgId,
            email,
            roles: [...roles],
            inviterId: user!.id,
            status: 'pending',
            expiresAt: fresh.expiresAt,
            createdAt: now,
            token: fresh.token,
          };
          db.invitations.push(invitation);
          db.mailInvitation(invitation, access.org.name, user!.name || user!.email);
          db.record(user!.id, {
            orgId,
            action: 'invitation.created',
            targetType: 'invitation',
            targetId: invitation.id,
            description: `${email} invited with roles ${roles.join(', ') || '(none)'}`,
            after: toInvitation(invitation, now),
          });
          return { email, result: 'invited' as const, invitation: toInvitation(invitation, now) };
        });
        return HttpResponse.json({ results }, { status: 201 });
      }),
    ),
    http.post(
      ctx.path(`${base}/:invitationId/resend`),
      route(ctx, ({ user, params }) => {
        const orgId = params.orgId!;
        const access = requireOrgPermission(db, user, orgId, 'invitations:revoke');
        const invitation = db.invitations.find(
          (i) => i.orgId === orgId && i.id === params.invitationId,
        );
        if (!invitation) throw notFound('Invitation');
        const now = db.now();
        if (invitation.status !== 'pending') {
          throw conflict('CONFLICT', `This invitation is ${invitationStatus(invitation, now)}.`);
        }
        checkGrantableRoles(db, access, invitation.roles);
        const before = toInvitation(invitation, now);
        const fresh = db.newInvitation();
        invitation.token = fresh.token;
        invitation.expiresAt = fresh.expiresAt;
        db.mailInvitation(invitation, access.org.name, user!.name || user!.email);
        db.record(user!.id, {
          orgId,
          action: 'invitation.resent',
          targetType: 'invitation',
          targetId: invitation.id,
          description: `Invitation to ${invitation.email} resent`,
          before,
          after: toInvitation(invitation, now),
        });
        return HttpResponse.json(toInvitation(invitation, now));
      }),
    ),
    http.delete(
      ctx.path(`${base}/:invitationId`),
      route(ctx, ({ user, params }) => {
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'invitations:revoke');
        const invitation = db.invitations.find(
          (i) => i.orgId === orgId && i.id === params.invitationId,
        );
        if (!invitation) throw notFound('Invitation');
        if (invitation.status !== 'pending') {
          throw conflict('CONFLICT', `This invitation is already ${invitation.status}.`);
        }
        const now = db.now();
        const before = toInvitation(invitation, now);
        invitation.status = 'revoked';
        db.record(user!.id, {
          orgId,
          action: 'invitation.revoked',
          targetType: 'invitation',
          targetId: invitation.id,
          description: `Invitation to ${invitation.email} revoked`,
          before,
          after: toInvitation(invitation, now),
        });
        return HttpResponse.json(toInvitation(invitation, now));
      }),
    ),
  ];
}
