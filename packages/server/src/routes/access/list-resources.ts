import { z } from '@hono/zod-openapi';
import { checkResourceAccess } from '@orgkit/core';
import type { Permission } from '../../access/access.js';
import { requireOrgPermission } from '../../access/require.js';
import { requireAclType } from '../../access/resource-access.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, problems } from '../openapi.js';
import { ResourceSchema } from './schemas.js';

/** What the caller can see of one resource type. */
export const listResourceRoutes = createRouter();

/** Most resources of one type an org may list in one answer. */
const MAX = 5000;

const listRoute = defineRoute({
  operationId: 'listResources',
  method: 'get',
  path: '/organizations/{orgId}/resources/{type}',
  tags: ['access'],
  summary: 'The resources of a type the caller may perform an action on (default `read`)',
  description: `Holders of \`<type>:all\` see every registered resource; others those a grant on the resource or an ancestor opens to them or their groups. At most ${MAX}.`,
  security: AUTHENTICATED,
  request: {
    params: z.object({ orgId: z.string().min(1).max(100), type: z.string().min(1).max(64) }),
    query: z.object({ action: z.string().min(1).max(64).default('read') }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(ResourceSchema), truncated: z.boolean() }).openapi('ResourceList'),
      'Visible resources',
    ),
    ...problems(403),
  },
});

listResourceRoutes.openapi(listRoute, async (c) => {
  const { orgId, type } = c.req.valid('param');
  const { action } = c.req.valid('query');
  const permission = `${type}:${action}` as Permission;
  const access = await requireOrgPermission(c, orgId, permission);
  requireAclType(access.registry, type);
  const { store } = c.var.deps;
  const userId = requirePrincipal(c).user.id;
  const rows = await store.resources.list(orgId, type, MAX + 1);
  const truncated = rows.length > MAX;
  const kept = rows.slice(0, MAX);
  const parents = new Map(kept.map((r) => [r.id, r.parentId]));
  const groupIds = await store.resources.groupIdsOf(userId, [orgId, ...access.ancestors]);
  const grants = await store.resources.grantsFor(orgId, type, userId, groupIds);
  const chainOf = (id: string) => {
    const chain: { type: string; id: string }[] = [];
    for (
      let cur: string | null | undefined = id;
      cur && chain.length < 64 && !chain.some((x) => x.id === cur);
      cur = parents.get(cur)
    ) {
      chain.push({ type, id: cur });
    }
    return chain;
  };
  const visible = kept.filter((r) =>
    checkResourceAccess(access.registry, access.permissions, permission, {
      chain: chainOf(r.id),
      grants,
      userId,
      groupIds,
      orgId,
    }),
  );
  return c.json(
    {
      items: visible.map((r) => ({
        orgId: r.orgId,
        type: r.type,
        id: r.id,
        parentId: r.parentId,
        createdAt: r.createdAt.toISOString(),
      })),
      truncated,
    },
    200,
  );
});
