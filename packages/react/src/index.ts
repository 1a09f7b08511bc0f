/**
 * @orgkit/react — Orgkit for React: the provider, headless hooks on TanStack Query, drop-in
 * components built on Radix primitives, the locale and theme. Hooks only: `@orgkit/react/hooks`;
 * MSW mocks: `@orgkit/react/msw`; default theme: `@orgkit/react/styles.css`; the French locale:
 * `@orgkit/react/locales/fr` (kept out of the main entry so hosts only ship the locales they use).
 *
 * @packageDocumentation
 */

export {
  AcceptInvitation,
  type AcceptInvitationProps,
} from './accept-invitation/accept-invitation.js';
export {
  type AcceptInvitationContextValue,
  type AcceptInvitationField,
  type AcceptInvitationResult,
  type AcceptInvitationView,
  useAcceptInvitationContext,
} from './accept-invitation/accept-invitation-context.js';
export {
  AcceptInvitationError,
  AcceptInvitationForm,
  AcceptInvitationLoading,
  AcceptInvitationSummary,
  type AcceptInvitationSummaryProps,
} from './accept-invitation/accept-invitation-parts.js';
export {
  AcceptInvitationRoot,
  type AcceptInvitationRootProps,
} from './accept-invitation/accept-invitation-root.js';
export { ApiKeys, type ApiKeysProps } from './api-keys/api-keys.js';
export {
  type ApiKeysContextValue,
  ApiKeysCreate,
  ApiKeysRoot,
  type ApiKeysRootProps,
  ApiKeysSecret,
  ApiKeysTable,
  useApiKeysContext,
} from './api-keys/api-keys-parts.js';
export { AuditLog, type AuditLogProps } from './audit-log/audit-log.js';
export { type AuditLogContextValue, useAuditLogContext } from './audit-log/audit-log-context.js';
export {
  AuditLogExport,
  AuditLogFilters,
  AuditLogItem,
  AuditLogList,
  AuditLogRoot,
  type AuditLogRootProps,
} from './audit-log/audit-log-parts.js';
export { GroupsPanel, type GroupsPanelProps } from './groups-panel/groups-panel.js';
export {
  type GroupsPanelContextValue,
  GroupsPanelCreate,
  GroupsPanelDetail,
  GroupsPanelList,
  GroupsPanelRoot,
  type GroupsPanelRootProps,
  useGroupsPanelContext,
} from './groups-panel/groups-panel-parts.js';
// The provider, hooks, query options and shared types: everything in `@orgkit/react/hooks`.
export * from './hooks.js';
export { InviteDialog, type InviteDialogProps } from './invite-dialog/invite-dialog.js';
export { InviteDialogAddresses } from './invite-dialog/invite-dialog-addresses.js';
export {
  type InviteDialogContextValue,
  useInviteDialogContext,
} from './invite-dialog/invite-dialog-context.js';
export {
  InviteDialogContent,
  type InviteDialogContentProps,
  InviteDialogForm,
  InviteDialogResults,
  InviteDialogRoles,
  InviteDialogSubmit,
  InviteDialogTrigger,
  type InviteDialogTriggerProps,
} from './invite-dialog/invite-dialog-parts.js';
export { InviteDialogPending } from './invite-dialog/invite-dialog-pending.js';
export {
  InviteDialogRoot,
  type InviteDialogRootProps,
} from './invite-dialog/invite-dialog-root.js';
export { en } from './locale/en.js';
export { formatMessage, mergeLocale } from './locale/merge-locale.js';
export { useOrgkitLocale } from './locale/use-locale.js';
export { OrgSwitcher, type OrgSwitcherProps } from './org-switcher/org-switcher.js';
export {
  type OrgSwitcherContextValue,
  useOrgSwitcherContext,
} from './org-switcher/org-switcher-context.js';
export {
  OrgSwitcherCreateDialog,
  type OrgSwitcherCreateDialogProps,
} from './org-switcher/org-switcher-create-dialog.js';
export {
  buildOrgSwitcherEntries,
  filterOrgSwitcherEntries,
  type OrgSwitcherEntry,
} from './org-switcher/org-switcher-entries.js';
export {
  OrgSwitcherContent,
  type OrgSwitcherContentProps,
  OrgSwitcherItem,
  type OrgSwitcherItemProps,
  OrgSwitcherRoot,
  type OrgSwitcherRootProps,
  OrgSwitcherSearch,
  OrgSwitcherTrigger,
  type OrgSwitcherTriggerProps,
} from './org-switcher/org-switcher-parts.js';
export { OrgTree, type OrgTreeProps } from './org-tree/org-tree.js';
export {
  type OrgTreeContextValue,
  type OrgTreeDialogState,
  useOrgTreeContext,
} from './org-tree/org-tree-context.js';
export {
  OrgTreeCreateDialog,
  type OrgTreeDialogProps,
  OrgTreeMoveDialog,
} from './org-tree/org-tree-dialogs.js';
export type { OrgTreeRow } from './org-tree/org-tree-model.js';
export {
  OrgTreeItem,
  OrgTreeItemActions,
  type OrgTreeItemActionsProps,
  type OrgTreeItemProps,
  OrgTreeList,
  OrgTreeRoot,
  type OrgTreeRootProps,
  OrgTreeSearch,
  type OrgTreeSearchProps,
} from './org-tree/org-tree-parts.js';
export { PermissionGate, type PermissionGateProps } from './permission-gate/permission-gate.js';
export { ResourceAccess, type ResourceAccessProps } from './resource-access/resource-access.js';
export { ResourceAccessAdd } from './resource-access/resource-access-add.js';
export {
  type ResourceAccessAction,
  type ResourceAccessContextValue,
  useResourceAccessContext,
} from './resource-access/resource-access-context.js';
export {
  ResourceAccessContent,
  type ResourceAccessContentProps,
  ResourceAccessInherited,
  ResourceAccessItem,
  type ResourceAccessItemProps,
  ResourceAccessList,
  ResourceAccessPanel,
  ResourceAccessRecipients,
  ResourceAccessSave,
  ResourceAccessTrigger,
  type ResourceAccessTriggerProps,
} from './resource-access/resource-access-parts.js';
export {
  ResourceAccessRoot,
  type ResourceAccessRootProps,
} from './resource-access/resource-access-root.js';
export { RoleMatrix, type RoleMatrixProps, RoleMatrixToolbar } from './role-matrix/role-matrix.js';
export { RoleMatrixCell, type RoleMatrixCellProps } from './role-matrix/role-matrix-cell.js';
export {
  type RoleMatrixContextValue,
  useRoleMatrixContext,
} from './role-matrix/role-matrix-context.js';
export {
  RoleMatrixCreateDialog,
  type RoleMatrixCreateDialogProps,
} from './role-matrix/role-matrix-create-dialog.js';
export { RoleMatrixGrid } from './role-matrix/role-matrix-grid.js';
export type { RoleMatrixScope } from './role-matrix/role-matrix-model.js';
export { RoleMatrixRoleHeader } from './role-matrix/role-matrix-role-header.js';
export { RoleMatrixRoot, type RoleMatrixRootProps } from './role-matrix/role-matrix-root.js';
export { SignIn, type SignInProps } from './sign-in/sign-in.js';
export {
  type SignInContextValue,
  type SignInField,
  type SignInMode,
  type SignInResult,
  useSignInContext,
} from './sign-in/sign-in-context.js';
export {
  SignInEmail,
  SignInError,
  SignInForgotPassword,
  SignInForm,
  type SignInFormProps,
  SignInName,
  SignInPassword,
  SignInSignUpSwitch,
  SignInSubmit,
  SignInTitle,
  type SignInTitleProps,
} from './sign-in/sign-in-parts.js';
export { SignInRoot, type SignInRootProps } from './sign-in/sign-in-root.js';
export {
  OrgkitStatus,
  OrgkitStatusDescription,
  type OrgkitStatusProps,
  type OrgkitStatusState,
  OrgkitStatusTitle,
} from './status/orgkit-status.js';
export { TeamTable, type TeamTableProps } from './team-table/team-table.js';
export { type TeamTableColumn, teamTableColumns } from './team-table/team-table-columns.js';
export {
  type TeamTableActions,
  type TeamTableCapabilities,
  type TeamTableContextValue,
  useTeamTableContext,
} from './team-table/team-table-context.js';
export { TeamTableAnnouncer, TeamTablePagination } from './team-table/team-table-footer.js';
export {
  TeamTableGrid,
  type TeamTableGridProps,
  TeamTableHeader,
  TeamTableRow,
} from './team-table/team-table-grid.js';
export { TeamTableRoleCell } from './team-table/team-table-role-cell.js';
export { TeamTableRoot, type TeamTableRootProps } from './team-table/team-table-root.js';
export { TeamTableRowActions } from './team-table/team-table-row-actions.js';
export {
  TeamTableBulkActions,
  TeamTableRoleFilter,
  TeamTableSearch,
  type TeamTableSearchProps,
  TeamTableStatusFilter,
  TeamTableToolbar,
  type TeamTableToolbarProps,
} from './team-table/team-table-toolbar.js';
export type { TeamTableStateOptions } from './team-table/use-team-table-state.js';
