import type { AuditEventFilters, InvitationFilters, MemberFilters } from '../lib/types.js';

/** Whose effective settings: the org's (empty), a group's or a member's. */
export interface SettingsTarget {
  readonly groupId?: string;
  readonly userId?: string;
}

/** What an explanation is asked about. */
export interface ExplainQuery {
  readonly permission: string;
  readonly userId?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
}

const all = ['orgkit'] as const;

/**
 * The one query-key factory of Orgkit. Keys nest `all → resource → scope → list(filters) /
 * detail(id)`, so invalidating a parent clears every child:
 * `invalidateQueries({ queryKey: orgkitKeys.members.org(orgId) })` refetches that org's lists
 * and member details.
 */
export const orgkitKeys = {
  all,
  /** `GET /v1/auth/session`. */
  session: () => [...all, 'session'] as const,
  organizations: {
    all: () => [...all, 'organizations'] as const,
    /** `GET /v1/me/organizations`: the caller's memberships. */
    mine: () => [...all, 'organizations', 'mine'] as const,
    details: () => [...all, 'organizations', 'detail'] as const,
    detail: (orgId: string) => [...all, 'organizations', 'detail', orgId] as const,
    /** Sub-organizations and managed client organizations. */
    children: (orgId: string) => [...all, 'organizations', 'children', orgId] as const,
    /** The nested tree below an org. */
    tree: (orgId: string, depth?: number) =>
      [...all, 'organizations', 'tree', orgId, depth ?? null] as const,
    /** The caller's orgs with what each manages. */
    forest: (depth?: number) => [...all, 'organizations', 'forest', depth ?? null] as const,
    /** Every top-level org (platform admins). */
    everything: () => [...all, 'organizations', 'everything'] as const,
  },
  permissions: {
    all: () => [...all, 'permissions'] as const,
    /** The caller's compiled permission set in one organization. */
    detail: (orgId: string) => [...all, 'permissions', orgId] as const,
  },
  access: {
    all: () => [...all, 'access'] as const,
    org: (orgId: string) => [...all, 'access', orgId] as const,
    /** One permission on one resource instance, answered by the server's batch check. */
    check: (orgId: string, permission: string, type: string, id: string) =>
      [...all, 'access', orgId, 'check', permission, type, id] as const,
    /** The resources of a type the caller may act on. */
    resources: (orgId: string, type: string, action: string) =>
      [...all, 'access', orgId, 'resources', type, action] as const,
    /** A resource instance; its grants and recipients nest below. */
    resource: (orgId: string, type: string, id: string) =>
      [...all, 'access', orgId, 'resource', type, id] as const,
    grants: (orgId: string, type: string, id: string) =>
      [...all, 'access', orgId, 'resource', type, id, 'grants'] as const,
    recipients: (orgId: string, type: string, id: string) =>
      [...all, 'access', orgId, 'resource', type, id, 'recipients'] as const,
    explain: (orgId: string, query: ExplainQuery) =>
      [...all, 'access', orgId, 'explain', query] as const,
  },
  /** `GET /v1/permissions`: the catalog with labels. */
  catalog: () => [...all, 'catalog'] as const,
  roles: {
    all: () => [...all, 'roles'] as const,
    org: (orgId: string) => [...all, 'roles', orgId] as const,
    list: (orgId: string) => [...all, 'roles', orgId, 'list'] as const,
    detail: (orgId: string, key: string) => [...all, 'roles', orgId, 'detail', key] as const,
  },
  groups: {
    all: () => [...all, 'groups'] as const,
    org: (orgId: string) => [...all, 'groups', orgId] as const,
    lists: (orgId: string) => [...all, 'groups', orgId, 'list'] as const,
    list: (orgId: string, filters: { limit?: number } = {}) =>
      [...all, 'groups', orgId, 'list', filters] as const,
    detail: (orgId: string, groupId: string) =>
      [...all, 'groups', orgId, 'detail', groupId] as const,
  },
  apiKeys: {
    all: () => [...all, 'api-keys'] as const,
    /** The caller's own keys. */
    mine: () => [...all, 'api-keys', 'mine'] as const,
    /** Keys usable in an org (`api_keys:manage`). */
    org: (orgId: string) => [...all, 'api-keys', 'org', orgId] as const,
  },
  settings: {
    all: () => [...all, 'settings'] as const,
    org: (orgId: string) => [...all, 'settings', orgId] as const,
    /** Effective settings at the org, or for one group or member of it. */
    list: (orgId: string, target: SettingsTarget = {}) =>
      [...all, 'settings', orgId, 'list', target] as const,
    /** The caller's own effective settings in an org. */
    mine: (orgId: string) => [...all, 'settings', orgId, 'mine'] as const,
    platform: () => [...all, 'settings', 'platform'] as const,
  },
  members: {
    all: () => [...all, 'members'] as const,
    org: (orgId: string) => [...all, 'members', orgId] as const,
    lists: (orgId: string) => [...all, 'members', orgId, 'list'] as const,
    list: (orgId: string, filters: MemberFilters = {}) =>
      [...all, 'members', orgId, 'list', filters] as const,
    details: (orgId: string) => [...all, 'members', orgId, 'detail'] as const,
    detail: (orgId: string, userId: string) =>
      [...all, 'members', orgId, 'detail', userId] as const,
  },
  invitations: {
    all: () => [...all, 'invitations'] as const,
    org: (orgId: string) => [...all, 'invitations', orgId] as const,
    lists: (orgId: string) => [...all, 'invitations', orgId, 'list'] as const,
    list: (orgId: string, filters: InvitationFilters = {}) =>
      [...all, 'invitations', orgId, 'list', filters] as const,
  },
  auditEvents: {
    all: () => [...all, 'audit-events'] as const,
    org: (orgId: string) => [...all, 'audit-events', 'org', orgId] as const,
    orgList: (orgId: string, filters: AuditEventFilters = {}) =>
      [...all, 'audit-events', 'org', orgId, filters] as const,
    user: (userId: string) => [...all, 'audit-events', 'user', userId] as const,
    userList: (userId: string, filters: AuditEventFilters = {}) =>
      [...all, 'audit-events', 'user', userId, filters] as const,
  },
} as const;
