import { type CompiledRole, checkRoleAssignment, checkRoleEscalation } from '@orgkit/core';
import { HttpResponse, http } from 'msw';
import { assertOk, requireOrgPermission } from '../decisions.js';
import { decodeCursor, encodeCursor, newId } from '../encoding.js';
import type { GroupRow, MockAccess, MockDb } from '../mock-db.js';
import { conflict, invalid, MockProblem, notFound } from '../problem.js';
import { pageLimit, type RouteContext, route } from '../route-context.js';
import { compareTuple } from './organizations.js';

const toGroup = (g: GroupRow) => ({
  id: g.id,
  orgId: g.orgId,
  name: g.name,
  description: g.description,
  roles: [...g.roles].sort(),
  memberCount: g.memberIds.length,
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});

function toDetail(db: MockDb, g: GroupRow) {
  const members = g.memberIds
    .map((id) => db.users.get(id)!)
    .sort((a, b) => compareTuple([a.name.toLowerCase(), a.id], [b.name.toLowerCase(), b.id]))
    .map((u) => ({ userId: u.id, email: u.email, name: u.name }));
  return { ...toGroup(g), members };
}

/** Roles of a group: assignable to groups, never the owner, within the caller's permissions. */
function checkGroupRoles(db: MockDb, access: MockAccess, roles: string[], current: string[] = []) {
  const registry = db.model().registry;
  assertOk(checkRoleAssignment(registry, access.org.id, roles, 'groups'));
  const changed = [
    ...roles.filter((r) => !current.includes(r)),
    ...current.filter((r) => !roles.includes(r)),
  ];
  withinCaller(db, access, changed);
}

function withinCaller(db: MockDb, access: MockAccess, roles: readonly string[]) {
  const registry = db.model().registry;
  const compiled = roles
    .map((k) => registry.get(k, access.org.id))
    .filter((r): r is CompiledRole<string> => !!r);
  assertOk(checkRoleEscalation(access.permissions, compiled));
}

function checkOrgMembers(db: MockDb, orgId: string, userIds: readonly string[], path: string) {
  const bad = userIds.filter((id) => !db.membership(orgId, id));
  if (bad.length > 0) {
    throw new MockProblem(
      422,
      'VALIDATION_FAILED',
      'Only members of the organization can join its groups.',
      {
        errors: bad.map((id) => ({
          in: 'json',
          path,
          message: `${id} is not a member`,
          code: 'unknown_user',
        })),
      },
    );
  }
}

const nameTaken = (db: MockDb, orgId: string, name: string, except?: string) =>
  [...db.groups.values()].some(
    (g) => g.orgId === orgId && g.id !== except && g.name.toLowerCase() === name.toLowerCase(),
  );

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string')
    ? [...new Set(v as string[])]
    : undefined;

