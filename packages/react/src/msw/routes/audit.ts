import { HttpResponse, http } from 'msw';
import { requireOrgPermission, requireUser } from '../decisions.js';
import { decodeCursor, encodeCursor } from '../encoding.js';
import type { AuditRow, MockDb } from '../mock-db.js';
import { MockProblem, notFound } from '../problem.js';
import { type RouteContext, route } from '../route-context.js';
import { toAuditEvent } from '../serialize.js';

function list(db: MockDb, url: URL, scope: (e: AuditRow) => boolean) {
  const q = url.searchParams;
  const limit = Number(q.get('limit') ?? 50);
  const format = q.get('format') ?? 'json';
  const action = q.get('action');
  const since = q.get('since');
  const until = q.get('until');
  const actorOf = (e: AuditRow) => (e.actorId ? db.users.get(e.actorId) : undefined);
  const rows = db.audit
    .filter(scope)
    .filter(
      (e) =>
        !action || (action.includes('.') ? e.action === action : e.action.startsWith(`${action}.`)),
    )
    .filter((e) => !q.get('actorId') || e.actorId === q.get('actorId'))
    .filter((e) => !q.get('targetType') || e.targetType === q.get('targetType'))
    .filter((e) => !q.get('targetId') || e.targetId === q.get('targetId'))
    .filter((e) => !since || e.createdAt >= new Date(since))
    .filter((e) => !until || e.createdAt <= new Date(until))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  if (format === 'ndjson') {
    return new HttpResponse(
      rows.map((e) => `${JSON.stringify(toAuditEvent(e, actorOf(e)))}\n`).join(''),
      {
        headers: { 'content-type': 'application/x-ndjson; charset=utf-8' },
      },
    );
  }
  const cursor = q.get('cursor');
  const after = cursor ? decodeCursor(cursor, 2) : undefined;
  if (cursor && !after) {
    throw new MockProblem(422, 'VALIDATION_FAILED', 'Invalid cursor.', {
      errors: [{ in: 'query', path: 'cursor', message: 'Invalid cursor', code: 'invalid_cursor' }],
    });
  }
  const afterTime = after ? new Date(String(after[0])).getTime() : 0;
  const rest = rows.filter(
    (e) =>
      !after ||
      e.createdAt.getTime() < afterTime ||
      (e.createdAt.getTime() === afterTime && e.id < String(after[1])),
  );
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return HttpResponse.json({
    items: page.map((e) => toAuditEvent(e, actorOf(e))),
    nextCursor:
      rest.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  });
}

/** Org and user audit logs (JSON pages and NDJSON export). */
export function auditRoutes(ctx: RouteContext) {
  const { db } = ctx;
  return [
    http.get(
      ctx.path('/organizations/:orgId/audit-events'),
      route(ctx, ({ user, params, url }) => {
        const json = (url.searchParams.get('format') ?? 'json') === 'json';
        requireOrgPermission(
          db,
          user,
          params.orgId!,
          json ? 'audit_log:read' : ['audit_log:read', 'audit_log:export'],
        );
        return list(db, url, (e) => e.orgId === params.orgId);
      }),
    ),
    http.get(
      ctx.path('/users/:userId/audit-events'),
      route(ctx, ({ user, params, url }) => {
        const me = requireUser(user);
        const userId = params.userId!;
        // As the server: anyone else's id answers like an unknown one (no probing for users).
        if (me.id !== userId && !me.platformAdmin) throw notFound('User');
        if (!db.users.has(userId)) throw notFound('User');
        return list(
          db,
          url,
          (e) => e.actorId === userId || (e.targetType === 'user' && e.targetId === userId),
        );
      }),
    ),
  ];
}
