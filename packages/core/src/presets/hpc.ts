/**
 * HPC platform: platform → partner → managed orgs → groups → users; roles only
 * through groups (org:admin, org:settings, org:users, org:groups); settings waterfall.
 */
import { defineCatalog } from '../catalog/define-catalog.js';
import type { PermissionOf } from '../catalog/types.js';
import type { RoleSpec } from '../roles/types.js';
import { defineSettings } from '../settings/resolve-settings.js';
import { orgkitCatalogSpec } from './orgkit.js';

export const hpcCatalogSpec = {
  ...orgkitCatalogSpec,
  compute: {
    label: 'Compute',
    sections: {
      configuration: {
        label: 'Configuration',
        resources: {
          instance_types: {
            label: 'Allowed instance types',
            actions: { read: 'View', configure: 'Configure' },
          },
          default_resources: {
            label: 'Default resources for new users',
            actions: { read: 'View', configure: 'Configure' },
          },
          theme: {
            label: 'Theme, sidebar and login banner',
            actions: { read: 'View', update: 'Customize' },
          },
          billing_multipliers: {
            label: 'Billing multipliers',
            actions: { read: 'View', set: 'Set custom multipliers' },
          },
        },
      },
    },
  },
} as const;

export const hpcCatalog = defineCatalog(hpcCatalogSpec);
export type HpcPermission = PermissionOf<typeof hpcCatalogSpec>;

const orgConfig = ['settings:*', 'instance_types:*', 'default_resources:*', 'theme:*'] as const;

/** The four group roles of the HPC platform; "you cannot assign roles to individual users". */
export const hpcRoles = [
  {
    key: 'org:admin',
    name: 'org:admin',
    description:
      'Full control: any change to any setting, and the only role that assigns roles to groups.',
    assignable: 'groups',
    self: ['*'],
    // A partner manages the orgs it created: settings, users, groups, billing, multipliers, instance types.
    descendants: [
      'organization:read',
      'organization:update',
      ...orgConfig,
      'billing:*',
      'billing_multipliers:*',
      'members:*',
      'invitations:*',
      'groups:*',
      'roles:read',
      'managed_orgs:*',
      'audit_log:read',
    ],
  },
  {
    key: 'org:settings',
    name: 'org:settings',
    description: 'Manages organization settings.',
    assignable: 'groups',
    self: ['organization:read', ...orgConfig],
  },
  {
    key: 'org:users',
    name: 'org:users',
    description: 'Creates and manages users.',
    assignable: 'groups',
    self: ['organization:read', 'members:*', 'invitations:*', 'groups:read'],
  },
  {
    key: 'org:groups',
    name: 'org:groups',
    description: 'Creates and manages groups, but cannot assign or remove their roles.',
    assignable: 'groups',
    self: [
      'organization:read',
      'members:read',
      'roles:read',
      'groups:read',
      'groups:create',
      'groups:update',
      'groups:delete',
    ],
  },
] as const satisfies readonly RoleSpec<HpcPermission>[];

/** Typed HPC settings that flow down the waterfall (platform → org → group → user). */
export const hpcSettings = defineSettings({
  allowed_instance_types: { type: 'string[]', default: ['small', 'medium'], maxItems: 100 },
  billing_multiplier: { type: 'number', default: 1, min: 0, max: 100 },
  login_banner: { type: 'string', default: '', maxLength: 2000 },
  theme: { type: 'enum', default: 'light', options: ['light', 'dark', 'system'] },
  default_storage_gb: { type: 'number', default: 50, min: 0, integer: true },
});
