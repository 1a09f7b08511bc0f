/**
 * `@orgkit/react/hooks` — the provider and headless hooks only (no components, no styles), for
 * hosts that build their own UI.
 *
 * @packageDocumentation
 */
export { Can, type CanProps } from './hooks/can.js';
export {
  type AcceptInvitationInput,
  type InvitationPreview,
  useAcceptInvitation,
  useConfirmPasswordReset,
  useInvitationPreview,
  useRequestPasswordReset,
  useSignUp,
} from './hooks/use-account-flows.js';
export { type ActiveOrgId, useActiveOrgId } from './hooks/use-active-org-id.js';
export {
  type UseAllOrganizationsResult,
  useAllOrganizations,
} from './hooks/use-all-organizations.js';
export {
  type CreateApiKeyInput,
  useApiKeys,
  useCreateApiKey,
  useOrgApiKeys,
  useRevokeApiKey,
  useRevokeOrgApiKey,
} from './hooks/use-api-keys.js';
export { type UseAuditEventsResult, useAuditEvents } from './hooks/use-audit-events.js';
export { type CanResult, type UseCanOptions, useCan } from './hooks/use-can.js';
export {
  type CreateInvitationsInput,
  useCreateInvitations,
} from './hooks/use-create-invitations.js';
export { type CreateMemberInput, useCreateMember } from './hooks/use-create-member.js';
export { explainQueryOptions, useExplain } from './hooks/use-explain.js';
export {
  type CreateGroupInput,
  type GroupMembersInput,
  useCreateGroup,
  useDeleteGroup,
  useSetGroupMembers,
  useSetGroupRoles,
  useUpdateGroup,
} from './hooks/use-group-mutations.js';
export { type UseGroupsResult, useGroup, useGroups } from './hooks/use-groups.js';
export { type UseInvitationsResult, useInvitations } from './hooks/use-invitations.js';
export { useMember } from './hooks/use-member.js';
export { type UseMembersResult, useMembers } from './hooks/use-members.js';
export { type UseOrgChildrenResult, useOrgChildren } from './hooks/use-org-children.js';
export { type OrgSwitcherState, useOrgSwitcher } from './hooks/use-org-switcher.js';
export { useOrgTree } from './hooks/use-org-tree.js';
export { useOrganization } from './hooks/use-organization.js';
export {
  type CreateOrganizationInput,
  type UpdateOrganizationInput,
  useCreateOrganization,
  useDeleteOrganization,
  useMoveOrganization,
  useUpdateOrganization,
} from './hooks/use-organization-mutations.js';
export { type UseOrganizationsResult, useOrganizations } from './hooks/use-organizations.js';
export { type UsePermissionsResult, usePermissions } from './hooks/use-permissions.js';
export { useRemoveMember } from './hooks/use-remove-member.js';
export { useResendInvitation } from './hooks/use-resend-invitation.js';
export { useResetMemberPassword } from './hooks/use-reset-member-password.js';
export {
  useReplaceGrants,
  useResourceGrants,
  useResourceRecipients,
  useResources,
} from './hooks/use-resource-grants.js';
export {
  type RegisteredResource,
  useDeleteResource,
  useRegisterResource,
  useResource,
} from './hooks/use-resource-registry.js';
export { useRevokeInvitation } from './hooks/use-revoke-invitation.js';
export {
  type RoleInput,
  useCreateRole,
  useDeleteRole,
  useUpdateRole,
} from './hooks/use-role-mutations.js';
export { usePermissionCatalog, useRole, useRoles } from './hooks/use-roles.js';
export { type UseSessionResult, useSession } from './hooks/use-session.js';
export {
  type SetSettingInput,
  useClearPlatformSetting,
  useClearSetting,
  useMySettings,
  usePlatformSettings,
  useSetPlatformSetting,
  useSetSetting,
  useSettings,
} from './hooks/use-settings.js';
export { type SignInInput, useSignIn } from './hooks/use-sign-in.js';
export { useSignOut } from './hooks/use-sign-out.js';
export { type TransferResult, useTransferOwnership } from './hooks/use-transfer-ownership.js';
export { type UpdateMemberInput, useUpdateMember } from './hooks/use-update-member.js';
export type { Permission, Register } from './lib/register.js';
export type { ActiveOrgSource } from './lib/resolve-active-org.js';
export type {
  AclResource,
  ApiKey,
  AuditEvent,
  AuditEventFilters,
  CreatedApiKey,
  DeepPartial,
  EffectiveSetting,
  Explanation,
  Grant,
  GrantEntry,
  GrantInput,
  GrantPrincipal,
  Group,
  GroupDetail,
  Invitation,
  InvitationFilters,
  InviteResult,
  Member,
  MemberFilters,
  MyOrganization,
  MyPermissions,
  NotificationRecipients,
  OrgApiKey,
  Organization,
  OrganizationForest,
  OrganizationTree,
  OrganizationTreeNode,
  OrgkitSession,
  OrgkitUser,
  Page,
  PermissionCatalog,
  Role,
  SettingLevel,
  SettingList,
  SettingValue,
} from './lib/types.js';
export type { OrgkitLocale } from './locale/types.js';
export { type OrgkitContextValue, useOrgkitContext } from './provider/orgkit-context.js';
export {
  ACTIVE_ORG_STORAGE_KEY,
  OrgkitProvider,
  type OrgkitProviderProps,
} from './provider/orgkit-provider.js';
export type { OrgkitStorage } from './provider/storage.js';
export { useOrgkitClient } from './provider/use-orgkit.js';
export {
  myApiKeysQueryOptions,
  orgApiKeysQueryOptions,
} from './queries/api-keys-query-options.js';
export { type AuditScope, auditEventsQueryOptions } from './queries/audit-events-query-options.js';
export { groupQueryOptions, groupsQueryOptions } from './queries/groups-query-options.js';
export { invitationsQueryOptions } from './queries/invitations-query-options.js';
export { memberQueryOptions } from './queries/member-query-options.js';
export { membersQueryOptions } from './queries/members-query-options.js';
export {
  type MyOrganizations,
  myOrganizationsQueryOptions,
} from './queries/my-organizations-query-options.js';
export { orgChildrenQueryOptions } from './queries/org-children-query-options.js';
export { myOrgTreeQueryOptions, orgTreeQueryOptions } from './queries/org-tree-query-options.js';
export { organizationQueryOptions } from './queries/organization-query-options.js';
export { type ExplainQuery, orgkitKeys, type SettingsTarget } from './queries/orgkit-keys.js';
export { decodePermissions, permissionsQueryOptions } from './queries/permissions-query-options.js';
export { resourceAccessQueryOptions } from './queries/resource-access-query-options.js';
export {
  resourceGrantsQueryOptions,
  resourceRecipientsQueryOptions,
} from './queries/resource-grants-query-options.js';
export { type ResourceList, resourcesQueryOptions } from './queries/resources-query-options.js';
export {
  permissionCatalogQueryOptions,
  roleQueryOptions,
  rolesQueryOptions,
} from './queries/roles-query-options.js';
export { sessionQueryOptions } from './queries/session-query-options.js';
export {
  mySettingsQueryOptions,
  platformSettingsQueryOptions,
  settingsQueryOptions,
} from './queries/settings-query-options.js';
