import { defineCatalog } from '../catalog/define-catalog.js';
import type { PermissionOf } from '../catalog/types.js';
import type { RoleSpec } from '../roles/types.js';

/** A small catalog used across unit tests. */
export const testCatalogSpec = {
  team: {
    label: 'Team',
    sections: {
      people: {
        resources: {
          members: { actions: { read: 'Read', invite: 'Invite', remove: 'Remove' } },
          roles: { actions: { read: 'Read', assign: 'Assign' } },
        },
      },
    },
  },
  files: {
    sections: {
      storage: {
        resources: {
          directories: { acl: true, actions: { read: 'Read', write: 'Write', delete: 'Delete' } },
          reports: { actions: { read: 'Read', export: 'Export' } },
        },
      },
    },
  },
  levels: {
    exclusiveRoles: true,
    sections: { tiers: { resources: { tier: { actions: { l1: 'L1', l2: 'L2' } } } } },
  },
} as const;

export const testCatalog = defineCatalog(testCatalogSpec);
export type TestPermission = PermissionOf<typeof testCatalogSpec>;

export const testPresets = [
  {
    key: 'viewer',
    name: 'Viewer',
    self: ['members:read', 'roles:read', 'reports:read', 'directories:read'],
  },
  {
    key: 'manager',
    name: 'Manager',
    extends: 'viewer',
    self: ['members:invite', { permission: 'reports:export', requires: 'tier:l2' }],
    descendants: ['members:read', 'reports:read'],
  },
  {
    key: 'admin',
    name: 'Admin',
    self: ['*'],
    remove: { self: ['directories:all'] },
    descendants: ['members:*'],
  },
  { key: 'l1', name: 'Level 1', module: 'levels', self: ['tier:l1'] },
  { key: 'l2', name: 'Level 2', module: 'levels', self: ['tier:l2'] },
  { key: 'group_only', name: 'Group only', assignable: 'groups', self: ['reports:read'] },
  { key: 'archivist', name: 'Archivist', self: ['directories:all', 'directories:read'] },
] as const satisfies readonly RoleSpec<TestPermission>[];
