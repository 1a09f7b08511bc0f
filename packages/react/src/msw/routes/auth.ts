import { HttpResponse, http } from 'msw';
import { isEmail } from '../encoding.js';
import { DEFAULT_MOCK_PASSWORD } from '../mock-db.js';
import { invalid, type MockFieldError, MockProblem } from '../problem.js';
import { type RouteContext, route, SESSION_COOKIE } from '../route-context.js';
import { toUser } from '../serialize.js';

/** `/v1/auth/*`: session, sign-in, sign-out. */
export function authRoutes(ctx: RouteContext) {
  const { db } = ctx;
  return [
    http.get(
      ctx.path('/auth/session'),
      route(ctx, ({ user, session }) =>
        HttpResponse.json(
          user
            ? {
                user: toUser(user),
                method: 'session',
                expiresAt: new Date(db.now().getTime() + 30 * 24 * 3600 * 1000).toISOString(),
                activeOrgId: session?.activeOrgId ?? null,
                canCreateOrganizations: user.platformAdmin || db.selfServe,
              }
            : {
                user: null,
                method: null,
                expiresAt: null,
                activeOrgId: null,
                canCreateOrganizations: false,
              },
        ),
      ),
    ),
    http.post(
      ctx.path('/auth/sign-in'),
      route(ctx, async ({ json }) => {
        const body = await json();
        const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
        const errors: MockFieldError[] = [];
        if (!isEmail(email))
          errors.push({
            in: 'json',
            path: 'email',
            message: 'Invalid email address',
            code: 'invalid_format',
          });
        if (typeof body.password !== 'string' || body.password.length < 1)
          errors.push({ in: 'json', path: 'password', message: 'Too small', code: 'too_small' });
        if (errors.length > 0) throw invalid('json', errors);
        const user = db.userByEmail(email);
        if (!user || user.password === null || user.password !== body.password) {
          throw new MockProblem(401, 'INVALID_CREDENTIALS', 'Wrong e-mail or password.');
        }
        if (user.status === 'disabled') {
          throw new MockProblem(401, 'USER_DISABLED', 'This account is disabled.');
        }
        const token = db.startSession(user.id);
        db.record(user.id, {
          orgId: null,
          action: 'user.signed_in',
          targetType: 'user',
          targetId: user.id,
          description: `${user.email} signed in`,
        });
        return HttpResponse.json(
          { user: toUser(user) },
          { headers: { 'set-cookie': `${SESSION_COOKIE}=${token}; Path=/; SameSite=Lax` } },
        );
      }),
    ),
    http.post(
      ctx.path('/auth/sign-out'),
      route(ctx, ({ request }) => {
        const token = /(?:^|;\s*)orgkit_session=([^;]+)/.exec(request.headers.get('cookie') ?? '');
        if (token?.[1]) db.sessions.delete(token[1]);
        db.ambient = null;
        return new HttpResponse(null, {
          status: 204,
          headers: { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` },
        });
      }),
    ),
  ];
}

export { DEFAULT_MOCK_PASSWORD };
