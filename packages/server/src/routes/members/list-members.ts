import { z } from '@hono/zod-openapi';
import { requireOrgPermission } from '../../access/require.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, problems } from '../openapi.js';
import { OrgParams } from '../organizations/schemas.js';
import { PageQuery } from '../schemas.js';
import { MemberParams, MemberSchema, toMember } from './schemas.js';

/** Reading members: the list with search, filters, sort and cursor pagination; one member. */
export const listMemberRoutes = createRouter();

const MemberPage = z
  .object({ items: z.array(MemberSchema), nextCursor: z.string().nullable() })
  .openapi('MemberPage');

const listMembers = defineRoute({
  operationId: 'listMembers',
  method: 'get',
  path: '/organizations/{orgId}/members',
  tags: ['members'],
  summary: 'List members',
  description:
    '`search` matches the start of the e-mail, of the name or of any word of the name. `sort=lastActive` orders by `lastActiveAt`, members never active counting as least recent (first ascending, last descending). Cursors are opaque and tied to the sort.',
  security: AUTHENTICATED,
  request: {
    params: OrgParams,
    query: z.object({
      search: z.string().trim().max(100).optional(),
      role: z.string().max(64).optional(),
      status: z.enum(['invited', 'active', 'disabled']).optional(),
      sort: z.enum(['name', 'email', 'joinedAt', 'lastActive']).default('name'),
      order: z.enum(['asc', 'desc']).default('asc'),
      ...PageQuery,
    }),
  },
  responses: { 200: json(MemberPage, 'A page of members'), ...problems(403) },
});

listMemberRoutes.openapi(listMembers, async (c) => {
  const { orgId } = c.req.valid('param');
  const q = c.req.valid('query');
  await requireOrgPermission(c, orgId, 'members:read');
  let after: { value: string; userId: string } | undefined;
  if (q.cursor) {
    const d = decodeCursor(q.cursor, 3);
    if (!d || d[0] !== q.sort) {
      throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Invalid cursor for this sort.', {
        errors: [
          { in: 'query', path: 'cursor', message: 'Invalid cursor', code: 'invalid_cursor' },
        ],
      });
    }
    after = { value: String(d[1]), userId: String(d[2]) };
  }
  const rows = await c.var.deps.store.members.list({
    orgId,
    ...(q.search ? { search: q.search } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { status: q.status } : {}),
    sort: q.sort,
    order: q.order,
    ...(after ? { after } : {}),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return c.json(
    {
      items: page.map(toMember),
      nextCursor:
        rows.length > q.limit && last ? encodeCursor([q.sort, last.sortValue, last.user.id]) : null,
    },
    200,
  );
});

const getMember = defineRoute({
  operationId: 'getMember',
  method: 'get',
  path: '/organizations/{orgId}/members/{userId}',
  tags: ['members'],
  summary: 'Read one member',
  description: 'Needs `members:read`. The member’s roles, status, join date and last activity.',
  security: AUTHENTICATED,
  request: { params: MemberParams },
  responses: { 200: json(MemberSchema, 'The member'), ...problems(403) },
});

listMemberRoutes.openapi(getMember, async (c) => {
  const { orgId, userId } = c.req.valid('param');
  await requireOrgPermission(c, orgId, 'members:read');
  const member = await c.var.deps.store.members.get(orgId, userId);
  if (!member) throw notFound('Member');
  return c.json(toMember(member), 200);
});
