import { z } from '@hono/zod-openapi';
import { actorOf } from '../../access/access.js';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { conflict, forbidden, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import type { TreeRow } from '../../store/org-tree.js';
import type { Org } from '../../store/organizations.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrganizationSchema, OrgParams, toOrganization } from './schemas.js';

/** The org tree: what a partner manages, and moving orgs. */
export const hierarchyRoutes = createRouter();

/** Most nodes one tree answer holds; deeper or larger trees are paged by asking for a subtree. */
const MAX_NODES = 5000;

interface TreeNode extends z.infer<typeof OrganizationSchema> {
  readonly depth: number;
  readonly children: TreeNode[];
}

const TreeSchema = z
  .object({
    root: z
      .unknown()
      .openapi({ description: 'The org with its managed orgs nested under `children`' }),
    truncated: z.boolean(),
    count: z.number().int(),
  })
  .openapi('OrganizationTree');

function nest(root: Org, rows: readonly TreeRow[]): TreeNode {
  const top: TreeNode = { ...toOrganization(root), depth: 0, children: [] };
  const byId = new Map<string, TreeNode>([[root.id, top]]);
  for (const row of rows) {
    const node: TreeNode = { ...toOrganization(row), depth: row.depth, children: [] };
    byId.set(row.id, node);
    if (row.parentId) byId.get(row.parentId)?.children.push(node);
  }
  return top;
}

const getTree = defineRoute({
  operationId: 'getOrganizationTree',
  method: 'get',
  path: '/organizations/{orgId}/tree',
  tags: ['organizations'],
  summary: 'The org and every org below it (client orgs, sub-orgs), nested',
  description: `Needs \`managed_orgs:read\`. At most ${MAX_NODES} orgs; \`truncated\` says when more exist (ask for a subtree).`,
  security: AUTHENTICATED,
  request: {
    params: OrgParams,
    query: z.object({ depth: z.coerce.number().int().min(1).max(16).default(8) }),
  },
  responses: { 200: json(TreeSchema, 'The tree'), ...problems(403) },
});

hierarchyRoutes.openapi(getTree, async (c) => {
  const { orgId } = c.req.valid('param');
  const { depth } = c.req.valid('query');
  const { org } = await requireOrgPermission(c, orgId, 'managed_orgs:read');
  const rows = await c.var.deps.store.orgTree.descendants(orgId, depth, MAX_NODES + 1);
  const truncated = rows.length > MAX_NODES;
  const kept = rows.slice(0, MAX_NODES);
  return c.json({ root: nest(org, kept), truncated, count: kept.length + 1 }, 200);
});

const myTree = defineRoute({
  operationId: 'getMyOrganizationTree',
  method: 'get',
  path: '/me/organization-tree',
  tags: ['me'],
  summary: 'The caller’s orgs, each with the orgs it manages below (partner view)',
  description:
    'For a partner managing client organizations: each organization of the caller, with the organizations below it that the caller may read (`managed_orgs:read`), down to `depth` levels.',
  security: AUTHENTICATED,
  request: { query: z.object({ depth: z.coerce.number().int().min(1).max(16).default(8) }) },
  responses: {
    200: json(
      z
        .object({ roots: z.array(z.unknown()), truncated: z.boolean() })
        .openapi('OrganizationForest'),
      'One tree per org',
    ),
  },
});

hierarchyRoutes.openapi(myTree, async (c) => {
  const principal = requirePrincipal(c);
  const { depth } = c.req.valid('query');
  const { store, access } = c.var.deps;
  const mine = (await store.organizations.listForUser(principal.user.id)).map((r) => r.org);
  const roots: TreeNode[] = [];
  const covered = new Set<string>();
  let truncated = false;
  for (const org of mine) {
    if (covered.has(org.id)) continue;
    const orgAccess = await access.resolve(store, actorOf(principal), org.id);
    if (!orgAccess) continue;
    const rows = orgAccess.permissions.has('managed_orgs:read')
      ? await store.orgTree.descendants(org.id, depth, MAX_NODES + 1)
      : [];
    truncated ||= rows.length > MAX_NODES;
    const kept = rows.slice(0, MAX_NODES);
    for (const r of kept) covered.add(r.id);
    roots.push(nest(org, kept));
  }
  // an org of mine that is also inside another of my trees appears once, nested
  return c.json({ roots: roots.filter((r) => !covered.has(r.id)), truncated }, 200);
});

const moveOrg = defineRoute({
  operationId: 'moveOrganization',
  method: 'post',
  path: '/organizations/{orgId}/move',
  tags: ['organizations'],
  summary: 'Move an org under another (or to the top level)',
  description:
    'Allowed only to someone who manages every side: `managed_orgs:move` in the org moved and in its current parent, and `managed_orgs:create` in the new parent. Only platform admins move an org to the top level. An org cannot move under itself or its descendants.',
  security: AUTHENTICATED,
  request: {
    params: OrgParams,
    body: jsonBody(z.strictObject({ parentId: z.string().min(1).max(100).nullable() })),
  },
  responses: { 200: json(OrganizationSchema, 'Moved'), ...problems(403, 409) },
});

hierarchyRoutes.openapi(moveOrg, async (c) => {
  const { orgId } = c.req.valid('param');
  const { parentId } = c.req.valid('json');
  const principal = requirePrincipal(c);
  const moved = await c.var.deps.store.transaction(async (tx) => {
    const { org } = await requireOrgPermission(c, orgId, 'managed_orgs:move', tx);
    if (org.parentId && org.parentId !== parentId) {
      // Taking an org away from its parent needs the parent side's consent: management rights
      // over the current parent, not only over the org itself.
      const current = await c.var.deps.access.resolve(tx, actorOf(principal), org.parentId);
      if (!current?.permissions.has('managed_orgs:move')) {
        throw forbidden(
          'Moving this organization needs managed_orgs:move in its current parent organization.',
        );
      }
    }
    if (parentId === null) {
      if (!principal.user.platformAdmin)
        throw forbidden('Only platform admins make an organization top-level.');
    } else {
      await requireOrgPermission(c, parentId, 'managed_orgs:create', tx);
      if (parentId === orgId || (await tx.organizations.ancestorIds(parentId)).includes(orgId)) {
        throw conflict(
          ErrorCode.CONFLICT,
          'An organization cannot move under itself or one of its descendants.',
        );
      }
    }
    if (org.parentId === parentId) return org;
    const after = await tx.orgTree.move(orgId, parentId);
    if (!after) throw notFound('Organization');
    const entry = {
      action: 'organization.moved',
      targetType: 'organization',
      targetId: orgId,
      description: `Organization ${org.name} moved from ${org.parentId ?? 'the top level'} to ${parentId ?? 'the top level'}`,
      before: toOrganization(org),
      after: toOrganization(after),
    };
    for (const id of new Set([orgId, org.parentId, parentId])) {
      if (id) await tx.audit.record(auditActor(c), { orgId: id, ...entry });
    }
    return after;
  });
  return c.json(toOrganization(moved), 200);
});
