import { HttpResponse, http } from 'msw';
import { checkJoin, planTransfer, requireOrgPermission, requireUser } from '../decisions.js';
import { decodeCursor, encodeCursor } from '../encoding.js';
import type { MockDb, OrgRow } from '../mock-db.js';
import { conflict, forbidden, invalid, MockProblem } from '../problem.js';
import { pageLimit, type RouteContext, route } from '../route-context.js';
import { toMember, toOrganization } from '../serialize.js';

const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const KINDS = ['partner', 'client', 'standard'] as const;
type Kind = (typeof KINDS)[number];

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return base.length >= 2 ? base : `org-${base}`.replace(/-$/, '');
}

const slugTaken = (db: MockDb, slug: string) => [...db.orgs.values()].some((o) => o.slug === slug);

function readOrgFields(body: Record<string, unknown>, allowed: readonly string[]) {
  const errors = Object.keys(body)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({
      in: 'json',
      path: k,
      message: `Unrecognized key: "${k}"`,
      code: 'unrecognized_keys',
    }));
  const name = typeof body.name === 'string' ? body.name.trim() : undefined;
  if (body.name !== undefined && (!name || name.length > 200)) {
    errors.push({ in: 'json', path: 'name', message: 'Invalid name', code: 'too_small' });
  }
  const slug = typeof body.slug === 'string' ? body.slug.trim().toLowerCase() : undefined;
  if (
    body.slug !== undefined &&
    (!slug || slug.length < 2 || slug.length > 63 || !SLUG.test(slug))
  ) {
    errors.push({
      in: 'json',
      path: 'slug',
      message: 'lower-case letters, digits and inner dashes',
      code: 'invalid_format',
    });
  }
  const kind = body.kind as Kind | undefined;
  if (kind !== undefined && !KINDS.includes(kind)) {
    errors.push({ in: 'json', path: 'kind', message: 'Invalid option', code: 'invalid_value' });
  }
  return { errors, name, slug, kind };
}

