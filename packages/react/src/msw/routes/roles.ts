import {
  type CompiledGrants,
  type CompiledRole,
  canChangeRoles,
  checkRoleAssignment,
  checkRoleEscalation,
  describeCatalog,
  PermissionSet,
  type RoleDefinition,
  type RoleRegistry,
  type RoleSpec,
  validateRoleSpec,
} from '@orgkit/core';
import { HttpResponse, http } from 'msw';
import { assertOk, requireOrgPermission, requireUser } from '../decisions.js';
import type { CustomRoleRow, MockAccess, MockDb } from '../mock-db.js';
import { conflict, invalid, MockProblem, notFound } from '../problem.js';
import { type RouteContext, route } from '../route-context.js';

const resolveGrants = (registry: RoleRegistry<string>, g: CompiledGrants) => ({
  permissions: new PermissionSet(registry.catalog, g.unconditional.slice()).list(),
  conditional: g.conditional.map((c) => ({
    permission: registry.catalog.permissions[c.index]!,
    requires: c.requiresList.map((i) => registry.catalog.permissions[i]!),
  })),
});

function holderCounts(db: MockDb, orgId: string, key: string) {
  const members = [...db.memberships.values()].filter(
    (m) => m.orgId === orgId && m.roles.includes(key),
  );
  const groups = [...db.groups.values()].filter((g) => g.orgId === orgId && g.roles.includes(key));
  return { members, groups };
}

