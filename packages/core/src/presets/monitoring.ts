/**
 * Monitoring: six permission profiles composed into six roles, ACLs on tasks and
 * monitors, and e-mail addresses on ACLs for notifications only.
 */
import { defineCatalog } from '../catalog/define-catalog.js';
import type { PermissionOf } from '../catalog/types.js';
import type { GrantEntry, RoleSpec } from '../roles/types.js';
import { orgkitCatalogSpec } from './orgkit.js';

export const monitoringCatalogSpec = {
  ...orgkitCatalogSpec,
  monitoring: {
    label: 'Monitoring',
    sections: {
      resources: {
        label: 'Resources',
        resources: {
          monitors: {
            label: 'Monitors',
            acl: true,
            actions: { read: 'View', create: 'Create', update: 'Modify', delete: 'Delete' },
          },
          tasks: {
            label: 'Tasks',
            acl: true,
            actions: {
              read: 'View',
              execute: 'Execute',
              create: 'Create',
              update: 'Modify',
              delete: 'Delete',
            },
          },
          scripts: {
            label: 'Scripts',
            acl: true,
            actions: { read: 'View', create: 'Create', update: 'Modify' },
          },
          output_logs: { label: 'Output logs', actions: { read: 'View' } },
        },
      },
    },
  },
} as const;

export const monitoringCatalog = defineCatalog(monitoringCatalogSpec);
export type MonitoringPermission = PermissionOf<typeof monitoringCatalogSpec>;

/** The six permission profiles of the monitoring product. */
export const monitoringProfiles = {
  full_control: ['*'],
  full_access: [
    'monitors:all',
    'tasks:all',
    'scripts:all',
    'monitors:read',
    'tasks:read',
    'scripts:read',
    'output_logs:read',
    'organization:read',
    'members:read',
  ],
  view: ['monitors:read', 'tasks:read', 'output_logs:read', 'organization:read'],
  execution: ['tasks:read', 'tasks:execute', 'organization:read'],
  create_modify: [
    'monitors:create',
    'monitors:update',
    'tasks:create',
    'tasks:update',
    'scripts:create',
    'scripts:update',
    'access:read',
    'access:manage',
  ],
  user_admin: [
    'members:read',
    'members:create',
    'members:update',
    'members:remove',
    'invitations:*',
  ],
} as const satisfies Record<string, readonly GrantEntry<MonitoringPermission>[]>;

/** The name of a monitoring permission profile. */
export type MonitoringProfile = keyof typeof monitoringProfiles;

/** Which profiles each role is made of ("Effective permissions per role"). */
export const monitoringRoleProfiles = {
  root: ['full_control'],
  owner: ['full_access', 'create_modify', 'execution', 'user_admin'],
  admin: ['full_access', 'create_modify', 'execution'],
  user: ['view', 'execution'],
  viewer: ['view'],
  manager: ['user_admin', 'view', 'execution'],
} as const satisfies Record<string, readonly MonitoringProfile[]>;

/** Builds a role's grant list from profiles. */
export function composeProfiles(
  profiles: readonly MonitoringProfile[],
): GrantEntry<MonitoringPermission>[] {
  return [
    ...new Set(
      profiles.flatMap((p) => monitoringProfiles[p] as readonly GrantEntry<MonitoringPermission>[]),
    ),
  ];
}

const title = (key: string) => key[0]!.toUpperCase() + key.slice(1);

/** The six monitoring roles, composed from their profiles. */
export const monitoringRoles: readonly RoleSpec<MonitoringPermission>[] = Object.entries(
  monitoringRoleProfiles,
).map(([key, profiles]) => ({
  key: `monitoring_${key}`,
  name: title(key),
  description: `Profiles: ${profiles.join(', ')}`,
  self: composeProfiles(profiles),
}));
