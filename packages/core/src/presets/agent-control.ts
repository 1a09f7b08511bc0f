/**
 * Agent control center: one org per user, Super Admin across orgs, several roles per
 * user, directory privileges with "Access all directories", API access, audit logs.
 */
import { defineCatalog } from '../catalog/define-catalog.js';
import type { PermissionOf } from '../catalog/types.js';
import type { RoleSpec } from '../roles/types.js';
import { orgkitCatalogSpec } from './orgkit.js';

export const agentControlCatalogSpec = {
  ...orgkitCatalogSpec,
  agents: {
    label: 'Agents',
    sections: {
      repository: {
        label: 'Agent repository',
        resources: {
          directories: {
            label: 'Directories',
            acl: true,
            actions: {
              read: 'Open',
              create: 'Create',
              update: 'Rename and edit',
              delete: 'Delete',
            },
          },
          agents: {
            label: 'Agents',
            actions: {
              read: 'View',
              create: 'Create',
              update: 'Edit',
              delete: 'Delete',
              run: 'Run',
            },
          },
        },
      },
    },
  },
  ticketing: {
    label: 'Ticketing',
    sections: {
      tickets: {
        label: 'Tickets',
        resources: {
          tickets: {
            label: 'Tickets',
            actions: {
              read: 'View',
              create: 'Create',
              update: 'Edit',
              assign: 'Assign',
              delete: 'Delete',
            },
          },
          ticket_alerts: {
            label: 'Ticket e-mail alerts',
            actions: { receive: 'Receive alerts from every org' },
          },
        },
      },
    },
  },
  infrastructure: {
    label: 'Infrastructure',
    sections: {
      servers: {
        label: 'Servers and clusters',
        resources: {
          servers: { label: 'Servers', actions: { read: 'View', manage: 'Manage' } },
          clusters: { label: 'Clusters', actions: { read: 'View', manage: 'Manage' } },
        },
      },
    },
  },
  platform: {
    label: 'Platform',
    sections: {
      organizations: {
        label: 'Organizations',
        resources: {
          platform_orgs: {
            label: 'All organizations',
            actions: { create: 'Create organizations', delete: 'Delete organizations' },
          },
        },
      },
    },
  },
} as const;

export const agentControlCatalog = defineCatalog(agentControlCatalogSpec);
export type AgentControlPermission = PermissionOf<typeof agentControlCatalogSpec>;

const ticketsWork = ['tickets:read', 'tickets:create', 'tickets:update', 'tickets:assign'] as const;

/** The roles of the agent control center. A user may hold several. Super Admin is also a platform admin flag. */
export const agentControlRoles = [
  {
    key: 'user',
    name: 'User',
    description: 'Least privileges: may create directories and agents, not delete them.',
    self: [
      'organization:read',
      'directories:read',
      'directories:create',
      'agents:read',
      'agents:create',
      'agents:update',
      'agents:run',
    ],
  },
  {
    key: 'super_user',
    name: 'Super User',
    description: 'User plus the ticketing module.',
    extends: 'user',
    self: [...ticketsWork],
  },
  {
    key: 'admin',
    name: 'Admin',
    description:
      'All privileges within the organization minus Server Admin; servers and clusters read-only.',
    self: ['*'],
    remove: {
      self: [
        'servers:manage',
        'clusters:manage',
        'platform_orgs:*',
        'ticket_alerts:receive',
        'organization:delete',
        'organization:transfer_ownership',
      ],
    },
  },
  {
    key: 'super_admin',
    name: 'Super Admin',
    description: 'Anything across the organizations. Pair with the platform-admin flag.',
    self: ['*'],
    descendants: ['*'],
  },
  {
    key: 'org_super_admin',
    name: 'Org Super Admin',
    description: 'Acts as a Super Admin within a single organization.',
    self: ['*'],
    remove: { self: ['platform_orgs:*', 'ticket_alerts:receive'] },
  },
  {
    key: 'supporter',
    name: 'Supporter',
    description: 'Analyzes and answers incoming tickets.',
    self: [...ticketsWork],
  },
  {
    key: 'supporter_admin',
    name: 'Supporter Admin',
    extends: 'supporter',
    self: ['tickets:delete'],
  },
  {
    key: 'consumer',
    name: 'Consumer',
    description: 'Reports issues through tickets.',
    self: [...ticketsWork],
  },
  { key: 'consumer_admin', name: 'Consumer Admin', extends: 'consumer', self: ['tickets:delete'] },
  {
    key: 'server_admin',
    name: 'Server Admin',
    description: 'Manages servers and clusters.',
    self: ['servers:*', 'clusters:*'],
  },
  {
    key: 'reporting',
    name: 'Reporting',
    description: 'E-mail alerts for tickets of every org; only effective along with Super Admin.',
    self: [{ permission: 'ticket_alerts:receive', requires: 'platform_orgs:create' }],
  },
  {
    key: 'all_directories',
    name: 'Access all directories',
    description: 'The "Access all directories" checkbox: bypasses directory privileges.',
    self: ['directories:all'],
  },
] as const satisfies readonly RoleSpec<AgentControlPermission>[];
