import { z } from '@hono/zod-openapi';
import type { CompiledRole, RoleDefinition, RoleRegistry } from '@orgkit/core';
import type { Permission } from '../../access/access.js';
import { isExclusive, resolvedPermissions } from '../../access/roles.js';
import type { CustomRoleRow } from '../../store/organizations.js';
import type { RoleHolderCount } from '../../store/roles.js';
import { OrgParams } from '../organizations/schemas.js';

const PermissionName = z.string().min(1).max(100);

/** A role's permission entry: a permission, `resource:*`, `*`, or a conditional grant. */
export const GrantEntrySchema = z
  .union([
    PermissionName,
    z.strictObject({
      permission: PermissionName,
      requires: z.union([PermissionName, z.array(PermissionName).min(1).max(10)]),
    }),
  ])
  .openapi('GrantEntry', {
    description:
      'A permission (`members:read`), every action of a resource (`members:*`), everything (`*`), or `{ permission, requires }`: given only while the holder also has the required permission(s).',
  });

const GrantList = z.array(GrantEntrySchema).max(500);
const PatternList = z.array(PermissionName).max(500);

/** What may be taken away from an extended role. */
export const RemoveSchema = z
  .strictObject({ self: PatternList.optional(), descendants: PatternList.optional() })
  .openapi('RoleRemove');

const ResolvedGrantsSchema = z
  .object({
    permissions: z.array(z.string()),
    conditional: z.array(z.object({ permission: z.string(), requires: z.array(z.string()) })),
  })
  .openapi('ResolvedGrants');

/** A role as the API shows it: its declaration and what it resolves to. */
export const RoleSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(['preset', 'custom']),
    /** The org that defines a custom role; null for presets. */
    orgId: z.string().nullable(),
    module: z.string().nullable(),
    /** A level of a module whose roles are exclusive: a holder has at most one of them. */
    exclusive: z.boolean(),
    assignable: z.enum(['members', 'groups', 'both']),
    extends: z.string().nullable(),
    self: z.array(GrantEntrySchema),
    descendants: z.array(GrantEntrySchema),
    remove: RemoveSchema.nullable(),
    permissions: z
      .object({ self: ResolvedGrantsSchema, descendants: ResolvedGrantsSchema })
      .openapi({ description: 'What the role gives, with `extends` and `remove` applied' }),
    holders: z.object({ members: z.number().int(), groups: z.number().int() }),
    createdAt: z.string().nullable().openapi({ format: 'date-time' }),
    updatedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Role');

/** A role in the API's shape. */
export type RoleJson = z.infer<typeof RoleSchema>;

/** Maps a role definition (compiled in `registry`) to {@link RoleSchema}. */
export function toRole(
  registry: RoleRegistry<Permission>,
  def: RoleDefinition<Permission>,
  compiled: CompiledRole<Permission>,
  holders: RoleHolderCount | undefined,
  row?: CustomRoleRow,
): RoleJson {
  return {
    key: def.key,
    name: def.name,
    description: def.description ?? null,
    kind: def.kind,
    orgId: def.orgId,
    module: def.module ?? null,
    exclusive: isExclusive(registry, def.module),
    assignable: def.assignable ?? 'both',
    extends: def.extends ?? null,
    self: [...(def.self ?? [])] as RoleJson['self'],
    descendants: [...(def.descendants ?? [])] as RoleJson['descendants'],
    remove: (def.remove ?? null) as RoleJson['remove'],
    permissions: resolvedPermissions(registry, compiled),
    holders: { members: holders?.members ?? 0, groups: holders?.groups ?? 0 },
    createdAt: row?.createdAt.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** `{orgId}` and `{key}` path parameters. */
export const RoleParams = OrgParams.extend({ key: z.string().min(1).max(64) });

/** The editable fields of a custom role (all but its key). */
export const RoleFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(1000).nullable().optional(),
  module: z.string().max(64).nullable().optional(),
  assignable: z.enum(['members', 'groups', 'both']).optional(),
  extends: z.string().max(64).nullable().optional(),
  self: GrantList.optional(),
  descendants: GrantList.optional(),
  remove: RemoveSchema.nullable().optional(),
};
