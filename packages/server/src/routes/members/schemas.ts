import { z } from '@hono/zod-openapi';
import { effectiveMemberStatus, type MemberRecord } from '../../store/members.js';

/** A member as the API shows it. */
export const MemberSchema = z
  .object({
    userId: z.string(),
    orgId: z.string(),
    email: z.string(),
    name: z.string(),
    /** Effective status (see `effectiveMemberStatus`). */
    status: z.enum(['invited', 'active', 'disabled']),
    roles: z.array(z.string()),
    joinedAt: z.string().openapi({ format: 'date-time' }),
    lastActiveAt: z.string().nullable().openapi({
      format: 'date-time',
      description:
        'When the user last signed in or made an authenticated request (in any organization; precise to about five minutes); null when never.',
    }),
  })
  .openapi('Member');

/** Maps a member record to {@link MemberSchema}. */
export function toMember(m: MemberRecord): z.infer<typeof MemberSchema> {
  return {
    userId: m.user.id,
    orgId: m.orgId,
    email: m.user.email,
    name: m.user.name,
    status: effectiveMemberStatus(m),
    roles: m.roles,
    joinedAt: m.joinedAt.toISOString(),
    lastActiveAt: m.user.lastActiveAt?.toISOString() ?? null,
  };
}

/** `{orgId}` and `{userId}` path parameters. */
export const MemberParams = z.object({
  orgId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
});

/** A list of role keys. */
export const RolesField = z.array(z.string().min(1).max(64)).max(20);
