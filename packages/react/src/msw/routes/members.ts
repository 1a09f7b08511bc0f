import { HttpResponse, http } from 'msw';
import {
  checkDisable,
  checkGrantableRoles,
  checkJoiningRoles,
  checkRemoval,
  checkRoleChange,
  requireOrgPermission,
} from '../decisions.js';
import { decodeCursor, encodeCursor, isEmail } from '../encoding.js';
import type { MembershipRow, MockDb } from '../mock-db.js';
import { conflict, invalid, type MockFieldError, MockProblem, notFound } from '../problem.js';
import { pageLimit, type RouteContext, route } from '../route-context.js';
import { toMember } from '../serialize.js';
import { compareTuple } from './organizations.js';

const SORTS = ['name', 'email', 'joinedAt', 'lastActive'] as const;
type Sort = (typeof SORTS)[number];

function sortValue(db: MockDb, m: MembershipRow, sort: Sort): string {
  const user = db.users.get(m.userId)!;
  if (sort === 'name') return user.name.toLowerCase();
  if (sort === 'email') return user.email;
  // Postgres `to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.US')`: microseconds, no zone.
  if (sort === 'lastActive')
    return user.lastActiveAt ? `${user.lastActiveAt.toISOString().slice(0, 23)}000` : '';
  return `${m.joinedAt.toISOString().slice(0, 23)}000`;
}

function matchesStatus(db: MockDb, m: MembershipRow, status: string | null): boolean {
  const user = db.users.get(m.userId)!;
  if (status === 'invited') return user.status === 'invited';
  if (status === 'active') return user.status === 'active' && m.status === 'active';
  if (status === 'disabled') return user.status === 'disabled' || m.status === 'disabled';
  return true;
}

function matchesSearch(db: MockDb, m: MembershipRow, search: string): boolean {
  const q = search.trim().toLowerCase();
  const user = db.users.get(m.userId)!;
  const name = user.name.toLowerCase();
  return user.email.startsWith(q) || name.startsWith(q) || name.includes(` ${q}`);
}

function readRoles(value: unknown, errors: MockFieldError[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length > 20 ||
    value.some((r) => typeof r !== 'string' || !r)
  ) {
    errors.push({ in: 'json', path: 'roles', message: 'Invalid roles', code: 'invalid_type' });
    return undefined;
  }
  return value as string[];
}

