import { z } from '@hono/zod-openapi';
import { requireOrgPermission } from '../../access/require.js';
import {
  bottomScope,
  checkSettingValue,
  checkWritable,
  orgPlace,
  publicScope,
  type SettingTarget,
  settingSpec,
} from '../../access/settings.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, forbidden, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrgParams } from '../organizations/schemas.js';
import {
  EffectiveSettingSchema,
  effectiveSettings,
  SettingKey,
  SettingListSchema,
  SettingValueSchema,
  toEffectiveSetting,
} from './schemas.js';

/** An org's settings waterfall: read, set, lock and clear overrides per level. */
export const orgSettingRoutes = createRouter();

const Level = z.enum(['org', 'group', 'user']);

/** The level a request names; `targetId` is the group or user id (the org itself for `org`). */
function targetOf(
  orgId: string,
  level: z.infer<typeof Level>,
  targetId: string | undefined,
  where: 'json' | 'query',
): SettingTarget {
  const bad = (message: string) =>
    new ApiError(422, ErrorCode.VALIDATION_FAILED, `targetId ${message}.`, {
      errors: [{ in: where, path: 'targetId', message, code: 'invalid_target' }],
    });
  if (level === 'org') {
    if (targetId !== undefined && targetId !== orgId) throw bad('must be the organization id');
    return { level };
  }
  if (!targetId) throw bad(`is required for the ${level} level`);
  return level === 'group' ? { level, groupId: targetId } : { level, userId: targetId };
}

const listSettings = defineRoute({
  operationId: 'listOrganizationSettings',
  method: 'get',
  path: '/organizations/{orgId}/settings',
  tags: ['settings'],
  summary: 'Effective settings of the organization, with their source level and lock',
  description:
    'Needs `settings:read`. Every declared setting with the value that applies in the organization, the level it comes from, and the level that locks it, if any.',
  security: AUTHENTICATED,
  request: { params: OrgParams },
  responses: { 200: json(SettingListSchema, 'Every declared key'), ...problems(403) },
});

orgSettingRoutes.openapi(listSettings, async (c) => {
  const { orgId } = c.req.valid('param');
  const { store, options } = c.var.deps;
  const access = await requireOrgPermission(c, orgId, 'settings:read');
  const place = await orgPlace(store, access, { level: 'org' });
  return c.json(
    { level: publicScope(place.scope), items: effectiveSettings(options.settings, place) },
    200,
  );
});

const effective = defineRoute({
  operationId: 'listEffectiveSettings',
  method: 'get',
  path: '/organizations/{orgId}/settings/effective',
  tags: ['settings'],
  summary: 'Effective settings for a group or a member of the organization',
  description:
    'Give `groupId` or `userId`. A member’s chain is platform → ancestor orgs → org → their groups (by name) → their own level.',
  security: AUTHENTICATED,
  request: {
    params: OrgParams,
    query: z
      .object({
        groupId: z.string().min(1).max(100).optional(),
        userId: z.string().min(1).max(100).optional(),
      })
      .refine((q) => (q.groupId === undefined) !== (q.userId === undefined), {
        message: 'Give exactly one of groupId and userId',
      }),
  },
  responses: {
    200: json(SettingListSchema, 'Every declared key'),
    ...problems(403),
  },
});

orgSettingRoutes.openapi(effective, async (c) => {
  const { orgId } = c.req.valid('param');
  const { groupId, userId } = c.req.valid('query');
  const { store, options } = c.var.deps;
  const access = await requireOrgPermission(c, orgId, 'settings:read');
  const place = await orgPlace(
    store,
    access,
    groupId ? { level: 'group', groupId } : { level: 'user', userId: userId! },
  );
  return c.json(
    { level: publicScope(place.scope), items: effectiveSettings(options.settings, place) },
    200,
  );
});

