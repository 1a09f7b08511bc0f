import { HttpResponse, http } from 'msw';
import { checkGrantableRoles, checkJoin, requireUser } from '../decisions.js';
import { isEmail } from '../encoding.js';
import type { MockDb, UserRow } from '../mock-db.js';
import { forbidden, invalid, type MockFieldError, MockProblem } from '../problem.js';
import { type RouteContext, route, SESSION_COOKIE } from '../route-context.js';
import { toMember, toOrganization, toUser } from '../serialize.js';

const tokenInvalid = (detail = 'This invitation link is invalid.') =>
  new MockProblem(400, 'TOKEN_INVALID', detail);

function usableInvitation(db: MockDb, token: unknown) {
  if (typeof token !== 'string' || token.length < 10 || token.length > 200) {
    throw invalid('json', [
      { in: 'json', path: 'token', message: 'Invalid token', code: 'too_small' },
    ]);
  }
  const invitation = db.invitations.find((i) => i.token === token);
  if (invitation?.status === 'revoked')
    throw new MockProblem(400, 'INVITATION_REVOKED', 'This invitation was revoked.');
  if (invitation?.status === 'accepted')
    throw new MockProblem(400, 'INVITATION_ALREADY_USED', 'This invitation was already accepted.');
  if (invitation?.status !== 'pending') throw tokenInvalid();
  if (invitation.expiresAt <= db.now()) {
    throw new MockProblem(400, 'TOKEN_EXPIRED', 'This invitation has expired; ask for a new one.');
  }
  return invitation;
}

const sessionCookie = (token: string) => ({
  'set-cookie': `${SESSION_COOKIE}=${token}; Path=/; SameSite=Lax`,
});

