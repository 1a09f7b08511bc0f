import { HttpResponse, http } from 'msw';
import { requireOrgPermission, requireUser } from '../decisions.js';
import { decodeCursor, encodeCursor } from '../encoding.js';
import type { MockDb, OrgRow } from '../mock-db.js';
import { conflict, forbidden, invalid, MockProblem, notFound } from '../problem.js';
import { pageLimit, type RouteContext, route } from '../route-context.js';
import { toOrganization } from '../serialize.js';
import { compareTuple } from './organizations.js';

const MAX_NODES = 5000;

interface TreeNode extends ReturnType<typeof toOrganization> {
  readonly depth: number;
  readonly children: TreeNode[];
}

/** Live descendants, parents before children, by depth then name then id (the server's order). */
function descendants(db: MockDb, rootId: string, maxDepth: number): (OrgRow & { depth: number })[] {
  const out: (OrgRow & { depth: number })[] = [];
  let level = [rootId];
  const seen = new Set([rootId]);
  for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
    const next = [...db.orgs.values()]
      .filter(
        (o) => !o.deletedAt && o.parentId !== null && level.includes(o.parentId) && !seen.has(o.id),
      )
      .sort((a, b) => compareTuple([a.name, a.id], [b.name, b.id]));
    for (const o of next) seen.add(o.id);
    out.push(...next.map((o) => ({ ...o, depth })));
    level = next.map((o) => o.id);
  }
  return out;
}

function nest(root: OrgRow, rows: readonly (OrgRow & { depth: number })[]): TreeNode {
  const top: TreeNode = { ...toOrganization(root), depth: 0, children: [] };
  const byId = new Map<string, TreeNode>([[root.id, top]]);
  for (const row of rows) {
    const node: TreeNode = { ...toOrganization(row), depth: row.depth, children: [] };
    byId.set(row.id, node);
    if (row.parentId) byId.get(row.parentId)?.children.push(node);
  }
  return top;
}

function readDepth(url: URL): number {
  const raw = url.searchParams.get('depth');
  const depth = raw === null ? 8 : Number(raw);
  if (!Number.isInteger(depth) || depth < 1 || depth > 16) {
    throw invalid('query', [
      { in: 'query', path: 'depth', message: 'Invalid depth', code: 'too_big' },
    ]);
  }
  return depth;
}

/** Listing organizations, the org tree (partner view) and moving orgs. */
export function hierarchyRoutes(ctx: RouteContext) {
  const { db } = ctx;
  const myOrgs = (userId: string) =>
    [...db.memberships.values()]
      .filter((m) => m.userId === userId && db.liveOrg(m.orgId))
      .map((m) => db.liveOrg(m.orgId)!)
      .sort((a, b) => compareTuple([a.name, a.id], [b.name, b.id]));
  return [
    http.get(
      ctx.path('/organizations'),
      route(ctx, ({ user, url }) => {
        const me = requireUser(user);
        const scope = url.searchParams.get('scope') ?? 'mine';
        const limit = pageLimit(url);
        if (scope === 'mine') {
          return HttpResponse.json({ items: myOrgs(me.id).map(toOrganization), nextCursor: null });
        }
        if (!me.platformAdmin) throw forbidden('Only platform admins can list every organization.');
        const cursor = url.searchParams.get('cursor');
        const after = cursor ? decodeCursor(cursor, 2) : undefined;
        if (cursor && !after) throw new MockProblem(422, 'VALIDATION_FAILED', 'Invalid cursor.');
        const rows = [...db.orgs.values()]
          .filter((o) => !o.deletedAt && o.parentId === null)
          .sort((a, b) => compareTuple([a.name, a.id], [b.name, b.id]))
          .filter(
            (o) => !after || compareTuple([o.name, o.id], [String(after[0]), String(after[1])]) > 0,
          );
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return HttpResponse.json({
          items: page.map(toOrganization),
          nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
        });
      }),
    ),
    http.get(
      ctx.path('/organizations/:orgId/tree'),
      route(ctx, ({ user, params, url }) => {
        const depth = readDepth(url);
        const { org } = requireOrgPermission(db, user, params.orgId!, 'managed_orgs:read');
        const rows = descendants(db, org.id, depth).slice(0, MAX_NODES + 1);
        const kept = rows.slice(0, MAX_NODES);
        return HttpResponse.json({
          root: nest(org, kept),
          truncated: rows.length > MAX_NODES,
          count: kept.length + 1,
        });
      }),
    ),
    http.get(
      ctx.path('/me/organization-tree'),
      route(ctx, ({ user, url }) => {
        const me = requireUser(user);
        const depth = readDepth(url);
        const roots: TreeNode[] = [];
        const covered = new Set<string>();
        let truncated = false;
        for (const org of myOrgs(me.id)) {
          if (covered.has(org.id)) continue;
          const access = db.access(me, org.id);
          if (!access) continue;
          const rows = access.permissions.has('managed_orgs:read')
            ? descendants(db, org.id, depth)
            : [];
          truncated ||= rows.length > MAX_NODES;
          const kept = rows.slice(0, MAX_NODES);
          for (const r of kept) covered.add(r.id);
          roots.push(nest(org, kept));
        }
        return HttpResponse.json({ roots: roots.filter((r) => !covered.has(r.id)), truncated });
      }),
    ),
    http.post(
      ctx.path('/organizations/:orgId/move'),
      route(ctx, async ({ user, params, json }) => {
        const body = await json();
        const parentId = body.parentId as string | null | undefined;
        if (
          parentId === undefined ||
          (parentId !== null && (typeof parentId !== 'string' || !parentId))
        ) {
          throw invalid('json', [
            { in: 'json', path: 'parentId', message: 'Required', code: 'invalid_type' },
          ]);
        }
        const orgId = params.orgId!;
        const { org } = requireOrgPermission(db, user, orgId, 'managed_orgs:move');
        if (parentId === null) {
          if (!user!.platformAdmin)
            throw forbidden('Only platform admins make an organization top-level.');
        } else {
          requireOrgPermission(db, user, parentId, 'managed_orgs:create');
          if (parentId === orgId || db.model().ancestors(parentId).includes(orgId)) {
            throw conflict(
              'CONFLICT',
              'An organization cannot move under itself or one of its descendants.',
            );
          }
        }
        if (org.parentId === parentId) return HttpResponse.json(toOrganization(org));
        const before = toOrganization(org);
        const from = org.parentId;
        org.parentId = parentId;
        db.changed();
        const after = toOrganization(org);
        for (const id of new Set([orgId, from, parentId])) {
          if (!id) continue;
          db.record(user!.id, {
            orgId: id,
            action: 'organization.moved',
            targetType: 'organization',
            targetId: orgId,
            description: `Organization ${org.name} moved from ${from ?? 'the top level'} to ${parentId ?? 'the top level'}`,
            before,
            after,
          });
        }
        if (!db.liveOrg(orgId)) throw notFound('Organization');
        return HttpResponse.json(after);
      }),
    ),
  ];
}
