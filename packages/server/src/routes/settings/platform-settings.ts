import { z } from '@hono/zod-openapi';
import { actorOf } from '../../access/access.js';
import {
  checkSettingValue,
  orgPlace,
  platformPlace,
  publicScope,
  settingSpec,
} from '../../access/settings.js';
import { auditActor } from '../../audit/actor.js';
import type { AppEnv } from '../../context.js';
import { forbidden, notFound } from '../../errors/api-error.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import {
  EffectiveSettingSchema,
  effectiveSettings,
  SettingKey,
  SettingListSchema,
  SettingValueSchema,
  toEffectiveSetting,
} from './schemas.js';

/** Platform defaults (platform admins) and the caller's own effective settings. */
export const platformSettingRoutes = createRouter();

function requirePlatformAdmin(c: { var: AppEnv['Variables'] }) {
  const principal = requirePrincipal(c);
  if (!principal.user.platformAdmin)
    throw forbidden('Only platform admins manage platform settings.');
  return principal;
}

const listPlatform = defineRoute({
  operationId: 'listPlatformSettings',
  method: 'get',
  path: '/platform/settings',
  tags: ['settings'],
  summary: 'Platform-level settings (defaults from code, overridden by platform admins)',
  description:
    'Platform admins only. Every declared setting with its platform value, or the default from code when none is set.',
  security: AUTHENTICATED,
  responses: { 200: json(SettingListSchema, 'Every declared key'), ...problems(403) },
});

platformSettingRoutes.openapi(listPlatform, async (c) => {
  requirePlatformAdmin(c);
  const { store, options } = c.var.deps;
  const place = await platformPlace(store);
  return c.json(
    { level: publicScope(place.scope), items: effectiveSettings(options.settings, place) },
    200,
  );
});

const KeyParams = z.object({ key: SettingKey });

const getPlatform = defineRoute({
  operationId: 'getPlatformSetting',
  method: 'get',
  path: '/platform/settings/{key}',
  tags: ['settings'],
  summary: 'One platform-level setting',
  description: 'Platform admins only. Unknown keys answer 404.',
  security: AUTHENTICATED,
  request: { params: KeyParams },
  responses: { 200: json(EffectiveSettingSchema, 'The setting'), ...problems(403) },
});

platformSettingRoutes.openapi(getPlatform, async (c) => {
  requirePlatformAdmin(c);
  const { key } = c.req.valid('param');
  const { store, options } = c.var.deps;
  const spec = settingSpec(options.settings, key);
  return c.json(toEffectiveSetting(key, spec, await platformPlace(store)), 200);
});

const putPlatform = defineRoute({
  operationId: 'setPlatformSetting',
  method: 'put',
  path: '/platform/settings/{key}',
  tags: ['settings'],
  summary: 'Set the platform value of a setting; `locked` stops every org from overriding it',
  description: 'Platform admins only. The value must match the setting’s declared type. Audited.',
  security: AUTHENTICATED,
  request: {
    params: KeyParams,
    body: jsonBody(z.strictObject({ value: SettingValueSchema, locked: z.boolean().optional() })),
  },
  responses: { 200: json(EffectiveSettingSchema, 'The setting'), ...problems(403) },
});

platformSettingRoutes.openapi(putPlatform, async (c) => {
  requirePlatformAdmin(c);
  const { key } = c.req.valid('param');
  const body = c.req.valid('json');
  const { store, options } = c.var.deps;
  const spec = settingSpec(options.settings, key);
  checkSettingValue(spec, body.value);
  const result = await store.transaction(async (tx) => {
    const scope = { type: 'platform' as const, id: '' };
    const before = await tx.settings.get(scope, key);
    await tx.settings.put(scope, key, body.value, body.locked ?? false);
    await tx.audit.record(auditActor(c), {
      action: 'setting.set',
      targetType: 'setting',
      targetId: key,
      description: `Platform setting ${key} set${body.locked ? ' and locked' : ''}`,
      before: before
        ? { level: { level: 'platform', id: null }, value: before.value, locked: before.locked }
        : null,
      after: {
        level: { level: 'platform', id: null },
        value: body.value,
        locked: body.locked ?? false,
      },
    });
    return toEffectiveSetting(key, spec, await platformPlace(tx));
  });
  return c.json(result, 200);
});

const clearPlatform = defineRoute({
  operationId: 'clearPlatformSetting',
  method: 'delete',
  path: '/platform/settings/{key}',
  tags: ['settings'],
  summary: 'Clear the platform value (the default from code applies again)',
  description:
    'Platform admins only. 404 when the platform has no value of its own for the key. Audited.',
  security: AUTHENTICATED,
  request: { params: KeyParams },
  responses: { 204: { description: 'Cleared' }, ...problems(403) },
});

platformSettingRoutes.openapi(clearPlatform, async (c) => {
  requirePlatformAdmin(c);
  const { key } = c.req.valid('param');
  const { store, options } = c.var.deps;
  settingSpec(options.settings, key);
  await store.transaction(async (tx) => {
    const scope = { type: 'platform' as const, id: '' };
    const before = await tx.settings.get(scope, key);
    if (!before) throw notFound('Setting override');
    await tx.settings.delete(scope, key);
    await tx.audit.record(auditActor(c), {
      action: 'setting.cleared',
      targetType: 'setting',
      targetId: key,
      description: `Platform setting ${key} cleared`,
      before: {
        level: { level: 'platform', id: null },
        value: before.value,
        locked: before.locked,
      },
    });
  });
  return c.body(null, 204);
});

const mySettings = defineRoute({
  operationId: 'listMySettings',
  method: 'get',
  path: '/me/settings',
  tags: ['settings', 'me'],
  summary: 'The caller’s effective settings in an organization',
  description:
    'Every declared setting as it applies to the caller in `orgId`: platform, organizations above, the organization, the caller’s groups, then the caller’s own level. The caller must be a member (404 otherwise).',
  security: AUTHENTICATED,
  request: { query: z.object({ orgId: z.string().min(1).max(100) }) },
  responses: { 200: json(SettingListSchema, 'Every declared key'), ...problems(404) },
});

platformSettingRoutes.openapi(mySettings, async (c) => {
  const principal = requirePrincipal(c);
  const { orgId } = c.req.valid('query');
  const { store, access, options } = c.var.deps;
  const inOrg = await access.resolve(store, actorOf(principal), orgId);
  if (!inOrg) throw notFound('Organization');
  const member = await store.members.get(orgId, principal.user.id);
  const place = await orgPlace(
    store,
    inOrg,
    member ? { level: 'user', userId: principal.user.id } : { level: 'org' },
  );
  return c.json(
    { level: publicScope(place.scope), items: effectiveSettings(options.settings, place) },
    200,
  );
});
