import { z } from '@hono/zod-openapi';
import type { RoleSpec } from '@orgkit/core';
import { requireOrgPermission } from '../../access/require.js';
import { checkRoleSpec, checkRolesWithinCaller } from '../../access/roles.js';
import { auditActor } from '../../audit/actor.js';
import { conflict, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { idempotent } from '../../middleware/idempotency.js';
import type { CustomRoleFields } from '../../store/roles.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrgParams } from '../organizations/schemas.js';
import { RoleFields, type RoleJson, RoleParams, RoleSchema, toRole } from './schemas.js';

/** Roles of an org: presets and custom roles, listed, read and created. */
export const roleRoutes = createRouter();

const listRoles = defineRoute({
  operationId: 'listRoles',
  method: 'get',
  path: '/organizations/{orgId}/roles',
  tags: ['roles'],
  summary: 'Preset roles and this organization’s custom roles, with what they resolve to',
  description:
    'Needs `roles:read`. Each role with the permissions it resolves to and how many members and groups hold it.',
  security: AUTHENTICATED,
  request: { params: OrgParams },
  responses: {
    200: json(z.object({ items: z.array(RoleSchema) }).openapi('RoleList'), 'Presets first'),
    ...problems(403),
  },
});

roleRoutes.openapi(listRoles, async (c) => {
  const { orgId } = c.req.valid('param');
  const { store } = c.var.deps;
  const { registry } = await requireOrgPermission(c, orgId, 'roles:read');
  const [rows, counts] = await Promise.all([
    store.organizations.customRoles([orgId]),
    store.roles.holderCounts(orgId),
  ]);
  const items: RoleJson[] = registry.presets.map((def) =>
    toRole(registry, def, registry.get(def.key, orgId)!, counts.get(def.key)),
  );
  for (const row of rows.sort((a, b) => a.key.localeCompare(b.key))) {
    const def = registry.definition(row.key, orgId)!;
    items.push(toRole(registry, def, registry.get(row.key, orgId)!, counts.get(row.key), row));
  }
  return c.json({ items }, 200);
});

const getRole = defineRoute({
  operationId: 'getRole',
  method: 'get',
  path: '/organizations/{orgId}/roles/{key}',
  tags: ['roles'],
  summary: 'Read one role',
  description: 'Needs `roles:read`. A preset or custom role by key.',
  security: AUTHENTICATED,
  request: { params: RoleParams },
  responses: { 200: json(RoleSchema, 'The role'), ...problems(403) },
});

roleRoutes.openapi(getRole, async (c) => {
  const { orgId, key } = c.req.valid('param');
  const { store } = c.var.deps;
  const { registry } = await requireOrgPermission(c, orgId, 'roles:read');
  const def = registry.definition(key, orgId);
  if (!def) throw notFound('Role');
  const row = def.kind === 'custom' ? await store.roles.find(orgId, key) : undefined;
  const counts = await store.roles.holderCounts(orgId);
  return c.json(toRole(registry, def, registry.get(key, orgId)!, counts.get(key), row), 200);
});

/** A role declaration from a request body, as core and the store see it. */
export function roleSpec(
  key: string,
  body: {
    name: string;
    description?: string | null | undefined;
    module?: string | null | undefined;
    assignable?: 'members' | 'groups' | 'both' | undefined;
    extends?: string | null | undefined;
    self?: RoleSpec<string>['self'] | undefined;
    descendants?: RoleSpec<string>['descendants'] | undefined;
    remove?: RoleSpec<string>['remove'] | null | undefined;
  },
): { spec: RoleSpec<string>; fields: CustomRoleFields } {
  const spec: RoleSpec<string> = {
    key,
    name: body.name,
    ...(body.description ? { description: body.description } : {}),
    ...(body.module ? { module: body.module } : {}),
    ...(body.assignable ? { assignable: body.assignable } : {}),
    ...(body.extends ? { extends: body.extends } : {}),
    self: body.self ?? [],
    descendants: body.descendants ?? [],
    ...(body.remove ? { remove: body.remove } : {}),
  };
  return {
    spec,
    fields: {
      name: body.name,
      description: body.description || null,
      module: body.module || null,
      assignable: body.assignable ?? null,
      extends: body.extends || null,
      self: [...(spec.self ?? [])],
      descendants: [...(spec.descendants ?? [])],
      remove: (body.remove ?? null) as Record<string, unknown> | null,
    },
  };
}

const createRole = defineRoute({
  operationId: 'createRole',
  method: 'post',
  path: '/organizations/{orgId}/roles',
  tags: ['roles'],
  summary: 'Create a custom role',
  description:
    'Validated by core (known permissions, module, `extends` without cycles, not a preset key). The caller must hold every permission the role can give, in both scopes (escalation guard). Honours `Idempotency-Key`.',
  security: AUTHENTICATED,
  middleware: [idempotent()] as const,
  request: {
    params: OrgParams,
    body: jsonBody(z.strictObject({ key: z.string().min(1).max(64), ...RoleFields })),
  },
  responses: { 201: json(RoleSchema, 'Created'), ...problems(403, 409) },
});

roleRoutes.openapi(createRole, async (c) => {
  const { orgId } = c.req.valid('param');
  const body = c.req.valid('json');
  const created = await c.var.deps.store.transaction(async (tx) => {
    const access = await requireOrgPermission(c, orgId, 'roles:create', tx);
    if (await tx.roles.find(orgId, body.key)) {
      throw conflict(ErrorCode.ROLE_KEY_TAKEN, `A role "${body.key}" already exists here.`);
    }
    const { spec, fields } = roleSpec(body.key, body);
    const { registry, role } = checkRoleSpec(access, spec);
    checkRolesWithinCaller(access, [role]);
    const row = await tx.roles.create(orgId, body.key, fields);
    const json = toRole(registry, role.definition, role, undefined, row);
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'role.created',
      targetType: 'role',
      targetId: body.key,
      description: `Role ${body.name} (${body.key}) created`,
      after: json,
    });
    return json;
  });
  return c.json(created, 201);
});
