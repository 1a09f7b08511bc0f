import { checkEscalation, PermissionSet } from '@orgkit/core';
import { HttpResponse, http } from 'msw';
import { assertOk, requireOrgPermission, requireUser } from '../decisions.js';
import { newId } from '../encoding.js';
import type { ApiKeyRow, MockDb, UserRow } from '../mock-db.js';
import { forbidden, invalid, MockProblem, notFound } from '../problem.js';
import { type RouteContext, route } from '../route-context.js';

const toApiKey = (k: ApiKeyRow, now: Date) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  orgId: k.orgId,
  scopes: k.scopes,
  status: k.revokedAt
    ? ('revoked' as const)
    : k.expiresAt && k.expiresAt <= now
      ? ('expired' as const)
      : ('active' as const),
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

const newestFirst = (a: ApiKeyRow, b: ApiKeyRow) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);

/** The server's `checkApiKeyGrant`: where the key works, the caller needs `api_keys:create`; scopes ⊆ held. */
function checkGrant(
  db: MockDb,
  user: UserRow,
  orgId: string | undefined,
  scopes: string[] | undefined,
) {
  const catalog = db.options.catalog;
  if (scopes) {
    const errors = scopes.flatMap((s, i) =>
      catalog.has(s)
        ? []
        : [
            {
              in: 'json',
              path: `scopes.${i}`,
              message: `unknown permission "${s}"`,
              code: 'unknown_permission',
            },
          ],
    );
    if (errors.length > 0)
      throw new MockProblem(422, 'UNKNOWN_PERMISSION', 'Unknown permissions in scopes.', {
        errors,
      });
  }
  let held: PermissionSet<string>;
  if (orgId) {
    const access = db.access(user, orgId);
    if (!access) throw new MockProblem(404, 'NOT_FOUND', 'Organization not found.');
    if (!access.permissions.has('api_keys:create'))
      throw forbidden('You need api_keys:create in this organization.');
    held = access.permissions;
  } else if (user.platformAdmin) {
    held = PermissionSet.full(catalog);
  } else {
    const names = new Set<string>();
    for (const m of db.memberships.values()) {
      if (m.userId !== user.id || !db.liveOrg(m.orgId)) continue;
      const access = db.access(user, m.orgId);
      if (access?.permissions.has('api_keys:create'))
        for (const p of access.permissions.list()) names.add(p);
    }
    held = PermissionSet.of(catalog, names);
    if (!held.has('api_keys:create'))
      throw forbidden('You need api_keys:create in an organization to create API keys.');
  }
  if (scopes) assertOk(checkEscalation(held, PermissionSet.of(catalog, scopes)));
}

/** `/v1/me/api-keys…` and `/v1/organizations/{orgId}/api-keys…`. */
export function apiKeyRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const owner = (k: ApiKeyRow) => {
    const u = db.users.get(k.userId)!;
    return { id: u.id, email: u.email, name: u.name };
  };
  return [
    http.get(
      ctx.path('/me/api-keys'),
      route(ctx, ({ user }) => {
        const me = requireUser(user);
        const now = db.now();
        return HttpResponse.json({
          items: db.apiKeys
            .filter((k) => k.userId === me.id)
            .sort(newestFirst)
            .map((k) => toApiKey(k, now)),
        });
      }),
    ),
    http.post(
      ctx.path('/me/api-keys'),
      route(ctx, async ({ user, json }) => {
        const me = requireUser(user);
        const body = await json();
        const name = typeof body.name === 'string' ? body.name.trim() : '';
        if (!name)
          throw invalid('json', [
            { in: 'json', path: 'name', message: 'Required', code: 'invalid_type' },
          ]);
        const now = db.now();
        const expiresAt = typeof body.expiresAt === 'string' ? new Date(body.expiresAt) : null;
        if (expiresAt && expiresAt <= now) {
          throw new MockProblem(422, 'VALIDATION_FAILED', 'expiresAt must be in the future.', {
            errors: [
              {
                in: 'json',
                path: 'expiresAt',
                message: 'must be in the future',
                code: 'too_small',
              },
            ],
          });
        }
        const orgId = typeof body.orgId === 'string' ? body.orgId : undefined;
        const scopes = Array.isArray(body.scopes)
          ? [...new Set(body.scopes as string[])]
          : undefined;
        checkGrant(db, me, orgId, scopes);
        const prefix = newId('x').slice(2, 14);
        const key: ApiKeyRow = {
          id: newId('key'),
          userId: me.id,
          name,
          prefix,
          orgId: orgId ?? null,
          scopes: scopes ?? null,
          createdAt: now,
          lastUsedAt: null,
          expiresAt,
          revokedAt: null,
        };
        db.apiKeys.push(key);
        db.record(me.id, {
          orgId: key.orgId,
          action: 'api_key.created',
          targetType: 'api_key',
          targetId: key.id,
          description: `API key ${name} (${prefix}) created`,
          after: toApiKey(key, now),
        });
        return HttpResponse.json(
          { apiKey: toApiKey(key, now), secret: `ok_${prefix}_${newId('s').slice(2)}` },
          { status: 201 },
        );
      }),
    ),
    http.delete(
      ctx.path('/me/api-keys/:keyId'),
      route(ctx, ({ user, params }) => {
        const me = requireUser(user);
        const key = db.apiKeys.find((k) => k.id === params.keyId && k.userId === me.id);
        if (!key) throw notFound('API key');
        if (!key.revokedAt) {
          const now = db.now();
          const before = toApiKey(key, now);
          key.revokedAt = now;
          db.record(me.id, {
            orgId: key.orgId,
            action: 'api_key.revoked',
            targetType: 'api_key',
            targetId: key.id,
            description: `API key ${key.name} (${key.prefix}) revoked by its owner`,
            before,
            after: toApiKey(key, now),
          });
        }
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/api-keys'),
      route(ctx, ({ user, params }) => {
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'api_keys:manage');
        const now = db.now();
        const usable = db.apiKeys.filter(
          (k) => k.orgId === orgId || (k.orgId === null && db.membership(orgId, k.userId)),
        );
        return HttpResponse.json({
          items: usable.sort(newestFirst).map((k) => ({ ...toApiKey(k, now), user: owner(k) })),
        });
      }),
    ),
    http.delete(
      ctx.path('/organizations/:orgId/api-keys/:keyId'),
      route(ctx, ({ user, params }) => {
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'api_keys:manage');
        const key = db.apiKeys.find(
          (k) =>
            k.id === params.keyId &&
            (k.orgId === orgId || (k.orgId === null && db.membership(orgId, k.userId))),
        );
        if (!key) throw notFound('API key');
        if (!key.revokedAt) {
          const now = db.now();
          const before = toApiKey(key, now);
          key.revokedAt = now;
          db.record(user!.id, {
            orgId,
            action: 'api_key.revoked',
            targetType: 'api_key',
            targetId: key.id,
            description: `API key ${key.name} (${key.prefix}) of ${owner(key).email} revoked`,
            before,
            after: toApiKey(key, now),
          });
        }
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
