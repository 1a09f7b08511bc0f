import {
  checkSettingWritable,
  resolveSetting,
  type SettingScope,
  type SettingSpec,
  settingsChain,
  validateSettingValue,
} from '@orgkit/core';
import { HttpResponse, http } from 'msw';
import { requireOrgPermission, requireUser } from '../decisions.js';
import type { MockAccess, MockDb, SettingRow, UserRow } from '../mock-db.js';
import { forbidden, invalid, MockProblem, notFound } from '../problem.js';
import { type RouteContext, route } from '../route-context.js';
import { compareTuple } from './organizations.js';

type Target =
  | { level: 'org' }
  | { level: 'group'; groupId: string }
  | { level: 'user'; userId: string };

interface Place {
  readonly chain: SettingScope[];
  readonly scope: SettingScope;
}

const stored = (s: SettingScope) => ({ type: s.level, id: s.id ?? '' });

/** The waterfall down to `target`, as the server's `orgPlace`. */
function orgPlace(db: MockDb, access: MockAccess, target: Target): Place {
  const orgId = access.org.id;
  const orgPath = [...db.model().ancestors(orgId)].reverse().concat(orgId);
  let chain: SettingScope[];
  if (target.level === 'org') chain = settingsChain({ orgPath });
  else if (target.level === 'group') {
    if (db.groups.get(target.groupId)?.orgId !== orgId) throw notFound('Group');
    chain = settingsChain({ orgPath, groupIds: [target.groupId] });
  } else {
    if (!db.membership(orgId, target.userId)) throw notFound('Member');
    const groupIds = [...db.groups.values()]
      .filter((g) => g.orgId === orgId && g.memberIds.includes(target.userId))
      .sort((a, b) => compareTuple([a.name.toLowerCase(), a.id], [b.name.toLowerCase(), b.id]))
      .map((g) => g.id);
    chain = settingsChain({ orgPath, groupIds, userId: `${orgId}/${target.userId}` });
  }
  return { chain, scope: chain.at(-1)! };
}

const platformPlace = (): Place => ({
  chain: [{ level: 'platform' }],
  scope: { level: 'platform' },
});

function overrides(db: MockDb) {
  return db.settings.map((r) => ({
    key: r.key,
    scope:
      r.scopeType === 'platform'
        ? ({ level: 'platform' } as SettingScope)
        : ({ level: r.scopeType, id: r.scopeId } as SettingScope),
    value: r.value,
    locked: r.locked,
  }));
}

const publicScope = (s: SettingScope) => {
  const id = s.id ?? null;
  return { level: s.level, id: s.level === 'user' && id ? id.slice(id.indexOf('/') + 1) : id };
};

function own(db: MockDb, p: Place, key: string): SettingRow | undefined {
  const b = stored(p.scope);
  return db.settings.find((r) => r.key === key && r.scopeType === b.type && r.scopeId === b.id);
}

function effective(db: MockDb, key: string, spec: SettingSpec, p: Place) {
  const resolved = resolveSetting(key, spec, p.chain, overrides(db));
  const mine = own(db, p, key);
  return {
    key,
    spec,
    value: resolved.value,
    source: publicScope(resolved.source),
    isDefault: resolved.isDefault,
    lockedBy: resolved.lockedBy ? publicScope(resolved.lockedBy) : null,
    shadowed: resolved.shadowed.map(publicScope),
    override: mine
      ? { value: mine.value, locked: mine.locked, updatedAt: mine.updatedAt.toISOString() }
      : null,
  };
}

const list = (db: MockDb, p: Place) => ({
  level: publicScope(p.scope),
  items: Object.entries(db.options.settings).map(([key, spec]) => effective(db, key, spec, p)),
});

function specOf(db: MockDb, key: string): SettingSpec {
  const found = Object.hasOwn(db.options.settings, key) ? db.options.settings[key] : undefined;
  if (!found) throw new MockProblem(404, 'UNKNOWN_SETTING', `Unknown setting "${key}".`);
  return found;
}

