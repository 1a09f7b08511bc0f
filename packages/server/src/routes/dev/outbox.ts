import { createRoute, z } from '@hono/zod-openapi';
import { forbidden } from '../../errors/api-error.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { createRouter, json, problems } from '../openapi.js';

/**
 * `GET /dev/outbox`: mail stored instead of sent (no SMTP configured). Mounted only with the
 * `devOutbox` option (never in production) and readable only by platform admins.
 */
export const outboxRoutes = createRouter();

const OutboxMail = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    meta: z.record(z.string(), z.string()).nullable(),
    createdAt: z.string(),
  })
  .openapi('OutboxMail');

const listOutbox = createRoute({
  method: 'get',
  path: '/dev/outbox',
  tags: ['dev'],
  // Development only: kept out of the published contract.
  hide: true,
  summary: 'Mail in the dev outbox, newest first',
  request: {
    query: z.object({
      to: z.string().trim().toLowerCase().max(254).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(OutboxMail) }), 'Stored mail'),
    ...problems(401, 403, 404, 422),
  },
});

outboxRoutes.openapi(listOutbox, async (c) => {
  // Every reset and invitation link is in here: platform admins only.
  if (!requirePrincipal(c).user.platformAdmin) {
    throw forbidden('Only platform admins can read the dev outbox.');
  }
  const { to, limit } = c.req.valid('query');
  // Mail of answered requests (reset, sign-up) is sent after their answer: show it once sent.
  await c.var.deps.deferred.idle();
  const rows = await c.var.deps.store.outbox.list({ ...(to ? { to } : {}), limit });
  return c.json(
    {
      items: rows.map((m) => ({
        ...m,
        meta: m.meta ?? null,
        createdAt: m.createdAt.toISOString(),
      })),
    },
    200,
  );
});
