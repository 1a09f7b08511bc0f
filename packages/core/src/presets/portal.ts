/**
 * Portal and workspaces: module-level roles with read-only variants, a section ×
 * functionality × action matrix, the ⭐ conditions on Workspaces levels, and roles whose
 * `descendants` set differs from their `self` set (partner → client → sub-org).
 */
import { defineCatalog } from '../catalog/define-catalog.js';
import type { PermissionOf } from '../catalog/types.js';
import type { GrantEntry, RoleSpec } from '../roles/types.js';
import { orgkitCatalogSpec } from './orgkit.js';

const R = { read: 'Read' } as const;
const RR = { read: 'Read', refresh: 'Refresh' } as const;
const CRRD = { create: 'Create', read: 'Read', refresh: 'Refresh', delete: 'Delete' } as const;
const CRR = { create: 'Create', read: 'Read', refresh: 'Refresh' } as const;

export const portalCatalogSpec = {
  ...orgkitCatalogSpec,
  portal: {
    label: 'Portal',
    exclusiveRoles: true,
    sections: {
      home: { label: 'Home', resources: { portal_home: { label: 'Home', actions: R } } },
      operations: {
        label: 'Operations',
        resources: { portal_operations: { label: 'Operations', actions: R } },
      },
      flows: { label: 'Flows', resources: { flows: { label: 'Flows', actions: CRRD } } },
      reports: {
        label: 'Reports',
        resources: {
          report_list: { label: 'List', actions: R },
          report_detail: {
            label: 'Detail',
            actions: { read: 'Read', create: 'Create', delete: 'Delete' },
          },
        },
      },
      tenants: {
        label: 'Tenants',
        resources: {
          tenants: { label: 'Tenants', actions: CRRD },
          activation: { label: 'Activation', actions: R },
        },
      },
      monitor: {
        label: 'Monitor',
        resources: {
          active_alerts: { label: 'Active alerts', actions: R },
          portal_workspaces: { label: 'Workspaces', actions: RR },
          portal_groups: { label: 'Groups', actions: CRRD },
          updates: { label: 'Updates', actions: CRRD },
        },
      },
      analyzer: {
        label: 'Analyzer',
        resources: {
          installed_apps: { label: 'Installed apps', actions: RR },
          licenses: { label: 'Licenses', actions: CRRD },
          sam: { label: 'SAM', actions: R },
        },
      },
      microservices: {
        label: 'Microservices',
        resources: {
          microservices: { label: 'Microservices', actions: CRR },
          microservices_enabled: { label: 'Enabled', actions: RR },
        },
      },
      billing: {
        label: 'Billing',
        resources: {
          portal_billing: { label: 'Billing', actions: RR },
          portal_product: { label: 'Product', actions: R },
          portal_billing_report: { label: 'Report', actions: R },
        },
      },
      environment: {
        label: 'Environment',
        resources: {
          environment: { label: 'Environment', actions: RR },
          environment_agent_settings: { label: 'Agent settings', actions: RR },
          integrations: { label: 'Integrations', actions: CRR },
          portal_modules: { label: 'Modules', actions: CRR },
          information: { label: 'Information', actions: RR },
          directives: { label: 'Directives', actions: CRRD },
          reporting_groups: { label: 'Reporting groups', actions: CRRD },
          agent_settings: { label: 'Agent settings', actions: RR },
          magic_link: { label: 'Magic link', actions: CRR },
        },
      },
      administration: {
        label: 'Administration',
        resources: {
          portal_roles: { label: 'Roles', actions: CRRD },
          portal_users: { label: 'Users', actions: CRRD },
        },
      },
    },
  },
  workspaces: {
    label: 'Workspaces',
    exclusiveRoles: true,
    sections: {
      level: {
        label: 'Level',
        resources: {
          workspace_level: { label: 'Support level', actions: { l1: 'Level 1', l2: 'Level 2' } },
        },
      },
      operations: {
        label: 'Operations',
        resources: {
          ux_panel: { label: 'UX Panel', actions: { view: 'View' } },
          ws_workspaces: {
            label: 'Workspaces',
            actions: { view: 'View', execute: 'Execute operations' },
          },
          sessions: { label: 'Sessions', actions: { view: 'View', execute: 'Execute operations' } },
          connection_logs: { label: 'Connection logs', actions: { view: 'View' } },
          jobs: { label: 'Jobs', actions: { view: 'View', cancel: 'Cancel' } },
          alerting: { label: 'Alerting', actions: { view: 'View', off: 'Turn off' } },
          servers: { label: 'Servers', actions: { view: 'View', execute: 'Execute operations' } },
        },
      },
      configuration: {
        label: 'Configuration',
        resources: {
          profile_storage: {
            label: 'Profile storage',
            actions: { view: 'View', modify: 'Modify', delete: 'Delete' },
          },
          alert_notification_profiles: {
            label: 'Alert notification profiles',
            actions: { view: 'View', modify: 'Modify', delete: 'Delete' },
          },
          alert_subscriptions: {
            label: 'Alert subscriptions',
            actions: { view: 'View', modify: 'Modify', delete: 'Delete' },
          },
          events_log: {
            label: 'Events log',
            actions: { view: 'View', modify: 'Modify', delete: 'Delete' },
          },
          locations: {
            label: 'Locations',
            actions: { view: 'View', create: 'Create', modify: 'Modify' },
          },
          networks: { label: 'Networks', actions: { view: 'View', modify: 'Modify' } },
          notifications: {
            label: 'Notifications',
            actions: { view: 'View', create: 'Create', modify: 'Modify', delete: 'Delete' },
          },
          ws_reporting_groups: { label: 'Reporting groups', actions: { view: 'View' } },
          wireless_networks: {
            label: 'Wireless networks',
            actions: { view: 'View', modify: 'Modify' },
          },
        },
      },
    },
  },
  analyzer: {
    label: 'Analyzer',
    exclusiveRoles: true,
    sections: {
      access: {
        label: 'Access',
        resources: { analyzer_app: { label: 'Analyzer', actions: { access: 'Access' } } },
      },
    },
  },
} as const;

