import { z } from '@hono/zod-openapi';
import type { Org } from '../../store/organizations.js';

/** An organization as the API shows it. */
export const OrganizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(['partner', 'client', 'standard']),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Organization');

/** Maps an org row to {@link OrganizationSchema}. */
export function toOrganization(org: Org): z.infer<typeof OrganizationSchema> {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    parentId: org.parentId,
    kind: org.kind,
    createdAt: org.createdAt.toISOString(),
  };
}

/** A URL slug: lower-case letters, digits and dashes. */
export const SlugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and inner dashes')
  .openapi({ example: 'acme' });

/** The `{orgId}` path parameter. */
export const OrgParams = z.object({ orgId: z.string().min(1).max(100) });

/** Derives a slug from a name. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return base.length >= 2 ? base : `org-${base}`.replace(/-$/, '');
}
