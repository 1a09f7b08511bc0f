import { z } from '@hono/zod-openapi';
import type { ApiKeyRow } from '../../store/users.js';

/** An API key as listed: never its secret or hash. */
export const ApiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The public part of the key (`ok_<prefix>_…`), to recognise it. */
    prefix: z.string(),
    /** The org the key is restricted to, or null for every org of its user. */
    orgId: z.string().nullable(),
    /** Narrower permission list; null means the user's own permissions. */
    scopes: z.array(z.string()).nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({ format: 'date-time' }),
    expiresAt: z.string().nullable().openapi({ format: 'date-time' }),
    revokedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('ApiKey');

/** Maps a key row to {@link ApiKeySchema}. */
export function toApiKey(key: ApiKeyRow, now: Date): z.infer<typeof ApiKeySchema> {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    orgId: key.orgId,
    scopes: key.scopes,
    status: key.revokedAt
      ? 'revoked'
      : key.expiresAt && key.expiresAt <= now
        ? 'expired'
        : 'active',
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** `{keyId}` path parameter. */
export const KeyId = z.string().min(1).max(100);
