import { z } from '@hono/zod-openapi';
import { checkApiKeyGrant } from '../../access/api-keys.js';
import { auditActor } from '../../audit/actor.js';
import { ApiError, forbidden, notFound } from '../../errors/api-error.js';
import { ErrorCode } from '../../errors/error-codes.js';
import { generateToken, randomHex, sha256 } from '../../lib/tokens.js';
import { API_KEY_PREFIX, requirePrincipal } from '../../middleware/authenticate.js';
import { idempotent } from '../../middleware/idempotency.js';
import { defineRoute } from '../define-route.js';
import { AUTHENTICATED, createRouter, json, jsonBody, problems } from '../openapi.js';
import { ApiKeySchema, KeyId, toApiKey } from './schemas.js';

/** The caller's own API keys. */
export const myApiKeyRoutes = createRouter();

const listMine = defineRoute({
  operationId: 'listMyApiKeys',
  method: 'get',
  path: '/me/api-keys',
  tags: ['api-keys'],
  summary: 'The caller’s API keys, newest first (revoked and expired ones included)',
  description:
    'Secrets are never shown again; each key shows its prefix, scopes, organization, status, expiry and last use.',
  security: AUTHENTICATED,
  responses: {
    200: json(z.object({ items: z.array(ApiKeySchema) }).openapi('ApiKeyList'), 'Keys'),
  },
});

myApiKeyRoutes.openapi(listMine, async (c) => {
  const { user } = requirePrincipal(c);
  const { store, options } = c.var.deps;
  const now = options.now();
  const rows = await store.apiKeys.listForUser(user.id);
  return c.json({ items: rows.map((k) => toApiKey(k, now)) }, 200);
});

const CreatedApiKey = z
  .object({
    apiKey: ApiKeySchema,
    secret: z.string().nullable().openapi({
      description:
        'The whole key, `ok_<prefix>_<secret>`: shown once and stored only as a hash. Null when an `Idempotency-Key` replay answers: the secret is never kept.',
    }),
  })
  .openapi('CreatedApiKey');

const createMine = defineRoute({
  operationId: 'createMyApiKey',
  method: 'post',
  path: '/me/api-keys',
  tags: ['api-keys'],
  summary: 'Create an API key (its secret is returned once)',
  description:
    'Needs `api_keys:create` (in `orgId` for an org-bound key, else in at least one org). `scopes` must be permissions the caller holds there (escalation guard); at each request the key can do at most its scopes ∩ its user’s current permissions. API keys cannot mint API keys. Honours `Idempotency-Key`.',
  security: AUTHENTICATED,
  middleware: [
    idempotent({
      redact: (body) =>
        body && typeof body === 'object' && 'secret' in body ? { ...body, secret: null } : body,
    }),
  ] as const,
  request: {
    body: jsonBody(
      z.strictObject({
        name: z.string().trim().min(1).max(100),
        orgId: z.string().min(1).max(100).optional(),
        scopes: z.array(z.string().min(1).max(100)).max(500).optional(),
        expiresAt: z.iso.datetime({ offset: true }).optional(),
      }),
    ),
  },
  responses: { 201: json(CreatedApiKey, 'Created'), ...problems(403, 404) },
});

myApiKeyRoutes.openapi(createMine, async (c) => {
  const principal = requirePrincipal(c);
  if (principal.method === 'api_key') throw forbidden('API keys cannot create API keys.');
  if (principal.user.activationRequired) {
    throw new ApiError(
      403,
      ErrorCode.ACTIVATION_REQUIRED,
      'Activate the account from its e-mail address before creating API keys.',
    );
  }
  const body = c.req.valid('json');
  const { store, access, options } = c.var.deps;
  const now = options.now();
  const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'expiresAt must be in the future.', {
      errors: [
        { in: 'json', path: 'expiresAt', message: 'must be in the future', code: 'too_small' },
      ],
    });
  }
  const prefix = randomHex(6);
  const secret = `${API_KEY_PREFIX}${prefix}_${generateToken(32)}`;
  const key = await store.transaction(async (tx) => {
    await checkApiKeyGrant(access, tx, principal.user, body.orgId, body.scopes);
    const created = await tx.users.createApiKey({
      userId: principal.user.id,
      name: body.name,
      prefix,
      hash: await sha256(secret),
      orgId: body.orgId ?? null,
      scopes: body.scopes ? [...new Set(body.scopes)] : null,
      expiresAt,
    });
    await tx.audit.record(auditActor(c), {
      orgId: created.orgId,
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: created.id,
      description: `API key ${created.name} (${prefix}) created`,
      after: toApiKey(created, now),
    });
    return created;
  });
  return c.json({ apiKey: toApiKey(key, now), secret }, 201);
});

const revokeMine = defineRoute({
  operationId: 'revokeMyApiKey',
  method: 'delete',
  path: '/me/api-keys/{keyId}',
  tags: ['api-keys'],
  summary: 'Revoke one of the caller’s API keys (it answers 401 at once)',
  description: 'The key stops authenticating immediately. Keys of other users answer 404.',
  security: AUTHENTICATED,
  request: { params: z.object({ keyId: KeyId }) },
  responses: { 204: { description: 'Revoked' } },
});

myApiKeyRoutes.openapi(revokeMine, async (c) => {
  const { user } = requirePrincipal(c);
  const { keyId } = c.req.valid('param');
  const { store, options } = c.var.deps;
  await store.transaction(async (tx) => {
    const key = await tx.apiKeys.findForUser(user.id, keyId);
    if (!key) throw notFound('API key');
    if (key.revokedAt) return;
    const after = (await tx.apiKeys.revoke(keyId, options.now()))!;
    await tx.audit.record(auditActor(c), {
      orgId: key.orgId,
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: keyId,
      description: `API key ${key.name} (${key.prefix}) revoked by its owner`,
      before: toApiKey(key, options.now()),
      after: toApiKey(after, options.now()),
    });
  });
  return c.body(null, 204);
});
