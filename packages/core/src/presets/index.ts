/**
 * Ready-made catalogs and roles: Orgkit's own, and one per kind of product (agent control, portal, monitoring, HPC, RPA suite), each a starting
 * point a host can copy or extend.
 */

export {
  type AgentControlPermission,
  agentControlCatalog,
  agentControlCatalogSpec,
  agentControlRoles,
} from './agent-control.js';
export {
  type HpcPermission,
  hpcCatalog,
  hpcCatalogSpec,
  hpcRoles,
  hpcSettings,
} from './hpc.js';
export {
  composeProfiles,
  type MonitoringPermission,
  type MonitoringProfile,
  monitoringCatalog,
  monitoringCatalogSpec,
  monitoringProfiles,
  monitoringRoleProfiles,
  monitoringRoles,
} from './monitoring.js';
export {
  type OrgkitPermission,
  orgkitCatalog,
  orgkitCatalogSpec,
  orgkitPresetRoles,
} from './orgkit.js';
export { orgkitSettings } from './orgkit-settings.js';
export {
  type PortalPermission,
  portalCatalog,
  portalCatalogSpec,
  portalRoles,
  workspacesRoles,
} from './portal.js';
export {
  type RpaPermission,
  rpaAutoJoinRoles,
  rpaCatalog,
  rpaCatalogSpec,
  rpaProductRoles,
  rpaProducts,
  rpaRoles,
} from './rpa.js';
