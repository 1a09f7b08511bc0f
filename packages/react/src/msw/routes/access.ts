import { describeExplanation, explain } from '@orgkit/core';
import { HttpResponse, http } from 'msw';
import { aclQuery, allowedOn } from '../acl.js';
import { requireOrgPermission, requireUser } from '../decisions.js';
import type { MockAccess, MockDb, UserRow } from '../mock-db.js';
import { invalid, MockProblem, notFound } from '../problem.js';
import { type RouteContext, route } from '../route-context.js';

/** The subject of a check: the caller, or another user with `access:explain` (as the server). */
function subjectAccess(
  db: MockDb,
  caller: UserRow | null,
  orgId: string,
  userId: string | undefined,
) {
  const me = requireUser(caller);
  if (!userId || userId === me.id) {
    const access = db.access(me, orgId);
    if (!access) throw notFound('Organization');
    return { access: access as MockAccess | undefined, userId: me.id };
  }
  requireOrgPermission(db, me, orgId, 'access:explain');
  const user = db.users.get(userId);
  if (!user) throw notFound('User');
  return { access: db.access(user, orgId), userId };
}

function unknownPermissions(
  db: MockDb,
  permissions: readonly string[],
  path: (i: number) => string,
) {
  const errors = permissions.flatMap((p, i) =>
    db.options.catalog.has(p)
      ? []
      : [
          {
            in: 'json',
            path: path(i),
            message: `unknown permission "${p}"`,
            code: 'unknown_permission',
          },
        ],
  );
  if (errors.length > 0)
    throw new MockProblem(422, 'UNKNOWN_PERMISSION', 'Unknown permissions.', { errors });
}

type Check = { permission: string; resource?: { type: string; id: string } };

/** `/v1/organizations/{orgId}/access/*`: batch checks and explanations. */
export function accessRoutes(ctx: RouteContext) {
  const { db } = ctx;
  return [
    http.post(
      ctx.path('/organizations/:orgId/access/check'),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const checks = body.checks as Check[] | undefined;
        if (!Array.isArray(checks) || checks.length < 1 || checks.length > 100) {
          throw invalid('json', [
            { in: 'json', path: 'checks', message: 'Invalid input', code: 'too_small' },
          ]);
        }
        const orgId = params.orgId!;
        const { access, userId } = subjectAccess(
          db,
          user,
          orgId,
          body.userId as string | undefined,
        );
        if (!access) requireOrgPermission(db, user, orgId, 'access:explain');
        unknownPermissions(
          db,
          checks.map((k) => k.permission),
          (i) => `checks.${i}.permission`,
        );
        const results = checks.map((check) => {
          let allowed = false;
          if (access) {
            allowed = check.resource
              ? allowedOn(
                  db,
                  access,
                  check.permission,
                  aclQuery(db, orgId, userId, check.resource.type, check.resource.id),
                )
              : access.permissions.has(check.permission);
          }
          return { ...check, allowed };
        });
        return HttpResponse.json({ results });
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/access/explain'),
      route(ctx, ({ user, params, url }) => {
        const q = url.searchParams;
        const permission = q.get('permission') ?? '';
        const resourceType = q.get('resourceType');
        const resourceId = q.get('resourceId');
        if ((resourceType === null) !== (resourceId === null)) {
          throw new MockProblem(
            422,
            'VALIDATION_FAILED',
            'Give both resourceType and resourceId, or neither.',
            {
              errors: [
                {
                  in: 'query',
                  path: 'resourceId',
                  message: 'resourceType and resourceId go together',
                  code: 'incomplete',
                },
              ],
            },
          );
        }
        const orgId = params.orgId!;
        const { access, userId } = subjectAccess(db, user, orgId, q.get('userId') ?? undefined);
        if (!access) {
          return HttpResponse.json({
            allowed: false,
            permission,
            orgId,
            userId,
            reasons: [{ kind: 'not-member', orgId }],
            summary: [
              `Denied: ${permission} in org ${orgId}`,
              `- the user is not a member of ${orgId}`,
            ],
          });
        }
        unknownPermissions(db, [permission], () => 'permission');
        const acl =
          resourceType && resourceId
            ? aclQuery(db, orgId, userId, resourceType, resourceId)
            : undefined;
        const result = explain(
          db.model().registry,
          db.model().query(userId, orgId),
          permission,
          acl,
        );
        const allowed =
          result.allowed &&
          (acl ? allowedOn(db, access, permission, acl) : access.permissions.has(permission));
        const final = { ...result, allowed };
        return HttpResponse.json({
          ...final,
          reasons: JSON.parse(JSON.stringify(final.reasons)),
          summary: describeExplanation(final),
        });
      }),
    ),
  ];
}
