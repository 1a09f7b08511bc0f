import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, json, problems } from '../openapi.js';

/** `GET /dev/outbox`: mail stored instead of sent (no SMTP configured; never in production). */
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
    ...problems(404, 422),
  },
});

outboxRoutes.openapi(listOutbox, async (c) => {
  const { to, limit } = c.req.valid('query');
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
