import { z } from '@hono/zod-openapi';
import { ApiError, forbidden } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, problems } from '../openapi.js';
import { PageQuery } from '../schemas.js';
import { OrganizationSchema, toOrganization } from './schemas.js';

/** `GET /organizations`: the caller's orgs, or every top-level org for platform admins. */
export const listOrganizationRoutes = createRouter();

const listOrgs = defineRoute({
  operationId: 'listOrganizations',
  method: 'get',
  path: '/organizations',
  tags: ['organizations'],
  summary: 'List organizations',
  description:
    '`scope=mine` (default): the organizations the caller belongs to. `scope=all`: every top-level organization (platform admins only), by name, with cursor pagination.',
  security: AUTHENTICATED,
  request: { query: z.object({ scope: z.enum(['mine', 'all']).default('mine'), ...PageQuery }) },
  responses: {
    200: json(
      z.object({ items: z.array(OrganizationSchema), nextCursor: z.string().nullable() }),
      'Organizations',
    ),
    ...problems(403),
  },
});

listOrganizationRoutes.openapi(listOrgs, async (c) => {
  const principal = requirePrincipal(c);
  const { scope, limit, cursor } = c.req.valid('query');
  const { store } = c.var.deps;
  if (scope === 'mine') {
    const rows = await store.organizations.listForUser(principal.user.id);
    return c.json({ items: rows.map((r) => toOrganization(r.org)), nextCursor: null }, 200);
  }
  if (!principal.user.platformAdmin)
    throw forbidden('Only platform admins can list every organization.');
  let after: { name: string; id: string } | undefined;
  if (cursor) {
    const d = decodeCursor(cursor, 2);
    if (!d) throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Invalid cursor.');
    after = { name: String(d[0]), id: String(d[1]) };
  }
  const rows = await store.organizations.roots({ ...(after ? { after } : {}), limit: limit + 1 });
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
