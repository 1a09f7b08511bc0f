import { z } from '@hono/zod-openapi';
import { requireOrgPermission } from '../../access/require.js';
import { auditActor } from '../../audit/actor.js';
import { notFound } from '../../errors/api-error.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, problems } from '../openapi.js';
import { OrgParams } from '../organizations/schemas.js';
import { ApiKeySchema, KeyId, toApiKey } from './schemas.js';

/** Everyone's API keys in an org, for admins (`api_keys:manage`). */
export const orgApiKeyRoutes = createRouter();

const OrgApiKey = ApiKeySchema.extend({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
}).openapi('OrgApiKey');

const listOrgKeys = defineRoute({
  operationId: 'listOrganizationApiKeys',
  method: 'get',
  path: '/organizations/{orgId}/api-keys',
  tags: ['api-keys'],
  summary: 'API keys usable in the organization, with their owners',
  description: 'Keys bound to this organization, and unbound keys of its members.',
  security: AUTHENTICATED,
  request: { params: OrgParams },
  responses: {
    200: json(z.object({ items: z.array(OrgApiKey) }).openapi('OrgApiKeyList'), 'Keys'),
    ...problems(403),
  },
});

orgApiKeyRoutes.openapi(listOrgKeys, async (c) => {
  const { orgId } = c.req.valid('param');
  const { store, options } = c.var.deps;
  await requireOrgPermission(c, orgId, 'api_keys:manage');
  const now = options.now();
  const rows = await store.apiKeys.listForOrg(orgId);
  return c.json({ items: rows.map((r) => ({ ...toApiKey(r.key, now), user: r.user })) }, 200);
});

const revokeOrgKey = defineRoute({
  operationId: 'revokeOrganizationApiKey',
  method: 'delete',
  path: '/organizations/{orgId}/api-keys/{keyId}',
  tags: ['api-keys'],
  summary: 'Revoke a key usable in the organization',
  description:
    'Needs `api_keys:manage`. Revokes any member’s key bound to the organization; it stops authenticating immediately.',
  security: AUTHENTICATED,
  request: { params: OrgParams.extend({ keyId: KeyId }) },
  responses: { 204: { description: 'Revoked' }, ...problems(403) },
});

orgApiKeyRoutes.openapi(revokeOrgKey, async (c) => {
  const { orgId, keyId } = c.req.valid('param');
  const { store, options } = c.var.deps;
  await store.transaction(async (tx) => {
    await requireOrgPermission(c, orgId, 'api_keys:manage', tx);
    const found = await tx.apiKeys.findForOrg(orgId, keyId);
    if (!found) throw notFound('API key');
    if (found.key.revokedAt) return;
    const after = (await tx.apiKeys.revoke(keyId, options.now()))!;
    await tx.audit.record(auditActor(c), {
      orgId,
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: keyId,
      description: `API key ${found.key.name} (${found.key.prefix}) of ${found.user.email} revoked`,
      before: toApiKey(found.key, options.now()),
      after: toApiKey(after, options.now()),
    });
  });
  return c.body(null, 204);
});
