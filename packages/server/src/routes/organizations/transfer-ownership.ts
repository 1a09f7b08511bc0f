import { z } from '@hono/zod-openapi';
import { OWNER_ROLE, planTransfer } from '../../access/decisions.js';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { requirePrincipal } from '../../middleware/authenticate.js';
import { defineRoute } from '../define-route.js';
import { MemberSchema, toMember } from '../members/schemas.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { OrgParams } from './schemas.js';

/** `POST /organizations/{orgId}/owner/transfer`; the owner hands the org to another member. */
export const transferOwnershipRoutes = createRouter();

const transfer = defineRoute({
  operationId: 'transferOwnership',
  method: 'post',
  path: '/organizations/{orgId}/owner/transfer',
  tags: ['organizations'],
  summary: 'Transfer ownership to another active member',
  description:
    'Only the current owner can transfer. The new owner gets the Owner role; the former owner becomes Admin (other roles are kept).',
  security: AUTHENTICATED,
  request: {
    params: OrgParams,
    body: jsonBody(z.strictObject({ userId: z.string().min(1).max(100) })),
  },
  responses: {
    200: json(z.object({ previousOwner: MemberSchema, newOwner: MemberSchema }), 'Transferred'),
    ...problems(403, 409),
  },
});

transferOwnershipRoutes.openapi(transfer, async (c) => {
  const { orgId } = c.req.valid('param');
  const { userId } = c.req.valid('json');
  const actor = requirePrincipal(c).user;
  const result = await c.var.deps.store.transaction(async (tx) => {
    await tx.organizations.lockForUpdate(orgId);
    await requireOrgPermission(c, orgId, 'organization:transfer_ownership', tx);
    const ownerId = (await tx.members.holdersOf(orgId, OWNER_ROLE))[0];
    const current = ownerId ? await tx.members.get(orgId, ownerId) : undefined;
    const target = await tx.members.get(orgId, userId);
    const plan = planTransfer(
      actor.id,
      current ?? { user: actor, orgId, status: 'active', joinedAt: new Date(), roles: [] },
      target,
    );
    await tx.members.setRoles(orgId, plan.previousOwner.userId, plan.previousOwner.roles);
    await tx.members.setRoles(orgId, plan.newOwner.userId, plan.newOwner.roles);
    await tx.sessions.requireRotation(plan.previousOwner.userId);
    await tx.sessions.requireRotation(plan.newOwner.userId);
    const previousOwner = (await tx.members.get(orgId, plan.previousOwner.userId))!;
    const newOwner = (await tx.members.get(orgId, plan.newOwner.userId))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'organization.ownership_transferred',
      targetType: 'user',
      targetId: newOwner.user.id,
      description: `Ownership transferred from ${previousOwner.user.email} to ${newOwner.user.email}`,
      before: {
        ownerId: previousOwner.user.id,
        roles: {
          [previousOwner.user.id]: current?.roles ?? [],
          [newOwner.user.id]: target?.roles ?? [],
        },
      },
      after: {
        ownerId: newOwner.user.id,
        roles: { [previousOwner.user.id]: previousOwner.roles, [newOwner.user.id]: newOwner.roles },
      },
    });
    return { previousOwner: toMember(previousOwner), newOwner: toMember(newOwner) };
  });
  return c.json(result, 200);
});
