import { z } from '@hono/zod-openapi';
import type { GroupMemberRecord, GroupRecord } from '../../store/groups.js';
import { RolesField } from '../members/schemas.js';
import { OrgParams } from '../organizations/schemas.js';

/** A group as the API lists it. */
export const GroupSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    roles: z.array(z.string()),
    memberCount: z.number().int(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Group');

/** A member of a group. */
export const GroupMemberSchema = z
  .object({ userId: z.string(), email: z.string(), name: z.string() })
  .openapi('GroupMember');

/** A group with its members. */
export const GroupDetailSchema = GroupSchema.extend({
  members: z.array(GroupMemberSchema),
}).openapi('GroupDetail');

/** Maps a group record to {@link GroupSchema}. */
export function toGroup(g: GroupRecord): z.infer<typeof GroupSchema> {
  return {
    id: g.id,
    orgId: g.orgId,
    name: g.name,
    description: g.description,
    roles: g.roles,
    memberCount: g.memberCount,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

/** Maps a group and its members to {@link GroupDetailSchema}. */
export function toGroupDetail(
  g: GroupRecord,
  members: GroupMemberRecord[],
): z.infer<typeof GroupDetailSchema> {
  return { ...toGroup(g), members };
}

/** `{orgId}` and `{groupId}` path parameters. */
export const GroupParams = OrgParams.extend({ groupId: z.string().min(1).max(100) });

/** A group name. */
export const GroupNameField = z.string().trim().min(1).max(200);

/** A list of user ids (members of the org). */
export const UserIdsField = z.array(z.string().min(1).max(100)).max(500);

export { RolesField };
