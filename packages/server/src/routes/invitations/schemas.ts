import { z } from '@hono/zod-openapi';
import { effectiveStatus, type Invitation } from '../../store/invitations.js';

/** An invitation as the API shows it (never the token). */
export const InvitationSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    inviterId: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    expiresAt: z.string().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Invitation');

/** Maps an invitation row to {@link InvitationSchema}. */
export function toInvitation(inv: Invitation, now: Date): z.infer<typeof InvitationSchema> {
  return {
    id: inv.id,
    orgId: inv.orgId,
    email: inv.email,
    roles: inv.roles,
    inviterId: inv.inviterId,
    status: effectiveStatus(inv, now),
    expiresAt: inv.expiresAt.toISOString(),
    createdAt: inv.createdAt.toISOString(),
  };
}

/** `{orgId}` and `{invitationId}` path parameters. */
export const InvitationParams = z.object({
  orgId: z.string().min(1).max(100),
  invitationId: z.string().min(1).max(100),
});