/** `/v1/organizations`: create, read, update, delete, children, ownership transfer. */
export function organizationRoutes(ctx: RouteContext) {
  const { db } = ctx;
  return [
    http.post(
      ctx.path('/organizations'),
      route(ctx, async ({ user, json }) => {
        const me = requireUser(user);
        const body = await json();
        const f = readOrgFields(body, ['name', 'slug', 'parentId', 'kind']);
        if (f.name === undefined) {
          f.errors.push({ in: 'json', path: 'name', message: 'Required', code: 'invalid_type' });
        }
        if (f.errors.length > 0) throw invalid('json', f.errors);
        const parentId = typeof body.parentId === 'string' ? body.parentId : undefined;
        if (parentId) requireOrgPermission(db, me, parentId, 'managed_orgs:create');
        else if (!me.platformAdmin && !db.selfServe) {
          throw forbidden('Only platform admins can create top-level organizations.');
        }
        const mine = [...db.memberships.values()]
          .filter((m) => m.userId === me.id)
          .map((m) => m.orgId);
        checkJoin(db, mine, '');
        let slug = f.slug;
        if (slug && slugTaken(db, slug))
          throw conflict('SLUG_TAKEN', `The slug "${slug}" is taken.`);
        if (!slug) {
          slug = slugify(f.name!);
          if (slugTaken(db, slug)) slug = `${slug}-${db.newOrgId().slice(-6)}`;
        }
        const now = db.now();
        const org: OrgRow = {
          id: db.newOrgId(),
          name: f.name!,
          slug,
          parentId: parentId ?? null,
          kind: f.kind ?? (parentId ? 'client' : 'standard'),
          createdAt: now,
          deletedAt: null,
        };
        db.orgs.set(org.id, org);
        db.memberships.set(`${org.id}/${me.id}`, {
          orgId: org.id,
          userId: me.id,
          roles: ['owner'],
          status: 'active',
          joinedAt: now,
        });
        db.changed();
        db.record(me.id, {
          orgId: org.id,
          action: 'organization.created',
          targetType: 'organization',
          targetId: org.id,
          description: `Organization ${org.name} created`,
          after: toOrganization(org),
        });
        if (org.parentId) {
          db.record(me.id, {
            orgId: org.parentId,
            action: 'organization.child_created',
            targetType: 'organization',
            targetId: org.id,
            description: `Organization ${org.name} created under this one`,
            after: toOrganization(org),
          });
        }
        return HttpResponse.json(toOrganization(org), { status: 201 });
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId'),
      route(ctx, ({ user, params }) => {
        const { org } = requireOrgPermission(db, user, params.orgId!, 'organization:read');
        return HttpResponse.json(toOrganization(org));
      }),
    ),
    http.patch(
      ctx.path('/organizations/:orgId'),
      route(ctx, async ({ user, params, json }) => {
        const f = readOrgFields(await json(), ['name', 'slug', 'kind']);
        if (f.errors.length > 0) throw invalid('json', f.errors);
        const { org } = requireOrgPermission(db, user, params.orgId!, 'organization:update');
        if (f.slug && f.slug !== org.slug && slugTaken(db, f.slug)) {
          throw conflict('SLUG_TAKEN', `The slug "${f.slug}" is taken.`);
        }
        const before = toOrganization(org);
        if (f.name) org.name = f.name;
        if (f.slug) org.slug = f.slug;
        if (f.kind) org.kind = f.kind;
        db.changed();
        db.record(user!.id, {
          orgId: org.id,
          action: 'organization.updated',
          targetType: 'organization',
          targetId: org.id,
          description: `Organization ${org.name} updated`,
          before,
          after: toOrganization(org),
        });
        return HttpResponse.json(toOrganization(org));
      }),
    ),
    http.delete(
      ctx.path('/organizations/:orgId'),
      route(ctx, ({ user, params }) => {
        const { org } = requireOrgPermission(db, user, params.orgId!, 'organization:delete');
        if ([...db.orgs.values()].some((o) => o.parentId === org.id && !o.deletedAt)) {
          throw conflict('CONFLICT', 'Delete or move the sub-organizations first.');
        }
        org.deletedAt = db.now();
        db.changed();
        db.record(user!.id, {
          orgId: org.id,
          action: 'organization.deleted',
          targetType: 'organization',
          targetId: org.id,
          description: `Organization ${org.name} deleted`,
          before: toOrganization(org),
        });
        return new HttpResponse(null, { status: 204 });
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/children'),
      route(ctx, ({ user, params, url }) => {
        const limit = pageLimit(url);
        requireOrgPermission(db, user, params.orgId!, 'managed_orgs:read');
        const cursor = url.searchParams.get('cursor');
        const after = cursor ? decodeCursor(cursor, 2) : undefined;
        if (cursor && !after) throw new MockProblem(422, 'VALIDATION_FAILED', 'Invalid cursor.');
        const key = (o: OrgRow) => [o.name, o.id] as const;
        const rows = [...db.orgs.values()]
          .filter((o) => o.parentId === params.orgId && !o.deletedAt)
          .sort((a, b) => compareTuple(key(a), key(b)))
          .filter((o) => !after || compareTuple(key(o), [String(after[0]), String(after[1])]) > 0);
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return HttpResponse.json({
          items: page.map(toOrganization),
          nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
        });
      }),
    ),
    http.post(
      ctx.path('/organizations/:orgId/owner/transfer'),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        if (typeof body.userId !== 'string' || !body.userId) {
          throw invalid('json', [
            { in: 'json', path: 'userId', message: 'Required', code: 'invalid_type' },
          ]);
        }
        const orgId = params.orgId!;
        requireOrgPermission(db, user, orgId, 'organization:transfer_ownership');
        const ownerId = [...db.memberships.values()].find(
          (m) => m.orgId === orgId && m.roles.includes('owner'),
        )?.userId;
        const current = ownerId ? db.membership(orgId, ownerId) : undefined;
        const target = db.membership(orgId, body.userId);
        const plan = planTransfer(db, user!.id, current, target);
        const prev = db.membership(orgId, plan.previousOwner.userId)!;
        const next = db.membership(orgId, plan.newOwner.userId)!;
        const before = { prev: [...prev.roles].sort(), next: [...next.roles].sort() };
        prev.roles = [...plan.previousOwner.roles];
        next.roles = [...plan.newOwner.roles];
        db.changed();
        const previousOwner = toMember(db, prev);
        const newOwner = toMember(db, next);
        db.record(user!.id, {
          orgId,
          action: 'organization.ownership_transferred',
          targetType: 'user',
          targetId: newOwner.userId,
          description: `Ownership transferred from ${previousOwner.email} to ${newOwner.email}`,
          before: {
            ownerId: previousOwner.userId,
            roles: { [prev.userId]: before.prev, [next.userId]: before.next },
          },
          after: {
            ownerId: newOwner.userId,
            roles: { [prev.userId]: previousOwner.roles, [next.userId]: newOwner.roles },
          },
        });
        return HttpResponse.json({ previousOwner, newOwner });
      }),
    ),
  ];
}

/** Orders tuples of strings as Postgres row comparison does (code-unit order). */
export function compareTuple(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return a.length - b.length;
}
