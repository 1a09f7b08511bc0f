import { z } from '@hono/zod-openapi';
import { checkJoin, OWNER_ROLE } from '../../access/decisions.js';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, conflict, forbidden } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { randomHex } from '../../lib/tokens.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { idempotent } from '../../middleware/idempotency.js';
import type { Store } from '../../store/store.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { NameField, PageQuery } from '../schemas.js';
import { OrganizationSchema, OrgParams, SlugField, slugify, toOrganization } from './schemas.js';

/** Organizations: create, read, update, soft delete, children. */
export const organizationRoutes = createRouter();

async function freeSlug(store: Store, wanted: string | undefined, name: string): Promise<string> {
  if (wanted) {
    if (await store.organizations.slugExists(wanted))
      throw conflict(ErrorCode.SLUG_TAKEN, `The slug "${wanted}" is taken.`);
    return wanted;
  }
  const base = slugify(name);
  if (!(await store.organizations.slugExists(base))) return base;
  return `${base}-${randomHex(3)}`;
}

const createOrg = defineRoute({
  operationId: 'createOrganization',
  method: 'post',
  path: '/organizations',
  tags: ['organizations'],
  summary: 'Create an organization; the creator becomes its Owner',
  description:
    'Top-level orgs: platform admins, or anyone when self-serve creation is enabled. Sub-orgs and client orgs: `managed_orgs:create` in the parent. Honours `Idempotency-Key`.',
  security: AUTHENTICATED,
  middleware: [idempotent()] as const,
  request: {
    body: jsonBody(
      z.strictObject({
        name: NameField,
        slug: SlugField.optional(),
        parentId: z.string().max(100).optional(),
        kind: z.enum(['partner', 'client', 'standard']).optional(),
      }),
    ),
  },
  responses: { 201: json(OrganizationSchema, 'Created'), ...problems(403, 404, 409) },
});

organizationRoutes.openapi(createOrg, async (c) => {
  const principal = requirePrincipal(c);
  const { store, options } = c.var.deps;
  const body = c.req.valid('json');
  if (body.parentId) {
    await requireOrgPermission(c, body.parentId, 'managed_orgs:create');
  } else if (!principal.user.platformAdmin && !options.organizations.selfServe) {
    throw forbidden('Only platform admins can create top-level organizations.');
  }
  const org = await store.transaction(async (tx) => {
    checkJoin(options.organizations.membership, await tx.members.orgIdsOf(principal.user.id), '');
    const created = await tx.organizations.create({
      name: body.name,
      slug: await freeSlug(tx, body.slug, body.name),
      parentId: body.parentId ?? null,
      kind: body.kind ?? (body.parentId ? 'client' : 'standard'),
    });
    await tx.members.add(created.id, principal.user.id, [OWNER_ROLE]);
    await tx.audit.record(auditActor(c), {
      orgId: created.id,
      action: 'organization.created',
      targetType: 'organization',
      targetId: created.id,
      description: `Organization ${created.name} created`,
      after: toOrganization(created),
    });
    if (created.parentId) {
      await tx.audit.record(auditActor(c), {
        orgId: created.parentId,
        action: 'organization.child_created',
        targetType: 'organization',
        targetId: created.id,
        description: `Organization ${created.name} created under this one`,
        after: toOrganization(created),
      });
    }
    return created;
  });
  return c.json(toOrganization(org), 201);
});

const getOrg = defineRoute({
  operationId: 'getOrganization',
  method: 'get',
  path: '/organizations/{orgId}',
  tags: ['organizations'],
  summary: 'Read an organization',
  description: 'Needs `organization:read` in the organization.',
  security: AUTHENTICATED,
  request: { params: OrgParams },
  responses: { 200: json(OrganizationSchema, 'The organization'), ...problems(403) },
});

organizationRoutes.openapi(getOrg, async (c) => {
  const { org } = await requireOrgPermission(c, c.req.valid('param').orgId, 'organization:read');
  return c.json(toOrganization(org), 200);
});