function checkValue(spec: SettingSpec, value: unknown) {
  const result = validateSettingValue(spec, value);
  if (!result.ok) {
    throw new MockProblem(422, 'INVALID_SETTING_VALUE', result.message, {
      errors: [
        { in: 'json', path: 'value', message: result.message, code: 'invalid_setting_value' },
      ],
    });
  }
}

function targetOf(
  orgId: string,
  level: string,
  targetId: string | undefined,
  where: 'json' | 'query',
): Target {
  const bad = (message: string) =>
    new MockProblem(422, 'VALIDATION_FAILED', `targetId ${message}.`, {
      errors: [{ in: where, path: 'targetId', message, code: 'invalid_target' }],
    });
  if (level === 'org') {
    if (targetId !== undefined && targetId !== orgId) throw bad('must be the organization id');
    return { level };
  }
  if (level !== 'group' && level !== 'user')
    throw invalid(where, [
      { in: where, path: 'level', message: 'Invalid option', code: 'invalid_value' },
    ]);
  if (!targetId) throw bad(`is required for the ${level} level`);
  return level === 'group' ? { level, groupId: targetId } : { level, userId: targetId };
}

function put(db: MockDb, p: Place, key: string, value: unknown, locked: boolean) {
  const b = stored(p.scope);
  const existing = own(db, p, key);
  if (existing) Object.assign(existing, { value, locked, updatedAt: db.now() });
  else
    db.settings.push({ scopeType: b.type, scopeId: b.id, key, value, locked, updatedAt: db.now() });
}

const requirePlatformAdmin = (user: UserRow | null) => {
  const me = requireUser(user);
  if (!me.platformAdmin) throw forbidden('Only platform admins can do this.');
  return me;
};