/** Sign-up, password reset, invitation lookup and accept, and the dev outbox. */
export function accountRoutes(ctx: RouteContext) {
  const { db } = ctx;
  return [
    http.post(
      ctx.path('/auth/sign-up'),
      route(ctx, async ({ json }) => {
        const body = await json();
        const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
        const name = typeof body.name === 'string' ? body.name.trim() : '';
        const password = body.password;
        const errors: MockFieldError[] = [];
        if (!isEmail(email))
          errors.push({
            in: 'json',
            path: 'email',
            message: 'Invalid email address',
            code: 'invalid_format',
          });
        if (typeof password !== 'string' || password.length < 8)
          errors.push({ in: 'json', path: 'password', message: 'Too small', code: 'too_small' });
        if (!name)
          errors.push({ in: 'json', path: 'name', message: 'Required', code: 'invalid_type' });
        if (errors.length > 0) throw invalid('json', errors);
        if (db.userByEmail(email))
          throw new MockProblem(409, 'EMAIL_TAKEN', 'An account with this e-mail already exists.');
        const user: UserRow = {
          id: db.newUserId(),
          email,
          name,
          password: password as string,
          status: 'active',
          platformAdmin: false,
          createdAt: db.now(),
          lastActiveAt: null,
        };
        db.users.set(user.id, user);
        db.changed();
        db.record(user.id, {
          orgId: null,
          action: 'user.signed_up',
          targetType: 'user',
          targetId: user.id,
          description: `${email} signed up`,
          after: { email, name },
        });
        return HttpResponse.json(
          { user: toUser(user) },
          { status: 201, headers: sessionCookie(db.startSession(user.id)) },
        );
      }),
    ),
    http.post(
      ctx.path('/auth/password-reset'),
      route(ctx, async ({ json }) => {
        const email = String((await json()).email ?? '')
          .trim()
          .toLowerCase();
        if (!isEmail(email))
          throw invalid('json', [
            { in: 'json', path: 'email', message: 'Invalid email address', code: 'invalid_format' },
          ]);
        const user = db.userByEmail(email);
        if (user && user.status !== 'disabled') {
          db.sendPasswordReset(user);
          db.record(null, {
            orgId: null,
            action: 'user.password_reset_requested',
            targetType: 'user',
            targetId: user.id,
            description: `Password reset requested for ${user.email}`,
          });
        }
        return HttpResponse.json({ ok: true }, { status: 202 });
      }),
    ),
    http.post(
      ctx.path('/auth/activate'),
      route(ctx, async ({ json }) => {
        const body = await json();
        const token = typeof body.token === 'string' ? body.token : '';
        if (token.length < 10) {
          throw invalid('json', [
            { in: 'json', path: 'token', message: 'Too small', code: 'too_small' },
          ]);
        }
        const found = db.activationTokens.get(token);
        db.activationTokens.delete(token);
        const user = found && found.expiresAt > db.now() ? db.users.get(found.userId) : undefined;
        if (!user || user.status === 'disabled')
          throw new MockProblem(400, 'TOKEN_INVALID', 'This link is invalid, used or expired.');
        db.record(user.id, {
          orgId: null,
          action: 'user.activated',
          targetType: 'user',
          targetId: user.id,
          description: `${user.email} proved the address and activated the account`,
        });
        return HttpResponse.json({ ok: true });
      }),
    ),
    http.post(
      ctx.path('/auth/password-reset/confirm'),
      route(ctx, async ({ json }) => {
        const body = await json();
        if (typeof body.password !== 'string' || body.password.length < 8) {
          throw invalid('json', [
            { in: 'json', path: 'password', message: 'Too small', code: 'too_small' },
          ]);
        }
        const token = String(body.token ?? '');
        const found = db.resetTokens.get(token);
        db.resetTokens.delete(token);
        const user = found && found.expiresAt > db.now() ? db.users.get(found.userId) : undefined;
        if (!user || user.status === 'disabled')
          throw new MockProblem(400, 'TOKEN_INVALID', 'This link is invalid, used or expired.');
        user.password = body.password;
        user.status = 'active';
        db.changed();
        // As the server: every session ends and every API key of the account is revoked.
        let sessionsEnded = 0;
        for (const [t, s] of db.sessions) {
          if (s.userId === user.id) {
            db.sessions.delete(t);
            sessionsEnded++;
          }
        }
        let apiKeysRevoked = 0;
        for (const key of db.apiKeys) {
          if (key.userId === user.id && !key.revokedAt) {
            key.revokedAt = db.now();
            apiKeysRevoked++;
          }
        }
        db.record(user.id, {
          orgId: null,
          action: 'user.password_reset',
          targetType: 'user',
          targetId: user.id,
          description: `Password reset for ${user.email}`,
        });
        return HttpResponse.json({ ok: true, sessionsEnded, apiKeysRevoked });
      }),
    ),
    http.get(
      ctx.path('/invitations/lookup'),
      route(ctx, ({ url }) => {
        const invitation = usableInvitation(db, url.searchParams.get('token'));
        const org = db.liveOrg(invitation.orgId);
        if (!org) throw tokenInvalid('This invitation link is invalid.');
        const inviter = invitation.inviterId ? db.users.get(invitation.inviterId) : undefined;
        const account = db.userByEmail(invitation.email);
        return HttpResponse.json({
          email: invitation.email,
          organization: { id: org.id, name: org.name },
          inviterName: inviter ? inviter.name || inviter.email : null,
          roles: [...invitation.roles],
          expiresAt: invitation.expiresAt.toISOString(),
          accountExists: Boolean(account?.password),
        });
      }),
    ),
    http.post(
      ctx.path('/invitations/accept'),
      route(ctx, async ({ json, user: principal }) => {
        const body = await json();
        const invitation = usableInvitation(db, body.token);
        const org = db.liveOrg(invitation.orgId);
        if (!org) throw tokenInvalid('This invitation link is invalid.');
        const password = typeof body.password === 'string' ? body.password : undefined;
        let user = db.userByEmail(invitation.email);
        let signIn = false;
        if (principal) {
          if (principal.email !== invitation.email) {
            throw new MockProblem(
              403,
              'INVITATION_EMAIL_MISMATCH',
              `This invitation is for ${invitation.email}.`,
            );
          }
          user = principal;
        } else if (user?.password) {
          if (!password)
            throw new MockProblem(
              401,
              'UNAUTHENTICATED',
              'Sign in as the invited address, or give its password.',
            );
          if (user.password !== password)
            throw new MockProblem(401, 'INVALID_CREDENTIALS', 'Wrong password.');
          signIn = true;
        } else {
          const name = typeof body.name === 'string' ? body.name.trim() : '';
          const missing: MockFieldError[] = [
            ...(name
              ? []
              : [
                  {
                    in: 'json',
                    path: 'name',
                    message: 'Required for a new account',
                    code: 'required',
                  },
                ]),
            ...(password && password.length >= 8
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
          if (missing.length > 0)
            throw new MockProblem(
              422,
              'VALIDATION_FAILED',
              'A new account needs a name and a password.',
              { errors: missing },
            );
          if (user) Object.assign(user, { name, password, status: 'active' });
          else {
            user = {
              id: db.newUserId(),
              email: invitation.email,
              name,
              password: password!,
              status: 'active',
              platformAdmin: false,
              createdAt: db.now(),
              lastActiveAt: null,
            };
            db.users.set(user.id, user);
          }
          db.changed();
          signIn = true;
        }
        if (user.status === 'disabled')
          throw new MockProblem(401, 'USER_DISABLED', 'This account is disabled.');
        if (db.membership(org.id, user.id))
          throw new MockProblem(
            409,
            'ALREADY_MEMBER',
            'You are already a member of this organization.',
          );
        const current = [...db.memberships.values()]
          .filter((m) => m.userId === user!.id && db.liveOrg(m.orgId))
          .map((m) => m.orgId);
        checkJoin(db, current, org.id);
        const inviter = invitation.inviterId ? db.users.get(invitation.inviterId) : undefined;
        const inviterAccess = inviter && db.access(inviter, org.id);
        if (!inviterAccess?.permissions.has('invitations:create')) {
          throw forbidden(
            'The person who invited you can no longer invite members; ask for a new invitation.',
          );
        }
        checkGrantableRoles(db, inviterAccess, invitation.roles);
        invitation.status = 'accepted';
        const membership = {
          orgId: org.id,
          userId: user.id,
          roles: [...invitation.roles],
          status: 'active' as const,
          joinedAt: db.now(),
        };
        db.memberships.set(`${org.id}/${user.id}`, membership);
        db.changed();
        const member = toMember(db, membership);
        db.record(user.id, {
          orgId: org.id,
          action: 'invitation.accepted',
          targetType: 'user',
          targetId: user.id,
          description: `${user.email} accepted the invitation and joined with roles ${invitation.roles.join(', ') || '(none)'}`,
          after: member,
        });
        return HttpResponse.json(
          { organization: toOrganization(org), member },
          signIn ? { headers: sessionCookie(db.startSession(user.id)) } : {},
        );
      }),
    ),
    http.get(
      ctx.root('/dev/outbox'),
      route(ctx, ({ url, user }) => {
        // Every mailed link is in here: platform admins only, as on the server.
        if (!requireUser(user).platformAdmin) {
          throw forbidden('Only platform admins can read the dev outbox.');
        }
        const to = url.searchParams.get('to')?.trim().toLowerCase();
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const items = db.outbox
          .filter((m) => !to || m.to === to)
          .sort((a, b) => (a.id < b.id ? 1 : -1))
          .slice(0, limit)
          .map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }));
        return HttpResponse.json({ items });
      }),
    ),
  ];
}
