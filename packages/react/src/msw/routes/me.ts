import { HttpResponse, http } from 'msw';
import { requireUser } from '../decisions.js';
import { invalid, notFound } from '../problem.js';
import { type RouteContext, route } from '../route-context.js';
import { toOrganization, toUser } from '../serialize.js';

/** `/v1/me/*`: profile, memberships, compiled permissions, active organization. */
export function meRoutes(ctx: RouteContext) {
  const { db } = ctx;
  return [
    http.get(
      ctx.path('/me'),
      route(ctx, ({ user }) => HttpResponse.json(toUser(requireUser(user)))),
    ),
    http.get(
      ctx.path('/me/organizations'),
      route(ctx, ({ user, session }) => {
        const me = requireUser(user);
        const items = [...db.memberships.values()]
          .filter((m) => m.userId === me.id && db.liveOrg(m.orgId))
          .map((m) => ({ m, org: db.liveOrg(m.orgId)! }))
          .sort((a, b) =>
            a.org.name === b.org.name
              ? a.org.id.localeCompare(b.org.id)
              : a.org.name < b.org.name
                ? -1
                : 1,
          )
          .map(({ m, org }) => ({
            organization: toOrganization(org),
            roles: [...m.roles].sort(),
            status: m.status,
            joinedAt: m.joinedAt.toISOString(),
          }));
        return HttpResponse.json({ items, activeOrgId: session?.activeOrgId ?? null });
      }),
    ),
    http.get(
      ctx.path('/me/permissions'),
      route(ctx, ({ user, url }) => {
        const me = requireUser(user);
        const orgId = url.searchParams.get('orgId');
        if (!orgId) {
          throw invalid('query', [
            { in: 'query', path: 'orgId', message: 'Required', code: 'invalid_type' },
          ]);
        }
        const access = db.access(me, orgId);
        if (!access) throw notFound('Organization');
        return HttpResponse.json({
          orgId,
          set: access.permissions.toJSON(),
          permissions: access.permissions.list(),
        });
      }),
    ),
    http.put(
      ctx.path('/me/active-organization'),
      route(ctx, async ({ user, session, json }) => {
        const me = requireUser(user);
        const body = await json();
        const orgId = body.orgId;
        if (orgId !== null && (typeof orgId !== 'string' || orgId.length === 0)) {
          throw invalid('json', [
            { in: 'json', path: 'orgId', message: 'Expected string', code: 'invalid_type' },
          ]);
        }
        if (orgId && !db.access(me, orgId)) throw notFound('Organization');
        if (session) session.activeOrgId = orgId;
        return HttpResponse.json({ activeOrgId: orgId });
      }),
    ),
  ];
}