const updateOrg = defineRoute({
  operationId: 'updateOrganization',
  method: 'patch',
  path: '/organizations/{orgId}',
  tags: ['organizations'],
  summary: 'Rename an organization or change its slug or kind',
  description:
    'Needs `organization:update`. Slugs are unique across the platform (409 `SLUG_TAKEN`).',
  security: AUTHENTICATED,
  request: {
    params: OrgParams,
    body: jsonBody(
      z.strictObject({
        name: NameField.optional(),
        slug: SlugField.optional(),
        kind: z.enum(['partner', 'client', 'standard']).optional(),
      }),
    ),
  },
  responses: { 200: json(OrganizationSchema, 'Updated'), ...problems(403, 409) },
});

organizationRoutes.openapi(updateOrg, async (c) => {
  const { orgId } = c.req.valid('param');
  const patch = c.req.valid('json');
  const updated = await c.var.deps.store.transaction(async (tx) => {
    const { org } = await requireOrgPermission(c, orgId, 'organization:update', tx);
    if (patch.slug && patch.slug !== org.slug && (await tx.organizations.slugExists(patch.slug))) {
      throw conflict(ErrorCode.SLUG_TAKEN, `The slug "${patch.slug}" is taken.`);
    }
    const after = (await tx.organizations.update(orgId, patch))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'organization.updated',
      targetType: 'organization',
      targetId: orgId,
      description: `Organization ${after.name} updated`,
      before: toOrganization(org),
      after: toOrganization(after),
    });
    return after;
  });
  return c.json(toOrganization(updated), 200);
});

const deleteOrg = defineRoute({
  operationId: 'deleteOrganization',
  method: 'delete',
  path: '/organizations/{orgId}',
  tags: ['organizations'],
  summary: 'Delete an organization (soft, audited)',
  description: 'Refused while the organization has live sub-organizations.',
  security: AUTHENTICATED,
  request: { params: OrgParams },
  responses: { 204: { description: 'Deleted' }, ...problems(403, 409) },
});

organizationRoutes.openapi(deleteOrg, async (c) => {
  const { orgId } = c.req.valid('param');
  const { store, options } = c.var.deps;
  await store.transaction(async (tx) => {
    const { org } = await requireOrgPermission(c, orgId, 'organization:delete', tx);
    if ((await tx.organizations.children(orgId, { limit: 1 })).length > 0) {
      throw conflict(ErrorCode.CONFLICT, 'Delete or move the sub-organizations first.');
    }
    await tx.organizations.softDelete(orgId, options.now());
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'organization.deleted',
      targetType: 'organization',
      targetId: orgId,
      description: `Organization ${org.name} deleted`,
      before: toOrganization(org),
    });
  });
  return c.body(null, 204);
});

const OrgPage = z
  .object({ items: z.array(OrganizationSchema), nextCursor: z.string().nullable() })
  .openapi('OrganizationPage');

const listChildren = defineRoute({
  operationId: 'listChildOrganizations',
  method: 'get',
  path: '/organizations/{orgId}/children',
  tags: ['organizations'],
  summary: 'Sub-organizations and managed client organizations',
  description: 'Needs `managed_orgs:read`. One level down, by name, with cursor pagination.',
  security: AUTHENTICATED,
  request: { params: OrgParams, query: z.object(PageQuery) },
  responses: { 200: json(OrgPage, 'Children, by name'), ...problems(403) },
});

organizationRoutes.openapi(listChildren, async (c) => {
  const { orgId } = c.req.valid('param');
  const { limit, cursor } = c.req.valid('query');
  await requireOrgPermission(c, orgId, 'managed_orgs:read');
  let after: { name: string; id: string } | undefined;
  if (cursor) {
    const d = decodeCursor(cursor, 2);
    if (!d) throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Invalid cursor.');
    after = { name: String(d[0]), id: String(d[1]) };
  }
  const rows = await c.var.deps.store.organizations.children(orgId, {
    ...(after ? { after } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return c.json(
    {
      items: page.map(toOrganization),
      nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    },
    200,
  );
});
