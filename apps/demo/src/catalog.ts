/**
 * The host product's permission catalog and roles, shared by the server (which enforces them) and
 * the browser (which decodes compiled permission sets with it): Orgkit's own resources plus a
 * "workspace" of projects (ACL-controlled, shared per project) and deploys.
 */
import { defineCatalog, type PermissionOf, type RoleSpec } from '@orgkit/core';
import { orgkitCatalogSpec, orgkitPresetRoles } from '@orgkit/core/presets';

export const demoCatalogSpec = {
  ...orgkitCatalogSpec,
  workspace: {
    label: 'Workspace',
    sections: {
      projects: {
        label: 'Projects',
        resources: {
          projects: {
            label: 'Projects',
            acl: true,
            actions: { read: 'Open', create: 'Create', update: 'Edit', delete: 'Delete' },
          },
          deploys: { label: 'Deploys', actions: { read: 'View deploys', run: 'Deploy' } },
        },
      },
      reports: {
        label: 'Reports',
        resources: { reports: { label: 'Reports', actions: { read: 'View', export: 'Export' } } },
      },
    },
  },
  support: {
    label: 'Support levels',
    exclusiveRoles: true,
    sections: {
      level: {
        label: 'Level',
        resources: {
          support_level: { label: 'Support level', actions: { l1: 'Level 1', l2: 'Level 2' } },
        },
      },
    },
  },
} as const;

export const demoCatalog = defineCatalog(demoCatalogSpec);
export type DemoPermission = PermissionOf<typeof demoCatalogSpec>;

const extra: Record<string, readonly DemoPermission[]> = {
  member: ['projects:read', 'projects:create', 'projects:update', 'deploys:read', 'reports:read'],
  viewer: ['projects:read', 'deploys:read', 'reports:read'],
};

/** Orgkit's presets, with the workspace permissions each team role brings, plus host roles. */
export const demoRoles: RoleSpec<DemoPermission>[] = [
  ...orgkitPresetRoles.map((r) => ({ ...r, self: [...(r.self ?? []), ...(extra[r.key] ?? [])] })),
  {
    key: 'engineer',
    name: 'Engineer',
    description: 'Builds projects; deploys only with Level 2 support (⭐⭐).',
    extends: 'member',
    self: [
      'projects:update',
      'projects:delete',
      { permission: 'deploys:run', requires: 'support_level:l2' },
    ],
    descendants: ['projects:read'],
  },
  { key: 'support_l1', name: 'Support L1', module: 'support', self: ['support_level:l1'] },
  { key: 'support_l2', name: 'Support L2', module: 'support', self: ['support_level:l2'] },
];
