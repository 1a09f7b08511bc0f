import { defineCatalog } from '../catalog/define-catalog.js';
import type { PermissionOf } from '../catalog/types.js';
import type { RoleSpec } from '../roles/types.js';

/**
 * The catalog of Orgkit's own resources. Hosts spread it into their own declaration:
 * `defineCatalog({ ...orgkitCatalogSpec, myModule: {...} })`.
 */
export const orgkitCatalogSpec = {
  organization: {
    label: 'Organization',
    sections: {
      general: {
        label: 'General',
        resources: {
          organization: {
            label: 'Organization',
            actions: {
              read: 'View the organization',
              update: 'Edit name and details',
              delete: 'Delete the organization',
              transfer_ownership: 'Transfer ownership',
            },
          },
          settings: {
            label: 'Settings',
            actions: {
              read: 'View settings',
              update: 'Change settings',
              lock: 'Lock settings for levels below',
            },
          },
          billing: {
            label: 'Billing',
            actions: { read: 'View billing', update: 'Manage billing' },
          },
          managed_orgs: {
            label: 'Managed organizations',
            actions: {
              read: 'View managed organizations',
              create: 'Create client and sub-organizations',
              update: 'Edit managed organizations',
              delete: 'Delete managed organizations',
              move: 'Move an organization under another',
            },
          },
        },
      },
    },
  },
  team: {
    label: 'Team',
    sections: {
      members: {
        label: 'Members',
        resources: {
          members: {
            label: 'Members',
            actions: {
              read: 'View members',
              create: 'Create users directly',
              update: 'Change members’ roles',
              disable: 'Disable and enable members',
              remove: 'Remove members',
              reset_password: 'Send password resets',
            },
          },
          invitations: {
            label: 'Invitations',
            actions: {
              read: 'View invitations',
              create: 'Invite people',
              revoke: 'Resend and revoke invitations',
            },
          },
        },
      },
      access: {
        label: 'Access control',
        resources: {
          roles: {
            label: 'Roles',
            actions: {
              read: 'View roles',
              create: 'Create custom roles',
              update: 'Edit custom roles',
              delete: 'Delete custom roles',
            },
          },
          groups: {
            label: 'Groups',
            actions: {
              read: 'View groups',
              create: 'Create groups',
              update: 'Edit groups and their members',
              delete: 'Delete groups',
              assign_roles: 'Assign roles to groups',
            },
          },
          access: {
            label: 'Resource access',
            actions: {
              read: 'View who can access a resource',
              manage: 'Share resources',
              explain: 'Explain access decisions',
            },
          },
          api_keys: {
            label: 'API keys',
            actions: {
              read: 'View own API keys',
              create: 'Create API keys',
              revoke: 'Revoke API keys',
              manage: 'Manage everyone’s API keys',
            },
          },
        },
      },
      audit: {
        label: 'Audit',
        resources: {
          audit_log: {
            label: 'Audit log',
            actions: { read: 'View the audit log', export: 'Export the audit log' },
          },
        },
      },
    },
  },
} as const;

/** The Orgkit catalog alone. */
export const orgkitCatalog = defineCatalog(orgkitCatalogSpec);

/** A permission of the Orgkit catalog. */
export type OrgkitPermission = PermissionOf<typeof orgkitCatalogSpec>;

const readOnly = [
  'organization:read',
  'members:read',
  'invitations:read',
  'roles:read',
  'groups:read',
  'settings:read',
  'managed_orgs:read',
] as const satisfies readonly OrgkitPermission[];

/** What managing an org from above gives (settings, users, groups and billing). */
const manageBelow = [
  ...readOnly,
  'organization:update',
  'settings:*',
  'billing:*',
  'members:*',
  'invitations:*',
  'roles:*',
  'groups:*',
  'access:*',
  'audit_log:*',
  'managed_orgs:*',
] as const;

/**
 * Team presets: one Owner, Admin (everything but deleting the org and transferring it;
 * cannot remove the owner — an invariant, not a permission), Member, Billing contact, and a
 * read-only Viewer. Owner and Admin of a partner manage the orgs below it.
 */
export const orgkitPresetRoles = [
  {
    key: 'owner',
    name: 'Owner',
    description: 'In charge of the organization. Exactly one; transferable.',
    self: ['*'],
    descendants: manageBelow,
  },
  {
    key: 'admin',
    name: 'Admin',
    description: 'Manages members, roles, groups and settings. Cannot remove the owner.',
    self: ['*'],
    remove: { self: ['organization:delete', 'organization:transfer_ownership'] },
    descendants: manageBelow,
  },
  {
    key: 'member',
    name: 'Member',
    description: 'No rights over the team; can see it and use API keys.',
    self: [
      'organization:read',
      'members:read',
      'roles:read',
      'groups:read',
      'api_keys:read',
      'api_keys:create',
      'api_keys:revoke',
    ],
  },
  {
    key: 'billing_contact',
    name: 'Billing contact',
    description: 'Has access to the billing page.',
    self: ['organization:read', 'billing:read', 'billing:update'],
  },
  {
    key: 'viewer',
    name: 'Viewer',
    description: 'Read-only access to the team and settings.',
    self: [...readOnly, 'audit_log:read'],
  },
] as const satisfies readonly RoleSpec<OrgkitPermission>[];
