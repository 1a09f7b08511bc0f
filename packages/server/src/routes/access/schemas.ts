import { z } from '@hono/zod-openapi';
import type { AclGrant, Principal } from '@orgkit/core';
import { EmailField } from '../schemas.js';

const Key = z.string().min(1).max(200);

/** Path of one resource instance. */
export const ResourceParams = z.object({
  orgId: z.string().min(1).max(100),
  type: z.string().min(1).max(64),
  resourceId: Key,
});

/** Who a grant names; e-mail principals are notified only, never given access. */
export const PrincipalSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('user'), id: Key }),
    z.strictObject({ kind: z.literal('group'), id: Key }),
    z.strictObject({ kind: z.literal('email'), email: EmailField }),
  ])
  .openapi('Principal');

/** A grant as written by clients: actions, or a role whose actions on the type apply. */
export const GrantInput = z
  .strictObject({
    principal: PrincipalSchema,
    actions: z.array(z.string().min(1).max(64)).min(1).max(32).optional(),
    role: z.string().min(1).max(64).optional(),
  })
  .refine((g) => (g.actions === undefined) !== (g.role === undefined), {
    message: 'give either actions or a role',
    path: ['actions'],
  })
  .openapi('GrantInput');

/** A grant as read back, with where it comes from. */
export const GrantSchema = z
  .object({
    principal: PrincipalSchema,
    actions: z.array(z.string()).optional(),
    role: z.string().optional(),
    /** Set when the grant sits on an ancestor resource and is inherited. */
    inheritedFrom: z.object({ type: z.string(), id: z.string() }).nullable(),
  })
  .openapi('Grant');

/** A resource under access control: its org, type, id and optional parent. */
export const ResourceSchema = z
  .object({
    orgId: z.string(),
    type: z.string(),
    id: z.string(),
    parentId: z.string().nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Resource');

/** Maps a request grant to core's shape. */
export function toAclGrant(type: string, id: string, g: z.infer<typeof GrantInput>): AclGrant {
  return {
    resource: { type, id },
    principal: g.principal as Principal,
    ...(g.actions ? { actions: [...new Set(g.actions)] } : {}),
    ...(g.role ? { role: g.role } : {}),
  };
}
