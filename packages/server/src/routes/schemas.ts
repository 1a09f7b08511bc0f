import { z } from '@hono/zod-openapi';
import type { User } from '../store/users.js';

/** A user as the API shows it (never the password hash). */
export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(['invited', 'active', 'disabled']),
    platformAdmin: z.boolean(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('User');

/** Maps a user row to {@link UserSchema}. */
export function toUser(user: User): z.infer<typeof UserSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    platformAdmin: user.platformAdmin,
    createdAt: user.createdAt.toISOString(),
  };
}

/** An e-mail field: trimmed, lower-cased, bounded. */
export const EmailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email())
  .openapi({ example: 'ada@example.com' });

/** A new password: 8 to 256 characters. */
export const PasswordField = z
  .string()
  .min(8)
  .max(256)
  .openapi({ example: 'correct horse battery' });

/** A display name. */
export const NameField = z.string().trim().min(1).max(200).openapi({ example: 'Ada Lovelace' });

/** Opaque pagination: `limit` and `cursor`. */
export const PageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ description: 'Page size (1–200)' }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: 'Opaque cursor from `nextCursor`' }),
};
