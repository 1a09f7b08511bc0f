import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireOrgPermission } from '../../access/require.js';
import { toAuditEventJson, toCsv, toNdjson } from '../../audit/export.js';
import type { AppEnv } from '../../context.js';
import { ApiError, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import type { AuditQuery } from '../../store/audit.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, problems } from '../openapi.js';

/** Org and user audit logs with filters, cursor pagination and CSV/NDJSON export. */
export const auditRoutes = createRouter();

/** Largest export in one request; narrow the time range for more. */
const EXPORT_LIMIT = 10_000;

const AuditEventSchema = z
  .object({
    id: z.string(),
    orgId: z.string().nullable(),
    actorId: z.string().nullable(),
    actorType: z.enum(['user', 'api_key', 'system']),
    actorName: z
      .string()
      .nullable()
      .openapi({ description: "The acting user's current name (null for the system)" }),
    actorEmail: z.string().nullable().openapi({ description: "The acting user's e-mail" }),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    description: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AuditEvent');

const AuditPage = z
  .object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() })
  .openapi('AuditEventPage');

const AuditFilters = z.object({
  action: z.string().max(100).optional().openapi({
    description: '`member` matches every `member.*` action; `member.removed` only that one',
  }),
  actorId: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  format: z.enum(['json', 'ndjson', 'csv']).default('json'),
});

const exportResponses = {
  200: {
    description: 'A page of events (JSON), or every matching event (NDJSON/CSV, up to 10,000)',
    content: {
      'application/json': { schema: AuditPage },
      'application/x-ndjson': { schema: z.string() },
      'text/csv': { schema: z.string() },
    },
  },
} as const;

type Filters = z.infer<typeof AuditFilters>;

async function answer(c: Context<AppEnv>, scope: Pick<AuditQuery, 'orgId' | 'userId'>, f: Filters) {
  const base: AuditQuery = {
    ...scope,
    ...(f.action ? { action: f.action } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.since ? { since: new Date(f.since) } : {}),
    ...(f.until ? { until: new Date(f.until) } : {}),
    limit: f.limit,
  };
  const { store } = c.var.deps;
  if (f.format !== 'json') {
    const events = await store.audit.list({ ...base, limit: EXPORT_LIMIT });
    const csv = f.format === 'csv';
    c.header(
      'content-type',
      csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    );
    c.header(
      'content-disposition',
      `attachment; filename="audit-events.${csv ? 'csv' : 'ndjson'}"`,
    );
    return c.body(csv ? toCsv(events) : toNdjson(events), 200);
  }
  let after: AuditQuery['after'];
  if (f.cursor) {
    const decoded = decodeCursor(f.cursor, 2);
    if (!decoded || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string') {
      throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Invalid cursor.', {
        errors: [
          { in: 'query', path: 'cursor', message: 'Invalid cursor', code: 'invalid_cursor' },
        ],
      });
    }
    after = { createdAt: new Date(decoded[0]), id: decoded[1] };
  }
  const rows = await store.audit.list({ ...base, ...(after ? { after } : {}), limit: f.limit + 1 });
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > f.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
  return c.json({ items: page.map(toAuditEventJson), nextCursor }, 200);
}

const orgAudit = defineRoute({
  operationId: 'listOrganizationAuditEvents',
  method: 'get',
  path: '/organizations/{orgId}/audit-events',
  tags: ['audit'],
  summary: "An organization's audit log, newest first",
  description: 'Needs `audit_log:read`; CSV and NDJSON exports need `audit_log:export`.',
  security: AUTHENTICATED,
  request: { params: z.object({ orgId: z.string().max(100) }), query: AuditFilters },
  responses: { ...exportResponses, ...problems(403) },
});

auditRoutes.openapi(orgAudit, async (c) => {
  const { orgId } = c.req.valid('param');
  const filters = c.req.valid('query');
  await requireOrgPermission(
    c,
    orgId,
    filters.format === 'json' ? 'audit_log:read' : ['audit_log:read', 'audit_log:export'],
  );
  return answer(c, { orgId }, filters) as never;
});

const userAudit = defineRoute({
  operationId: 'listUserAuditEvents',
  method: 'get',
  path: '/users/{userId}/audit-events',
  tags: ['audit'],
  summary: "A user's audit log: what they did and what was done to them",
  description:
    'Visible to the user and to platform admins; for anyone else every id answers 404, known or not.',
  security: AUTHENTICATED,
  request: { params: z.object({ userId: z.string().max(100) }), query: AuditFilters },
  responses: { ...exportResponses, ...problems(403) },
});

auditRoutes.openapi(userAudit, async (c) => {
  const { userId } = c.req.valid('param');
  const principal = requirePrincipal(c);
  // Anyone else's id answers like an unknown one, so ids cannot be probed for existence.
  if (principal.user.id !== userId && !principal.user.platformAdmin) throw notFound('User');
  const target = await c.var.deps.store.users.findById(userId);
  if (!target) throw notFound('User');
  return answer(c, { userId }, c.req.valid('query')) as never;
});