/** `/v1/organizations/{orgId}/groups…`. */
export function groupRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const base = '/organizations/:orgId/groups';
  const find = (orgId: string, groupId: string) => {
    const g = db.groups.get(groupId);
    if (!g || g.orgId !== orgId) throw notFound('Group');
    return g;
  };
  const membersChange = (method: 'put' | 'post' | 'delete') =>
    route(ctx, async ({ user, params, json }) => {
      const userIds = strings((await json()).userIds);
      if (!userIds)
        throw invalid('json', [
          { in: 'json', path: 'userIds', message: 'Required', code: 'invalid_type' },
        ]);
      const { orgId, groupId } = params as { orgId: string; groupId: string };
      const access = requireOrgPermission(db, user, orgId, 'groups:update');
      const group = find(orgId, groupId);
      if (method !== 'delete') checkOrgMembers(db, orgId, userIds, 'userIds');
      // In the order the server reads them (by name), which the audit entry records.
      const before = toDetail(db, group).members.map((m) => m.userId);
      const next =
        method === 'put'
          ? userIds
          : method === 'post'
            ? [...before, ...userIds.filter((u) => !before.includes(u))]
            : before.filter((u) => !userIds.includes(u));
      const changed = [
        ...next.filter((u) => !before.includes(u)),
        ...before.filter((u) => !next.includes(u)),
      ];
      if (changed.length > 0) {
        withinCaller(db, access, group.roles);
        group.memberIds = next;
        group.updatedAt = db.now();
        db.changed();
        db.record(user!.id, {
          orgId,
          action: 'group.members_changed',
          targetType: 'group',
          targetId: groupId,
          description: `Members of group ${group.name} changed (${changed.length})`,
          before: { userIds: before },
          after: { userIds: next },
        });
      }
      return HttpResponse.json(toDetail(db, group));
    });
  return [
    http.get(
      ctx.path(base),
      route(ctx, ({ user, params, url }) => {
        const limit = pageLimit(url);
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'groups:read');
        const cursor = url.searchParams.get('cursor');
        const after = cursor ? decodeCursor(cursor, 2) : undefined;
        if (cursor && !after) throw new MockProblem(422, 'VALIDATION_FAILED', 'Invalid cursor.');
        const key = (g: GroupRow) => [g.name.toLowerCase(), g.id];
        const rows = [...db.groups.values()]
          .filter((g) => g.orgId === orgId)
          .sort((a, b) => compareTuple(key(a), key(b)))
          .filter((g) => !after || compareTuple(key(g), [String(after[0]), String(after[1])]) > 0);
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return HttpResponse.json({
          items: page.map(toGroup),
          nextCursor:
            rows.length > limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null,
        });
      }),
    ),
    http.post(
      ctx.path(base),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const name = typeof body.name === 'string' ? body.name.trim() : '';
        if (!name)
          throw invalid('json', [
            { in: 'json', path: 'name', message: 'Required', code: 'invalid_type' },
          ]);
        const roles = strings(body.roles) ?? [];
        const memberIds = strings(body.memberIds) ?? [];
        const orgId = params.orgId!;
        const access = requireOrgPermission(
          db,
          user,
          orgId,
          roles.length > 0 ? ['groups:create', 'groups:assign_roles'] : 'groups:create',
        );
        if (nameTaken(db, orgId, name))
          throw conflict('GROUP_NAME_TAKEN', `A group "${name}" already exists.`);
        checkGroupRoles(db, access, roles);
        checkOrgMembers(db, orgId, memberIds, 'memberIds');
        const now = db.now();
        const group: GroupRow = {
          id: newId('grp'),
          orgId,
          name,
          description: (body.description as string | null | undefined) ?? null,
          roles,
          memberIds,
          createdAt: now,
          updatedAt: now,
        };
        db.groups.set(group.id, group);
        db.changed();
        const detail = toDetail(db, group);
        db.record(user!.id, {
          orgId,
          action: 'group.created',
          targetType: 'group',
          targetId: group.id,
          description: `Group ${name} created`,
          after: detail,
        });
        return HttpResponse.json(detail, { status: 201 });
      }),
    ),
    http.get(
      ctx.path(`${base}/:groupId`),
      route(ctx, ({ user, params }) => {
        const { orgId, groupId } = params as { orgId: string; groupId: string };
        requireOrgPermission(db, user, orgId, 'groups:read');
        return HttpResponse.json(toDetail(db, find(orgId, groupId)));
      }),
    ),
    http.patch(
      ctx.path(`${base}/:groupId`),
      route(ctx, async ({ user, params, json }) => {
        const patch = await json();
        const { orgId, groupId } = params as { orgId: string; groupId: string };
        requireOrgPermission(db, user, orgId, 'groups:update');
        const group = find(orgId, groupId);
        const name = typeof patch.name === 'string' ? patch.name.trim() : undefined;
        if (name && nameTaken(db, orgId, name, groupId))
          throw conflict('GROUP_NAME_TAKEN', `A group "${name}" already exists.`);
        const before = toGroup(group);
        if (name) group.name = name;
        if (patch.description !== undefined) group.description = patch.description as string | null;
        group.updatedAt = db.now();
        db.record(user!.id, {
          orgId,
          action: 'group.updated',
          targetType: 'group',
          targetId: groupId,
          description: `Group ${group.name} updated`,
          before,
          after: toGroup(group),
        });
        return HttpResponse.json(toGroup(group));
      }),
    ),
    http.delete(
      ctx.path(`${base}/:groupId`),
      route(ctx, ({ user, params }) => {
        const { orgId, groupId } = params as { orgId: string; groupId: string };
        const access = requireOrgPermission(db, user, orgId, 'groups:delete');
        const group = find(orgId, groupId);
        if (group.memberIds.length > 0) withinCaller(db, access, group.roles);
        db.groups.delete(groupId);
        db.grants = db.grants.filter(
          (g) => !(g.principal.kind === 'group' && g.principal.id === groupId),
        );
        db.changed();
        db.record(user!.id, {
          orgId,
          action: 'group.deleted',
          targetType: 'group',
          targetId: groupId,
          description: `Group ${group.name} deleted`,
          before: toDetail(db, group),
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.put(ctx.path(`${base}/:groupId/members`), membersChange('put')),
    http.post(ctx.path(`${base}/:groupId/members`), membersChange('post')),
    http.delete(ctx.path(`${base}/:groupId/members`), membersChange('delete')),
    http.put(
      ctx.path(`${base}/:groupId/roles`),
      route(ctx, async ({ user, params, json }) => {
        const roles = strings((await json()).roles);
        if (!roles)
          throw invalid('json', [
            { in: 'json', path: 'roles', message: 'Required', code: 'invalid_type' },
          ]);
        const { orgId, groupId } = params as { orgId: string; groupId: string };
        const access = requireOrgPermission(db, user, orgId, 'groups:assign_roles');
        const group = find(orgId, groupId);
        checkGroupRoles(db, access, roles, group.roles);
        const before = toGroup(group);
        group.roles = roles;
        group.updatedAt = db.now();
        db.changed();
        db.record(user!.id, {
          orgId,
          action: 'group.roles_updated',
          targetType: 'group',
          targetId: groupId,
          description: `Roles of group ${group.name}: ${roles.join(', ') || '(none)'}`,
          before: { roles: before.roles },
          after: { roles: toGroup(group).roles },
        });
        return HttpResponse.json(toDetail(db, group));
      }),
    ),
  ];
}