export const portalCatalog = defineCatalog(portalCatalogSpec);
export type PortalPermission = PermissionOf<typeof portalCatalogSpec>;
type E = GrantEntry<PortalPermission>;

const moduleOf = (p: string) => portalCatalog.info(p)?.module;
const portalAll = portalCatalog.permissions.filter((p) => moduleOf(p) === 'portal');
const portalReads = portalAll.filter((p) => p.endsWith(':read'));
const readsOf = (entries: readonly E[]): PortalPermission[] =>
  entries.filter((e): e is PortalPermission => typeof e === 'string' && e.endsWith(':read'));
const wsViews = portalCatalog.permissions.filter(
  (p) => moduleOf(p) === 'workspaces' && p.endsWith(':view'),
);

/** ⭐ (L1 in Workspaces) and ⭐⭐ (L2) conditions on the write actions of Flows and Updates. */
const starred = (requires: 'workspace_level:l1' | 'workspace_level:l2'): E[] =>
  (
    [
      'flows:create',
      'flows:refresh',
      'flows:delete',
      'updates:create',
      'updates:refresh',
      'updates:delete',
    ] as const
  ).map((permission) => ({ permission, requires }));

const userReads: E[] = [
  'portal_home:read',
  'portal_operations:read',
  'flows:read',
  'report_list:read',
  'report_detail:read',
  'active_alerts:read',
  'portal_workspaces:read',
];
const l1Reads: E[] = [
  ...userReads,
  'tenants:read',
  'activation:read',
  'portal_groups:read',
  'updates:read',
  'installed_apps:read',
];
const l2Extra: E[] = [
  'portal_workspaces:refresh',
  'portal_groups:create',
  'portal_groups:refresh',
  'portal_groups:delete',
  'installed_apps:refresh',
  'licenses:read',
  'sam:read',
  'microservices:read',
  'microservices_enabled:read',
  'environment:read',
  'information:read',
];
const l3: E[] = portalAll.filter(
  (p) =>
    !p.startsWith('portal_billing') &&
    !p.startsWith('portal_product') &&
    !p.startsWith('portal_roles') &&
    !p.startsWith('portal_users'),
);

const level = (
  key: string,
  name: string,
  self: E[],
  descendants: E[] = readsOf(self),
): RoleSpec<PortalPermission> => ({
  key,
  name,
  module: 'portal',
  self: ['organization:read', ...self],
  descendants,
});

/** Portal levels 1–10 (one per member: the module is exclusive). */
export const portalRoles: readonly RoleSpec<PortalPermission>[] = [
  level(
    'portal_org_admin',
    'Organization administrator',
    [...portalAll, 'members:*', 'roles:*', 'invitations:*'],
    [...portalReads],
  ),
  level('portal_org_admin_ro', 'Read-only organization administrator', [
    ...portalReads,
    'members:read',
    'roles:read',
  ]),
  level('portal_user', 'User', userReads),
  level('portal_l1', 'L1 support team', [...l1Reads, ...starred('workspace_level:l1')]),
  level('portal_l1_ro', 'L1 support team read-only', l1Reads),
  level('portal_l2', 'L2 support team', [...l1Reads, ...l2Extra, ...starred('workspace_level:l2')]),
  level('portal_l2_ro', 'L2 support team read-only', [...l1Reads, ...readsOf(l2Extra)]),
  level('portal_l3', 'L3 engineering team', l3),
  level('portal_l3_ro', 'L3 engineering team read-only', readsOf(l3)),
  level('portal_billing', 'Billing', [
    'portal_billing:read',
    'portal_billing:refresh',
    'portal_product:read',
    'portal_billing_report:read',
  ]),
];

const wsL1Writes: E[] = [
  'ws_workspaces:execute',
  'sessions:execute',
  'servers:execute',
  'jobs:cancel',
  'alerting:off',
];
const wsL2Writes: E[] = [
  ...wsL1Writes,
  'profile_storage:*',
  'alert_notification_profiles:*',
  'alert_subscriptions:*',
  'events_log:*',
  'locations:*',
  'networks:*',
  'notifications:*',
  'wireless_networks:*',
];

/** Workspaces levels L1, L1 RO, L2, L2 RO (exclusive), and Analyzer access. */
export const workspacesRoles: readonly RoleSpec<PortalPermission>[] = [
  {
    key: 'ws_l1',
    name: 'Level 1',
    module: 'workspaces',
    self: [...wsViews, ...wsL1Writes, 'workspace_level:l1'],
  },
  { key: 'ws_l1_ro', name: 'Level 1 read-only', module: 'workspaces', self: [...wsViews] },
  {
    key: 'ws_l2',
    name: 'Level 2',
    module: 'workspaces',
    self: [...wsViews, ...wsL2Writes, 'workspace_level:l2'],
  },
  { key: 'ws_l2_ro', name: 'Level 2 read-only', module: 'workspaces', self: [...wsViews] },
  {
    key: 'analyzer_access',
    name: 'Analyzer access',
    module: 'analyzer',
    self: ['analyzer_app:access'],
  },
];
