import type { AclGrant } from '@orgkit/core';
import { HttpResponse, http } from 'msw';
import { aclQuery, allowedOn, requireAclType, toAclGrant, ungivableActions } from '../acl.js';
import { requireOrgPermission } from '../decisions.js';
import { isEmail } from '../encoding.js';
import { resourceKey, type UserRow } from '../mock-db.js';
import {
  conflict,
  forbidden,
  invalid,
  type MockFieldError,
  MockProblem,
  notFound,
} from '../problem.js';
import { type RouteContext, route } from '../route-context.js';

/** ACL-controlled resources: the visible list, registration, grants and recipients. */
export function resourceRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const base = '/organizations/:orgId/resources/:type/:resourceId';
  const toResource = (orgId: string, type: string, id: string) => {
    const r = db.resources.get(resourceKey(orgId, type, id))!;
    return { orgId, type, id, parentId: r.parentId, createdAt: r.createdAt.toISOString() };
  };
  const grantJson = (g: AclGrant, resourceId: string) => ({
    principal: g.principal,
    ...(g.actions ? { actions: [...g.actions] } : {}),
    ...(g.role ? { role: g.role } : {}),
    inheritedFrom: g.resource.id === resourceId ? null : g.resource,
  });

  return [
    http.get(
      ctx.path('/organizations/:orgId/resources/:type'),
      route(ctx, ({ user, params, url }) => {
        const { orgId, type } = params as { orgId: string; type: string };
        const action = url.searchParams.get('action') ?? 'read';
        const permission = `${type}:${action}`;
        const access = requireOrgPermission(db, user, orgId, permission);
        requireAclType(db, type);
        const rows = [...db.resources.values()]
          .filter((r) => r.orgId === orgId && r.type === type)
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const visible = rows.filter((r) =>
          allowedOn(db, access, permission, aclQuery(db, orgId, user!.id, type, r.id)),
        );
        return HttpResponse.json({
          items: visible.map((r) => toResource(orgId, type, r.id)),
          truncated: false,
        });
      }),
    ),
    http.put(
      ctx.path(base),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const parentId = (body.parentId as string | null | undefined) ?? null;
        const { orgId, type, resourceId } = params as Record<string, string>;
        requireOrgPermission(db, user, orgId!, 'access:manage');
        requireAclType(db, type!);
        if (parentId !== null) {
          if (!db.resources.has(resourceKey(orgId!, type!, parentId))) {
            throw new MockProblem(
              422,
              'VALIDATION_FAILED',
              'The parent is not a registered resource of this type.',
              {
                errors: [
                  {
                    in: 'json',
                    path: 'parentId',
                    message: 'unknown parent',
                    code: 'unknown_parent',
                  },
                ],
              },
            );
          }
          if (db.chain(orgId!, type!, parentId).includes(resourceId!)) {
            throw conflict(
              'CONFLICT',
              'A resource cannot be moved under itself or its descendants.',
            );
          }
        }
        const key = resourceKey(orgId!, type!, resourceId!);
        const before = db.resources.get(key);
        const previous = before ? toResource(orgId!, type!, resourceId!) : null;
        db.resources.set(key, {
          orgId: orgId!,
          type: type!,
          id: resourceId!,
          parentId,
          createdAt: before?.createdAt ?? db.now(),
        });
        db.changed();
        const after = toResource(orgId!, type!, resourceId!);
        if (!before || before.parentId !== parentId) {
          db.record(user!.id, {
            orgId: orgId!,
            action: before ? 'resource.moved' : 'resource.registered',
            targetType: type!,
            targetId: resourceId!,
            description: before
              ? `${type} ${resourceId} moved under ${parentId ?? 'the top level'}`
              : `${type} ${resourceId} registered${parentId ? ` under ${parentId}` : ''}`,
            before: previous,
            after,
          });
        }
        return HttpResponse.json(after, { status: before ? 200 : 201 });
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/resources/:type'),
      route(ctx, ({ user, params, url }) => {
        const { orgId, type } = params as Record<string, string>;
        const permission = `${type}:${url.searchParams.get('action') ?? 'read'}`;
        const access = requireOrgPermission(db, user, orgId!, permission);
        requireAclType(db, type!);
        const items = [...db.resources.values()]
          .filter((r) => r.orgId === orgId && r.type === type)
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .filter((r) =>
            allowedOn(db, access, permission, aclQuery(db, orgId!, user!.id, type!, r.id)),
          )
          .map((r) => toResource(orgId!, type!, r.id));
        return HttpResponse.json({ items, truncated: false });
      }),
    ),
    http.get(
      ctx.path(base),
      route(ctx, ({ user, params }) => {
        const { orgId, type, resourceId } = params as Record<string, string>;
        requireOrgPermission(db, user, orgId!, 'access:read');
        requireAclType(db, type!);
        if (!db.resources.has(resourceKey(orgId!, type!, resourceId!))) throw notFound('Resource');
        return HttpResponse.json({
          ...toResource(orgId!, type!, resourceId!),
          ancestors: db.chain(orgId!, type!, resourceId!).slice(1),
        });
      }),
    ),
    http.delete(
      ctx.path(base),
      route(ctx, ({ user, params }) => {
        const { orgId, type, resourceId } = params as Record<string, string>;
        requireOrgPermission(db, user, orgId!, 'access:manage');
        requireAclType(db, type!);
        const key = resourceKey(orgId!, type!, resourceId!);
        if (!db.resources.has(key)) throw notFound('Resource');
        if (
          [...db.resources.values()].some(
            (r) => r.orgId === orgId && r.type === type && r.parentId === resourceId,
          )
        ) {
          throw conflict('CONFLICT', 'Move or delete the children of this resource first.');
        }
        const row = toResource(orgId!, type!, resourceId!);
        const grants = db.grantsOn(orgId!, type!, [resourceId!]);
        db.resources.delete(key);
        db.grants = db.grants.filter(
          (g) => !(g.orgId === orgId && g.resource.type === type && g.resource.id === resourceId),
        );
        db.changed();
        db.record(user!.id, {
          orgId: orgId!,
          action: 'resource.deleted',
          targetType: type!,
          targetId: resourceId!,
          description: `${type} ${resourceId} unregistered`,
          before: { ...row, grants },
          after: null,
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.get(
      ctx.path(`${base}/grants`),
      route(ctx, ({ user, params }) => {
        const { orgId, type, resourceId } = params as Record<string, string>;
        requireOrgPermission(db, user, orgId!, 'access:read');
        requireAclType(db, type!);
        const chain = db.chain(orgId!, type!, resourceId!);
        const depth = new Map(chain.map((id, i) => [id, i]));
        const grants = db
          .grantsOn(orgId!, type!, chain)
          .map(toAclGrant)
          .sort((a, b) => depth.get(a.resource.id)! - depth.get(b.resource.id)!);
        return HttpResponse.json({ grants: grants.map((g) => grantJson(g, resourceId!)) });
      }),
    ),
    http.put(
      ctx.path(`${base}/grants`),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const { orgId, type, resourceId } = params as Record<string, string>;
        const input = body.grants as {
          principal: AclGrant['principal'];
          actions?: string[];
          role?: string;
        }[];
        if (!Array.isArray(input) || input.length > 200) {
          throw invalid('json', [
            { in: 'json', path: 'grants', message: 'Invalid input', code: 'invalid_type' },
          ]);
        }
        const shape: MockFieldError[] = [];
        input.forEach((g, i) => {
          if ((g.actions === undefined) === (g.role === undefined)) {
            shape.push({
              in: 'json',
              path: `grants.${i}.actions`,
              message: 'give either actions or a role',
              code: 'custom',
            });
          }
          if (g.principal?.kind === 'email' && !isEmail(g.principal.email.toLowerCase())) {
            shape.push({
              in: 'json',
              path: `grants.${i}.principal.email`,
              message: 'Invalid email address',
              code: 'invalid_format',
            });
          }
        });
        if (shape.length > 0) throw invalid('json', shape);
        const access = requireOrgPermission(db, user, orgId!, 'access:manage');
        const actions = requireAclType(db, type!);
        if (!db.resources.has(resourceKey(orgId!, type!, resourceId!))) throw notFound('Resource');
        const grants: AclGrant[] = input.map((g) => ({
          resource: { type: type!, id: resourceId! },
          principal:
            g.principal.kind === 'email'
              ? { kind: 'email', email: g.principal.email.trim().toLowerCase() }
              : g.principal,
          ...(g.actions ? { actions: [...new Set(g.actions)] } : {}),
          ...(g.role ? { role: g.role } : {}),
        }));
        const bad: MockFieldError[] = [];
        grants.forEach((g, i) => {
          const p = g.principal;
          if (p.kind === 'user' && !db.membership(orgId!, p.id)) {
            bad.push({
              in: 'json',
              path: `grants.${i}.principal.id`,
              message: 'not a member of this organization',
              code: 'unknown_user',
            });
          }
          if (p.kind === 'group' && db.groups.get(p.id)?.orgId !== orgId) {
            bad.push({
              in: 'json',
              path: `grants.${i}.principal.id`,
              message: 'not a group of this organization',
              code: 'unknown_group',
            });
          }
          for (const a of g.actions ?? []) {
            if (!actions.includes(a)) {
              bad.push({
                in: 'json',
                path: `grants.${i}.actions`,
                message: `"${a}" is not an action of ${type}`,
                code: 'unknown_action',
              });
            }
          }
          if (g.role !== undefined && !db.model().registry.get(g.role, orgId!)) {
            bad.push({
              in: 'json',
              path: `grants.${i}.role`,
              message: `unknown role "${g.role}"`,
              code: 'unknown_role',
            });
          }
        });
        if (bad.length > 0)
          throw new MockProblem(422, 'VALIDATION_FAILED', 'Some grants are invalid.', {
            errors: bad,
          });
        const before = db.grantsOn(orgId!, type!, [resourceId!]).map(toAclGrant);
        const acl = aclQuery(db, orgId!, user!.id, type!, resourceId!);
        const ungivable = ungivableActions(db, access, acl, type!, grants, before);
        if (ungivable.length > 0) {
          throw forbidden(
            `You cannot give access you do not have on this ${type}: ${ungivable.join(', ')}.`,
          );
        }
        db.grants = [
          ...db.grants.filter(
            (g) => !(g.orgId === orgId && g.resource.type === type && g.resource.id === resourceId),
          ),
          ...grants.map((g) => ({ ...g, orgId: orgId! })),
        ];
        db.changed();
        db.record(user!.id, {
          orgId: orgId!,
          action: 'resource.grants_replaced',
          targetType: type!,
          targetId: resourceId!,
          description: `Access to ${type} ${resourceId} changed (${grants.length} grant${grants.length === 1 ? '' : 's'})`,
          before: before.map(({ principal, actions: a, role }) => ({
            principal,
            actions: a,
            role,
          })),
          after: grants.map(({ principal, actions: a, role }) => ({ principal, actions: a, role })),
        });
        return HttpResponse.json({ grants: grants.map((g) => grantJson(g, resourceId!)) });
      }),
    ),
    http.get(
      ctx.path(`${base}/recipients`),
      route(ctx, ({ user, params }) => {
        const { orgId, type, resourceId } = params as Record<string, string>;
        requireOrgPermission(db, user, orgId!, 'access:read');
        requireAclType(db, type!);
        const chain = db.chain(orgId!, type!, resourceId!);
        const grants = db.grantsOn(orgId!, type!, chain);
        const userIds = new Set<string>();
        const emails = new Set<string>();
        for (const g of grants) {
          const p = g.principal;
          if (p.kind === 'user') userIds.add(p.id);
          else if (p.kind === 'group')
            for (const id of db.groups.get(p.id)?.memberIds ?? []) userIds.add(id);
          else emails.add(p.email.toLowerCase());
        }
        const users = [...userIds]
          .map((id) => db.users.get(id))
          .filter((u): u is UserRow => u?.status === 'active')
          .map(({ id, email, name }) => ({ id, email, name }));
        return HttpResponse.json({ users, emails: [...emails] });
      }),
    ),
  ];
}
