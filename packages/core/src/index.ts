/**
 * @orgkit/core — the access model of Orgkit: permission catalog, roles, groups, org hierarchy,
 * conditional permissions, resource ACLs, settings waterfall and invariants. Pure TypeScript, no
 * I/O: the same evaluator runs in the server and in browsers.
 *
 * @packageDocumentation
 */

export {
  checkResourceAccess,
  grantActions,
  grantNamesSubject,
  type MatchingGrant,
  matchingGrants,
  type NotificationRecipients,
  notificationRecipients,
} from './acl/check-resource-access.js';
export type { AclGrant, AclQuery, Principal, ResourceRef } from './acl/types.js';
export { type Catalog, defineCatalog, fnv1a } from './catalog/define-catalog.js';
export {
  type CatalogActionDescription,
  type CatalogDescription,
  type CatalogModuleDescription,
  describeCatalog,
} from './catalog/describe-catalog.js';
export type {
  ActionOf,
  ActionSpec,
  CatalogSpec,
  ModuleOf,
  ModuleSpec,
  PermissionInfo,
  PermissionOf,
  ResourceInfo,
  ResourceOf,
  ResourceSpec,
  SectionSpec,
} from './catalog/types.js';
export {
  type CheckResult,
  ErrorCode,
  fail,
  OK,
  OrgkitDefinitionError,
} from './errors/error-codes.js';
export { applyConditions, computePermissions } from './evaluate/compute-permissions.js';
export {
  describeExplanation,
  type ExplainReason,
  type Explanation,
  explain,
} from './evaluate/explain.js';
export type {
  AccessQuery,
  AssignmentSource,
  RoleAssignment,
  Subject,
  UserStatus,
} from './evaluate/types.js';
export {
  checkEscalation,
  checkRoleEscalation,
  rolePermissionCeiling,
} from './invariants/escalation.js';
export { checkMembershipPolicy, type MembershipPolicy } from './invariants/membership-policy.js';
export {
  canChangeRoles,
  canDisableMember,
  canRemoveMember,
  checkSingleOwner,
  DEFAULT_OWNERSHIP_ROLES,
  type MemberRoles,
  type OwnershipRoles,
  type OwnershipTransferPlan,
  planOwnershipTransfer,
} from './invariants/ownership.js';
export { AccessModel } from './model/access-model.js';
export type {
  AccessWorld,
  GroupRecord,
  MembershipRecord,
  OrgRecord,
  ResourceGrantRecord,
  ResourceInOrg,
  ResourceRecord,
  UserRecord,
} from './model/types.js';
export { PermissionSet, type SerializedPermissionSet } from './permission-set/permission-set.js';
export {
  compileRole,
  expandPattern,
  isKnownPattern,
  type RoleLookup,
} from './roles/compile-role.js';
export { createRoleRegistry, type RoleRegistry } from './roles/role-registry.js';
export type {
  CompiledCondition,
  CompiledGrants,
  CompiledRole,
  ConditionalGrant,
  GrantEntry,
  GrantPattern,
  RoleAssignability,
  RoleDefinition,
  RoleSpec,
} from './roles/types.js';
export {
  checkExclusiveLevels,
  checkRoleAssignment,
  type RoleProblems,
  validateRoleSpec,
} from './roles/validate-role.js';
export {
  checkSettingWritable,
  defineSettings,
  resolveSetting,
  resolveSettings,
  settingsChain,
  validateSettingValue,
} from './settings/resolve-settings.js';
export type {
  ResolvedSetting,
  SettingLevel,
  SettingOverride,
  SettingScope,
  SettingSpec,
  SettingsSpec,
  SettingValue,
} from './settings/types.js';