/** The settings waterfall: org, group and member levels; the platform level; mine. */
export function settingRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const platformLevel = { level: 'platform', id: null };
  return [
    http.get(
      ctx.path('/organizations/:orgId/settings'),
      route(ctx, ({ user, params }) => {
        const access = requireOrgPermission(db, user, params.orgId!, 'settings:read');
        return HttpResponse.json(list(db, orgPlace(db, access, { level: 'org' })));
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/settings/effective'),
      route(ctx, ({ user, params, url }) => {
        const groupId = url.searchParams.get('groupId') ?? undefined;
        const userId = url.searchParams.get('userId') ?? undefined;
        if ((groupId === undefined) === (userId === undefined)) {
          throw invalid('query', [
            {
              in: 'query',
              path: '',
              message: 'Give exactly one of groupId and userId',
              code: 'custom',
            },
          ]);
        }
        const access = requireOrgPermission(db, user, params.orgId!, 'settings:read');
        return HttpResponse.json(
          list(
            db,
            orgPlace(
              db,
              access,
              groupId ? { level: 'group', groupId } : { level: 'user', userId: userId! },
            ),
          ),
        );
      }),
    ),
    http.put(
      ctx.path('/organizations/:orgId/settings/:key'),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const { orgId, key } = params as { orgId: string; key: string };
        const level = (body.level as string | undefined) ?? 'org';
        const access = requireOrgPermission(db, user, orgId, 'settings:update');
        const spec = specOf(db, key);
        const target = targetOf(orgId, level, body.targetId as string | undefined, 'json');
        checkValue(spec, body.value);
        const place = orgPlace(db, access, target);
        const writable = checkSettingWritable(key, place.scope, place.chain, overrides(db));
        if (!writable.ok) {
          throw new MockProblem(409, writable.code, writable.message, {
            lockedBy: writable.lockedBy && publicScope(writable.lockedBy),
          });
        }
        const before = own(db, place, key);
        const locked = (body.locked as boolean | undefined) ?? before?.locked ?? false;
        if (locked !== (before?.locked ?? false) && !access.permissions.has('settings:lock')) {
          throw forbidden(`${locked ? 'Locking' : 'Unlocking'} a setting needs settings:lock.`);
        }
        const beforeJson = before
          ? { level: publicScope(place.scope), value: before.value, locked: before.locked }
          : null;
        put(db, place, key, body.value, locked);
        db.record(user!.id, {
          orgId,
          action: 'setting.set',
          targetType: 'setting',
          targetId: key,
          description: `Setting ${key} set at the ${level} level${locked ? ' (locked)' : ''}`,
          before: beforeJson,
          after: { level: publicScope(place.scope), value: body.value, locked },
        });
        return HttpResponse.json(effective(db, key, spec, place));
      }),
    ),
    http.delete(
      ctx.path('/organizations/:orgId/settings/:key'),
      route(ctx, ({ user, params, url }) => {
        const { orgId, key } = params as { orgId: string; key: string };
        const level = url.searchParams.get('level') ?? 'org';
        const access = requireOrgPermission(db, user, orgId, 'settings:update');
        specOf(db, key);
        const place = orgPlace(
          db,
          access,
          targetOf(orgId, level, url.searchParams.get('targetId') ?? undefined, 'query'),
        );
        const before = own(db, place, key);
        if (!before) throw notFound('Setting override');
        if (before.locked && !access.permissions.has('settings:lock'))
          throw forbidden('Clearing a locked setting needs settings:lock.');
        db.settings = db.settings.filter((r) => r !== before);
        db.record(user!.id, {
          orgId,
          action: 'setting.cleared',
          targetType: 'setting',
          targetId: key,
          description: `Setting ${key} cleared at the ${level} level`,
          before: { level: publicScope(place.scope), value: before.value, locked: before.locked },
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.get(
      ctx.path('/me/settings'),
      route(ctx, ({ user, url }) => {
        const me = requireUser(user);
        const orgId = url.searchParams.get('orgId');
        if (!orgId)
          throw invalid('query', [
            { in: 'query', path: 'orgId', message: 'Required', code: 'invalid_type' },
          ]);
        const access = db.access(me, orgId);
        if (!access) throw notFound('Organization');
        const target: Target = db.membership(orgId, me.id)
          ? { level: 'user', userId: me.id }
          : { level: 'org' };
        return HttpResponse.json(list(db, orgPlace(db, access, target)));
      }),
    ),
    http.get(
      ctx.path('/platform/settings'),
      route(ctx, ({ user }) => {
        requirePlatformAdmin(user);
        return HttpResponse.json(list(db, platformPlace()));
      }),
    ),
    http.get(
      ctx.path('/platform/settings/:key'),
      route(ctx, ({ user, params }) => {
        requirePlatformAdmin(user);
        const key = params.key!;
        return HttpResponse.json(effective(db, key, specOf(db, key), platformPlace()));
      }),
    ),
    http.put(
      ctx.path('/platform/settings/:key'),
      route(ctx, async ({ user, params, json }) => {
        const me = requirePlatformAdmin(user);
        const key = params.key!;
        const body = await json();
        const spec = specOf(db, key);
        checkValue(spec, body.value);
        const place = platformPlace();
        const before = own(db, place, key);
        const locked = (body.locked as boolean | undefined) ?? false;
        put(db, place, key, body.value, locked);
        db.record(me.id, {
          orgId: null,
          action: 'setting.set',
          targetType: 'setting',
          targetId: key,
          description: `Platform setting ${key} set${locked ? ' and locked' : ''}`,
          before: before
            ? { level: platformLevel, value: before.value, locked: before.locked }
            : null,
          after: { level: platformLevel, value: body.value, locked },
        });
        return HttpResponse.json(effective(db, key, spec, place));
      }),
    ),
    http.delete(
      ctx.path('/platform/settings/:key'),
      route(ctx, ({ user, params }) => {
        const me = requirePlatformAdmin(user);
        const key = params.key!;
        specOf(db, key);
        const place = platformPlace();
        const before = own(db, place, key);
        if (!before) throw notFound('Setting override');
        db.settings = db.settings.filter((r) => r !== before);
        db.record(me.id, {
          orgId: null,
          action: 'setting.cleared',
          targetType: 'setting',
          targetId: key,
          description: `Platform setting ${key} cleared`,
          before: { level: platformLevel, value: before.value, locked: before.locked },
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