/** The server's `toRole`: declaration, resolution and holder counts. */
function toRole(
  db: MockDb,
  registry: RoleRegistry<string>,
  def: RoleDefinition<string>,
  orgId: string,
  row?: CustomRoleRow,
) {
  const compiled = registry.get(def.key, orgId)!;
  const held = holderCounts(db, orgId, def.key);
  return {
    key: def.key,
    name: def.name,
    description: def.description ?? null,
    kind: def.kind,
    orgId: def.orgId,
    module: def.module ?? null,
    exclusive:
      def.module !== undefined && registry.catalog.modules.get(def.module)?.exclusiveRoles === true,
    assignable: def.assignable ?? 'both',
    extends: def.extends ?? null,
    self: [...(def.self ?? [])],
    descendants: [...(def.descendants ?? [])],
    remove: def.remove ?? null,
    permissions: {
      self: resolveGrants(registry, compiled.self),
      descendants: resolveGrants(registry, compiled.descendants),
    },
    holders: { members: held.members.length, groups: held.groups.length },
    createdAt: row?.createdAt.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

type Body = Record<string, unknown>;

function specOf(key: string, body: Body): RoleSpec<string> {
  return {
    key,
    name: String(body.name),
    ...(body.description ? { description: String(body.description) } : {}),
    ...(body.module ? { module: String(body.module) } : {}),
    ...(body.assignable ? { assignable: body.assignable as 'members' | 'groups' | 'both' } : {}),
    ...(body.extends ? { extends: String(body.extends) } : {}),
    self: (body.self as RoleSpec<string>['self']) ?? [],
    descendants: (body.descendants as RoleSpec<string>['descendants']) ?? [],
    ...(body.remove ? { remove: body.remove as RoleSpec<string>['remove'] } : {}),
  };
}

/** Core's validation as a 422 naming each field; the registry with the candidate in place. */
function checkRoleSpec(db: MockDb, orgId: string, spec: RoleSpec<string>) {
  const registry = db.model().registry;
  const result = validateRoleSpec(registry, spec, orgId);
  if (!result.ok) {
    throw new MockProblem(422, 'VALIDATION_FAILED', result.message, {
      errors: (result.fields ?? []).map((f) => ({
        in: 'json',
        path: f.path.replace(/\[(\d+)\]/g, '.$1'),
        message: f.message,
        code: 'invalid_role',
      })),
    });
  }
  const candidate: RoleDefinition<string> = { ...spec, kind: 'custom', orgId };
  const others = [...db.customRoles.values()]
    .map((r) => r.def)
    .filter((d) => !(d.orgId === orgId && d.key === spec.key));
  const next = registry.withCustomRoles([...others, candidate]);
  return { registry: next, role: next.get(spec.key, orgId)!, def: candidate };
}

function dependentRoles(
  registry: RoleRegistry<string>,
  orgId: string,
  key: string,
): CompiledRole<string>[] {
  const out: CompiledRole<string>[] = [];
  for (const def of registry.customRoles(orgId)) {
    let base = def.extends;
    const seen = new Set([def.key]);
    while (base !== undefined && !seen.has(base)) {
      if (base === key) {
        out.push(registry.get(def.key, orgId)!);
        break;
      }
      seen.add(base);
      base = registry.definition(base, orgId)?.extends;
    }
  }
  return out;
}

const withinCaller = (access: MockAccess, roles: (CompiledRole<string> | undefined)[]) =>
  assertOk(
    checkRoleEscalation(
      access.permissions,
      roles.filter((r): r is CompiledRole<string> => !!r),
    ),
  );

function holdersStillValid(
  db: MockDb,
  registry: RoleRegistry<string>,
  orgId: string,
  lists: { kind: 'members' | 'groups'; roles: string[] }[],
) {
  for (const { kind, roles } of lists) {
    const result = checkRoleAssignment(registry, orgId, roles, kind);
    if (!result.ok)
      throw conflict(result.code, `A current holder would become invalid: ${result.message}`);
  }
  void db;
}

/** Roles and the catalog: `/v1/permissions`, `/v1/organizations/{orgId}/roles…`. */
export function roleRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const customRow = (orgId: string, key: string) => {
    const row = db.customRoles.get(`${orgId}/${key}`);
    if (row) return row;
    if (db.model().registry.presets.some((p) => p.key === key)) {
      throw conflict('PRESET_ROLE_READONLY', `"${key}" is a preset role: it cannot change.`);
    }
    throw notFound('Role');
  };
  return [
    http.get(
      ctx.path('/permissions'),
      route(ctx, ({ user }) => {
        requireUser(user);
        const catalog = db.options.catalog;
        return HttpResponse.json(describeCatalog(catalog));
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/roles'),
      route(ctx, ({ user, params }) => {
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'roles:read');
        const registry = db.model().registry;
        const items = registry.presets.map((def) => toRole(db, registry, def, orgId));
        const custom = [...db.customRoles.values()]
          .filter((r) => r.def.orgId === orgId)
          .sort((a, b) => a.def.key.localeCompare(b.def.key));
        for (const row of custom) items.push(toRole(db, registry, row.def, orgId, row));
        return HttpResponse.json({ items });
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/roles/:key'),
      route(ctx, ({ user, params }) => {
        const { orgId, key } = params as { orgId: string; key: string };
        requireOrgPermission(db, user, orgId, 'roles:read');
        const registry = db.model().registry;
        const def = registry.definition(key, orgId);
        if (!def) throw notFound('Role');
        return HttpResponse.json(
          toRole(db, registry, def, orgId, db.customRoles.get(`${orgId}/${key}`)),
        );
      }),
    ),
    http.post(
      ctx.path('/organizations/:orgId/roles'),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        if (typeof body.key !== 'string' || typeof body.name !== 'string' || !body.name.trim()) {
          throw invalid('json', [
            {
              in: 'json',
              path: typeof body.key !== 'string' ? 'key' : 'name',
              message: 'Required',
              code: 'invalid_type',
            },
          ]);
        }
        const orgId = params.orgId!;
        const access = requireOrgPermission(db, user, orgId, 'roles:create');
        if (db.customRoles.has(`${orgId}/${body.key}`)) {
          throw conflict('ROLE_KEY_TAKEN', `A role "${body.key}" already exists here.`);
        }
        const { registry, role, def } = checkRoleSpec(
          db,
          orgId,
          specOf(body.key, { ...body, name: body.name.trim() }),
        );
        withinCaller(access, [role]);
        const now = db.now();
        const row: CustomRoleRow = { def, createdAt: now, updatedAt: now };
        db.customRoles.set(`${orgId}/${body.key}`, row);
        db.changed();
        const created = toRole(db, registry, def, orgId, row);
        db.record(user!.id, {
          orgId,
          action: 'role.created',
          targetType: 'role',
          targetId: body.key,
          description: `Role ${def.name} (${def.key}) created`,
          after: created,
        });
        return HttpResponse.json(created, { status: 201 });
      }),
    ),
    http.patch(
      ctx.path('/organizations/:orgId/roles/:key'),
      route(ctx, async ({ user, params, json }) => {
        const patch = await json();
        const { orgId, key } = params as { orgId: string; key: string };
        const access = requireOrgPermission(db, user, orgId, 'roles:update');
        const row = customRow(orgId, key);
        const before = row.def;
        const pick = <K extends keyof RoleDefinition<string>>(k: K) =>
          patch[k] === undefined ? before[k] : patch[k];
        const merged: Body = {
          name: patch.name ?? before.name,
          description: pick('description'),
          module: pick('module'),
          assignable: patch.assignable ?? before.assignable,
          extends: pick('extends'),
          self: patch.self ?? before.self,
          descendants: patch.descendants ?? before.descendants,
          remove: pick('remove'),
        };
        const current = db.model().registry;
        const { registry, role, def } = checkRoleSpec(db, orgId, specOf(key, merged));
        withinCaller(access, [
          current.get(key, orgId),
          role,
          ...dependentRoles(current, orgId, key),
          ...dependentRoles(registry, orgId, key),
        ]);
        const held = holderCounts(db, orgId, key);
        holdersStillValid(db, registry, orgId, [
          ...held.members.map((m) => ({ kind: 'members' as const, roles: m.roles })),
          ...held.groups.map((g) => ({ kind: 'groups' as const, roles: g.roles })),
        ]);
        const beforeJson = toRole(db, current, before, orgId, row);
        row.def = def;
        row.updatedAt = db.now();
        db.changed();
        const after = toRole(db, registry, def, orgId, row);
        db.record(user!.id, {
          orgId,
          action: 'role.updated',
          targetType: 'role',
          targetId: key,
          description: `Role ${after.name} (${key}) updated`,
          before: beforeJson,
          after,
        });
        return HttpResponse.json(after);
      }),
    ),
    http.delete(
      ctx.path('/organizations/:orgId/roles/:key'),
      route(ctx, ({ user, params, url }) => {
        const { orgId, key } = params as { orgId: string; key: string };
        const reassignTo = url.searchParams.get('reassignTo') ?? undefined;
        const access = requireOrgPermission(db, user, orgId, 'roles:delete');
        const registry = db.model().registry;
        const row = customRow(orgId, key);
        const role = registry.get(key, orgId)!;
        const dependents = dependentRoles(registry, orgId, key);
        if (dependents.length > 0) {
          throw conflict(
            'ROLE_IN_USE',
            `Roles ${dependents.map((d) => d.key).join(', ')} extend "${key}".`,
          );
        }
        const held = holderCounts(db, orgId, key);
        const pending = db.invitations.filter(
          (i) =>
            i.orgId === orgId &&
            i.status === 'pending' &&
            i.expiresAt > db.now() &&
            i.roles.includes(key),
        );
        const inUse = held.members.length + held.groups.length + pending.length > 0;
        if (inUse && !reassignTo) {
          throw new MockProblem(
            409,
            'ROLE_IN_USE',
            `"${key}" is held by ${held.members.length} member(s) and ${held.groups.length} group(s) and offered by ${pending.length} pending invitation(s); pass reassignTo.`,
            {
              holders: {
                members: held.members.length,
                groups: held.groups.length,
                invitations: pending.length,
              },
            },
          );
        }
        if (inUse && reassignTo) {
          if (reassignTo === key || !registry.definition(reassignTo, orgId)) {
            throw new MockProblem(422, 'UNKNOWN_ROLE', `Cannot reassign to "${reassignTo}".`, {
              errors: [
                { in: 'query', path: 'reassignTo', message: 'unknown role', code: 'unknown_role' },
              ],
            });
          }
          assertOk(canChangeRoles({ userId: '', roles: [] }, [reassignTo]));
          const swap = (roles: string[]) => [
            ...new Set(roles.map((r) => (r === key ? reassignTo : r))),
          ];
          holdersStillValid(db, registry, orgId, [
            ...[...held.members, ...pending].map((m) => ({
              kind: 'members' as const,
              roles: swap(m.roles),
            })),
            ...held.groups.map((g) => ({ kind: 'groups' as const, roles: swap(g.roles) })),
          ]);
          withinCaller(access, [role, registry.get(reassignTo, orgId)]);
          for (const m of held.members) m.roles = swap(m.roles);
          for (const g of held.groups) g.roles = swap(g.roles);
          for (const i of pending) i.roles = swap(i.roles);
        } else {
          withinCaller(access, [role]);
        }
        const beforeJson = toRole(db, registry, row.def, orgId, row);
        db.customRoles.delete(`${orgId}/${key}`);
        db.changed();
        const counts = { members: held.members.length, groups: held.groups.length };
        db.record(user!.id, {
          orgId,
          action: 'role.deleted',
          targetType: 'role',
          targetId: key,
          description: inUse
            ? `Role ${row.def.name} (${key}) deleted; its holders now have ${reassignTo}`
            : `Role ${row.def.name} (${key}) deleted`,
          before: { ...beforeJson, holders: counts },
          after: inUse
            ? { reassignedTo: reassignTo, ...counts, invitations: pending.length }
            : null,
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
