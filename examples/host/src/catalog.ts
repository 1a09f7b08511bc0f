/**
 * The host product's permissions: Orgkit's own plus projects that can be deployed. The server
 * enforces them (its guard is typed by them) and the browser decodes permission sets with them.
 */
import { defineCatalog, type PermissionOf, type RoleSpec } from '@orgkit/core';
import { orgkitCatalogSpec, orgkitPresetRoles } from '@orgkit/core/presets';

export const hostCatalogSpec = {
  ...orgkitCatalogSpec,
  product: {
    label: 'Product',
    sections: {
      projects: {
        label: 'Projects',
        resources: { projects: { label: 'Projects', actions: { read: 'Open', deploy: 'Deploy' } } },
      },
    },
  },
} as const;

export const hostCatalog = defineCatalog(hostCatalogSpec);
export type HostPermission = PermissionOf<typeof hostCatalogSpec>;

const extra: Record<string, readonly HostPermission[]> = {
  owner: ['projects:read', 'projects:deploy'],
  admin: ['projects:read', 'projects:deploy'],
  member: ['projects:read'],
  viewer: ['projects:read'],
};

/** Orgkit's preset roles, each with the product permissions it brings. */
export const hostRoles: RoleSpec<HostPermission>[] = orgkitPresetRoles.map((r) => ({
  ...r,
  self: [...(r.self ?? []), ...(extra[r.key] ?? [])],
}));