/** `/v1/organizations/{orgId}/members`: list, read, create, update, remove, reset password. */
export function memberRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const base = '/organizations/:orgId/members';
  return [
    http.get(
      ctx.path(base),
      route(ctx, ({ user, params, url }) => {
        const q = url.searchParams;
        const sort = (q.get('sort') ?? 'name') as Sort;
        const order = q.get('order') ?? 'asc';
        const status = q.get('status');
        const errors: MockFieldError[] = [];
        if (!SORTS.includes(sort))
          errors.push({
            in: 'query',
            path: 'sort',
            message: 'Invalid option',
            code: 'invalid_value',
          });
        if (order !== 'asc' && order !== 'desc')
          errors.push({
            in: 'query',
            path: 'order',
            message: 'Invalid option',
            code: 'invalid_value',
          });
        if (status && !['invited', 'active', 'disabled'].includes(status))
          errors.push({
            in: 'query',
            path: 'status',
            message: 'Invalid option',
            code: 'invalid_value',
          });
        if (errors.length > 0) throw invalid('query', errors);
        const limit = pageLimit(url);
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'members:read');
        const cursor = q.get('cursor');
        const after = cursor ? decodeCursor(cursor, 3) : undefined;
        if (cursor && (!after || after[0] !== sort)) {
          throw new MockProblem(422, 'VALIDATION_FAILED', 'Invalid cursor for this sort.', {
            errors: [
              { in: 'query', path: 'cursor', message: 'Invalid cursor', code: 'invalid_cursor' },
            ],
          });
        }
        const search = q.get('search')?.trim();
        const role = q.get('role');
        const dir = order === 'asc' ? 1 : -1;
        const rows = [...db.memberships.values()]
          .filter((m) => m.orgId === orgId)
          .filter((m) => !search || matchesSearch(db, m, search))
          .filter((m) => !role || m.roles.includes(role))
          .filter((m) => matchesStatus(db, m, status))
          .map((m) => ({ m, key: [sortValue(db, m, sort), m.userId] as const }))
          .filter(
            (r) => !after || dir * compareTuple(r.key, [String(after[1]), String(after[2])]) > 0,
          )
          .sort((a, b) => dir * compareTuple(a.key, b.key));
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return HttpResponse.json({
          items: page.map((r) => toMember(db, r.m)),
          nextCursor:
            rows.length > limit && last ? encodeCursor([sort, last.key[0], last.key[1]]) : null,
        });
      }),
    ),
    http.get(
      ctx.path(`${base}/:userId`),
      route(ctx, ({ user, params }) => {
        requireOrgPermission(db, user, params.orgId!, 'members:read');
        const member = db.membership(params.orgId!, params.userId!);
        if (!member) throw notFound('Member');
        return HttpResponse.json(toMember(db, member));
      }),
    ),
    http.post(
      ctx.path(base),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const errors: MockFieldError[] = [];
        const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
        if (!isEmail(email))
          errors.push({
            in: 'json',
            path: 'email',
            message: 'Invalid email address',
            code: 'invalid_format',
          });
        const name = typeof body.name === 'string' ? body.name.trim() : '';
        if (!name)
          errors.push({ in: 'json', path: 'name', message: 'Required', code: 'invalid_type' });
        const password = body.password;
        if (password !== undefined && (typeof password !== 'string' || password.length < 8)) {
          errors.push({ in: 'json', path: 'password', message: 'Too small', code: 'too_small' });
        }
        const roles = readRoles(body.roles, errors);
        if (body.roles === undefined)
          errors.push({ in: 'json', path: 'roles', message: 'Required', code: 'invalid_type' });
        if (errors.length > 0) throw invalid('json', errors);
        const orgId = params.orgId!;
        const access = requireOrgPermission(db, user, orgId, 'members:create');
        checkJoiningRoles(roles!);
        checkGrantableRoles(db, access, roles!);
        if (db.userByEmail(email)) {
          throw conflict('EMAIL_TAKEN', 'This e-mail already has an account; invite it instead.');
        }
        const now = db.now();
        const created = {
          id: db.newUserId(),
          email,
          name,
          password: typeof password === 'string' ? password : null,
          status: typeof password === 'string' ? ('active' as const) : ('invited' as const),
          platformAdmin: false,
          createdAt: now,
          lastActiveAt: null,
        };
        db.users.set(created.id, created);
        const membership: MembershipRow = {
          orgId,
          userId: created.id,
          roles: [...roles!],
          status: 'active',
          joinedAt: now,
        };
        db.memberships.set(`${orgId}/${created.id}`, membership);
        db.changed();
        if (!created.password) db.sendPasswordReset(created);
        db.record(user!.id, {
          orgId,
          action: 'member.created',
          targetType: 'user',
          targetId: created.id,
          description: `User ${email} created with roles ${roles!.join(', ') || '(none)'}`,
          after: toMember(db, membership),
        });
        return HttpResponse.json(toMember(db, membership), { status: 201 });
      }),
    ),
    http.patch(
      ctx.path(`${base}/:userId`),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const errors: MockFieldError[] = [];
        const roles = readRoles(body.roles, errors);
        const status = body.status as 'active' | 'disabled' | undefined;
        if (status !== undefined && status !== 'active' && status !== 'disabled') {
          errors.push({
            in: 'json',
            path: 'status',
            message: 'Invalid option',
            code: 'invalid_value',
          });
        }
        if (body.roles === undefined && status === undefined) {
          errors.push({ in: 'json', path: '', message: 'Give roles or status', code: 'custom' });
        }
        if (errors.length > 0) throw invalid('json', errors);
        const { orgId, userId } = params as { orgId: string; userId: string };
        const needed = [
          ...(roles ? ['members:update'] : []),
          ...(status ? ['members:disable'] : []),
        ];
        const access = requireOrgPermission(db, user, orgId, needed);
        const member = db.membership(orgId, userId);
        if (!member) throw notFound('Member');
        const before = toMember(db, member);
        if (roles) {
          checkRoleChange(db, member, roles);
          const changed = [
            ...roles.filter((r) => !member.roles.includes(r)),
            ...member.roles.filter((r) => !roles.includes(r)),
          ];
          checkGrantableRoles(db, access, roles, changed);
          member.roles = [...new Set(roles)];
        }
        if (status && status !== member.status) {
          if (status === 'disabled') checkDisable(db, member);
          member.status = status;
        }
        db.changed();
        const after = toMember(db, member);
        db.record(user!.id, {
          orgId,
          action: roles
            ? 'member.roles_updated'
            : `member.${status === 'disabled' ? 'disabled' : 'enabled'}`,
          targetType: 'user',
          targetId: userId,
          description: `Member ${after.email} updated`,
          before,
          after,
        });
        return HttpResponse.json(after);
      }),
    ),
    http.delete(
      ctx.path(`${base}/:userId`),
      route(ctx, ({ user, params }) => {
        const { orgId, userId } = params as { orgId: string; userId: string };
        requireOrgPermission(db, user, orgId, 'members:remove');
        const member = db.membership(orgId, userId);
        if (!member) throw notFound('Member');
        checkRemoval(db, member);
        const before = toMember(db, member);
        db.memberships.delete(`${orgId}/${userId}`);
        db.changed();
        db.record(user!.id, {
          orgId,
          action: 'member.removed',
          targetType: 'user',
          targetId: userId,
          description: `Member ${before.email} removed`,
          before,
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.post(
      ctx.path(`${base}/:userId/password-reset`),
      route(ctx, ({ user, params }) => {
        const { orgId, userId } = params as { orgId: string; userId: string };
        requireOrgPermission(db, user, orgId, 'members:reset_password');
        const member = db.membership(orgId, userId);
        if (!member) throw notFound('Member');
        const target = db.users.get(userId)!;
        if (target.status === 'disabled')
          throw conflict('USER_DISABLED', 'This account is disabled.');
        db.sendPasswordReset(target);
        db.record(user!.id, {
          orgId,
          action: 'member.password_reset_sent',
          targetType: 'user',
          targetId: userId,
          description: `Password reset link sent to ${target.email}`,
        });
        return HttpResponse.json({ ok: true }, { status: 202 });
      }),
    ),
  ];
}