const putSetting = defineRoute({
  operationId: 'setOrganizationSetting',
  method: 'put',
  path: '/organizations/{orgId}/settings/{key}',
  tags: ['settings'],
  summary: 'Set (and optionally lock) a setting at the org, a group or a member level',
  description:
    '`settings:update`; locking or unlocking (`locked` differing from what is stored; omitted keeps it) also needs `settings:lock`. Refused with 409 `SETTING_LOCKED` when a level above locked the key; a value of the wrong type is 422 naming `value`.',
  security: AUTHENTICATED,
  request: {
    params: OrgParams.extend({ key: SettingKey }),
    body: jsonBody(
      z.strictObject({
        value: SettingValueSchema,
        locked: z.boolean().optional(),
        level: Level.default('org'),
        targetId: z.string().min(1).max(100).optional(),
      }),
    ),
  },
  responses: {
    200: json(EffectiveSettingSchema, 'The setting at that level'),
    ...problems(403, 409),
  },
});

orgSettingRoutes.openapi(putSetting, async (c) => {
  const { orgId, key } = c.req.valid('param');
  const body = c.req.valid('json');
  const { store, options } = c.var.deps;
  const result = await store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'settings:update', tx);
    const spec = settingSpec(options.settings, key);
    const target = targetOf(orgId, body.level, body.targetId, 'json');
    checkSettingValue(spec, body.value);
    const place = await orgPlace(tx, access, target);
    checkWritable(key, place);
    const scope = bottomScope(place);
    const before = await tx.settings.get(scope, key);
    const locked = body.locked ?? before?.locked ?? false;
    if (locked !== (before?.locked ?? false) && !access.permissions.has('settings:lock')) {
      throw forbidden(`${locked ? 'Locking' : 'Unlocking'} a setting needs settings:lock.`);
    }
    await tx.settings.put(scope, key, body.value, locked);
    const after = toEffectiveSetting(key, spec, await orgPlace(tx, access, target));
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'setting.set',
      targetType: 'setting',
      targetId: key,
      description: `Setting ${key} set at the ${body.level} level${locked ? ' (locked)' : ''}`,
      before: before
        ? { level: publicScope(place.scope), value: before.value, locked: before.locked }
        : null,
      after: { level: publicScope(place.scope), value: body.value, locked },
    });
    return after;
  });
  return c.json(result, 200);
});

const clearSetting = defineRoute({
  operationId: 'clearOrganizationSetting',
  method: 'delete',
  path: '/organizations/{orgId}/settings/{key}',
  tags: ['settings'],
  summary: 'Clear the override of a setting at one level (the level above applies again)',
  description: '`settings:update`; clearing a locked override also needs `settings:lock`.',
  security: AUTHENTICATED,
  request: {
    params: OrgParams.extend({ key: SettingKey }),
    query: z.object({
      level: Level.default('org'),
      targetId: z.string().min(1).max(100).optional(),
    }),
  },
  responses: { 204: { description: 'Cleared' }, ...problems(403) },
});

orgSettingRoutes.openapi(clearSetting, async (c) => {
  const { orgId, key } = c.req.valid('param');
  const query = c.req.valid('query');
  const { store, options } = c.var.deps;
  await store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'settings:update', tx);
    settingSpec(options.settings, key);
    const target = targetOf(orgId, query.level, query.targetId, 'query');
    const place = await orgPlace(tx, access, target);
    const scope = bottomScope(place);
    const before = await tx.settings.get(scope, key);
    if (!before) throw notFound('Setting override');
    if (before.locked && !access.permissions.has('settings:lock')) {
      throw forbidden('Clearing a locked setting needs settings:lock.');
    }
    await tx.settings.delete(scope, key);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'setting.cleared',
      targetType: 'setting',
      targetId: key,
      description: `Setting ${key} cleared at the ${query.level} level`,
      before: { level: publicScope(place.scope), value: before.value, locked: before.locked },
    });
  });
  return c.body(null, 204);
});
