/**
 * Ready-made catalogs and roles: Orgkit's own, and one per kind of product (agent control, portal, monitoring, HPC, RPA suite), each a starting
 * point a host can copy or extend.
 */
export {
  type OrgkitPermission,
  orgkitCatalog,
  orgkitCatalogSpec,
  orgkitPresetRoles,
} from './orgkit.js';
export { orgkitSettings } from './orgkit-settings.js';
export {
  type AgentControlPermission,
  agentControlCatalog,
  agentControlCatalogSpec,
  agentControlRoles,
} from './seed-000-agent-control.js';
export {
  type PortalPermission,
  portalCatalog,
  portalCatalogSpec,
  portalRoles,
  workspacesRoles,
} from './seed-001-portal.js';
export {
  composeProfiles,
  type MonitoringPermission,
  type MonitoringProfile,
  monitoringCatalog,
  monitoringCatalogSpec,
  monitoringProfiles,
  monitoringRoleProfiles,
  monitoringRoles,
} from './seed-002-monitoring.js';
export {
  type HpcPermission,
  hpcCatalog,
  hpcCatalogSpec,
  hpcRoles,
  hpcSettings,
} from './seed-003-hpc.js';
export {
  type RpaPermission,
  rpaAutoJoinRoles,
  rpaCatalog,
  rpaCatalogSpec,
  rpaProductRoles,
  rpaProducts,
  rpaRoles,
} from './seed-004-rpa.js';
