/**
 * RPA suite: Owner / Admin / Member / Billing contact team roles (the Orgkit presets),
 * product-specific roles, several orgs per user, Owner and Admin auto-added to new products.
 */
import { defineCatalog } from '../catalog/define-catalog.js';
import type { PermissionOf } from '../catalog/types.js';
import type { RoleSpec } from '../roles/types.js';
import { orgkitCatalogSpec, orgkitPresetRoles } from './orgkit.js';

export const rpaCatalogSpec = {
  ...orgkitCatalogSpec,
  studio_pro: {
    label: 'Studio Pro',
    sections: {
      use: {
        label: 'Use',
        resources: { studio: { label: 'Studio Pro', actions: { use: 'Build and run bots' } } },
      },
    },
  },
  bot_runner: {
    label: 'Bot Runner',
    sections: {
      use: {
        label: 'Use',
        resources: {
          bot_runner: {
            label: 'Bot Runner',
            actions: { attended: 'Run attended bots', unattended: 'Run unattended bots' },
          },
        },
      },
    },
  },
  orchestrator: {
    label: 'SaaS Orchestrator',
    exclusiveRoles: true,
    sections: {
      bots: {
        label: 'Bots',
        resources: {
          bots: {
            label: 'Bots',
            actions: { read: 'Monitor', publish: 'Publish', schedule: 'Schedule' },
          },
          dashboards: { label: 'Dashboards', actions: { read: 'View' } },
          bot_logs: { label: 'Logs', actions: { read: 'View' } },
        },
      },
      platform: {
        label: 'Platform',
        resources: {
          orchestrator_api: { label: 'API and webhooks', actions: { use: 'Use' } },
          orchestrator_integrations: {
            label: 'Integrations and multitenancy',
            actions: { manage: 'Manage' },
          },
          orchestrator_settings: { label: 'Settings', actions: { update: 'Modify' } },
        },
      },
    },
  },
} as const;

export const rpaCatalog = defineCatalog(rpaCatalogSpec);
export type RpaPermission = PermissionOf<typeof rpaCatalogSpec>;

/** Product-specific roles. */
export const rpaProductRoles = [
  { key: 'studio_pro_user', name: 'Studio Pro user', self: ['studio:use'] },
  {
    key: 'bot_runner_user',
    name: 'Bot Runner user',
    self: ['bot_runner:attended', 'bot_runner:unattended'],
  },
  {
    key: 'orchestrator_admin',
    name: 'Orchestrator Admin',
    module: 'orchestrator',
    self: [
      'bots:*',
      'dashboards:*',
      'bot_logs:*',
      'orchestrator_api:*',
      'orchestrator_integrations:*',
      'orchestrator_settings:*',
    ],
  },
  {
    key: 'orchestrator_analyst',
    name: 'Orchestrator Analyst',
    module: 'orchestrator',
    self: ['bots:read', 'dashboards:read', 'bot_logs:read'],
  },
] as const satisfies readonly RoleSpec<RpaPermission>[];

/** Team roles and product roles together. */
export const rpaRoles: readonly RoleSpec<RpaPermission>[] = [
  ...orgkitPresetRoles,
  ...rpaProductRoles,
];

/** Roles whose holders are added to every new product. */
export const rpaAutoJoinRoles = ['owner', 'admin'] as const;

/** The product access role each product grants when a member is added to it. */
export const rpaProducts = [
  { key: 'studio_pro', name: 'Studio Pro', role: 'studio_pro_user' },
  { key: 'bot_runner', name: 'Bot Runner', role: 'bot_runner_user' },
  { key: 'orchestrator', name: 'SaaS Orchestrator', role: 'orchestrator_admin' },
] as const;
