import type { Schemas } from '@orgkit/sdk';

/** A user as the API shows it. */
export type OrgkitUser = Schemas['User'];
/**
 * `GET /v1/auth/session`: the signed-in user (null when signed out) and the session's org.
 * Declared here because the generated type of the nullable `user` reference is not nullable.
 */
export interface OrgkitSession {
  readonly user: OrgkitUser | null;
  readonly method: Schemas['SessionInfo']['method'];
  readonly expiresAt: string | null;
  readonly activeOrgId: string | null;
  /** Whether the caller may create a top-level organization (the server's policy). */
  readonly canCreateOrganizations: boolean;
}
/** An organization. */
export type Organization = Schemas['Organization'];
/** One of the caller's memberships: the organization, the caller's roles there and status. */
export type MyOrganization = Schemas['MyOrganization'];
/** A member of an organization. */
export type Member = Schemas['Member'];
/** An invitation to an organization. */
export type Invitation = Schemas['Invitation'];
/** The per-address outcome of a bulk invitation. */
export type InviteResult = Schemas['InviteResult'];
/** An audit log entry. */
export type AuditEvent = Schemas['AuditEvent'];
/** `GET /v1/me/permissions`: the caller's compiled permission set in one organization. */
export type MyPermissions = Schemas['MyPermissions'];

/** An organization with the organizations below it (a partner's view). */
export interface OrganizationTreeNode extends Organization {
  /** 0 for the root of the tree, 1 for its children… */
  readonly depth: number;
  readonly children: OrganizationTreeNode[];
}

/** `GET /v1/organizations/{orgId}/tree`. */
export interface OrganizationTree {
  readonly root: OrganizationTreeNode;
  /** True when the tree holds more orgs than one answer carries (ask for a subtree). */
  readonly truncated: boolean;
  readonly count: number;
}

/** `GET /v1/me/organization-tree`: one tree per organization of the caller. */
export interface OrganizationForest {
  readonly roots: OrganizationTreeNode[];
  readonly truncated: boolean;
}

/** A grant on a resource, possibly inherited from an ancestor resource. */
export type Grant = Schemas['Grant'];
/** A grant as written by the share dialog: actions, or a role. */
export type GrantInput = Schemas['GrantInput'];
/** Who a grant names: a user, a group, or an e-mail address (notified only). */
export type GrantPrincipal = Schemas['Principal'];
/** A registered ACL-controlled resource instance. */
export type AclResource = Schemas['Resource'];
/** Who is notified about a resource. */
export type NotificationRecipients = Schemas['NotificationRecipients'];
/** Why a permission is or is not held. */
export type Explanation = Schemas['Explanation'];

/** A role: its declaration (presets read-only, custom editable) and what it resolves to. */
export type Role = Schemas['Role'];
/** One entry of a role's permission list: a pattern, or a conditional grant (⭐). */
export type GrantEntry = Schemas['GrantEntry'];
/** The permission catalog with labels: module → section → resource → action. */
export type PermissionCatalog = Schemas['PermissionCatalog'];
/** A group of an organization. */
export type Group = Schemas['Group'];
/** A group with its members. */
export type GroupDetail = Schemas['GroupDetail'];
/** An API key as listed (never its secret). */
export type ApiKey = Schemas['ApiKey'];
/** An API key usable in an organization, with its owner. */
export type OrgApiKey = Schemas['OrgApiKey'];
/** A new API key: `secret` is shown once. */
export type CreatedApiKey = Schemas['CreatedApiKey'];
/** A level of the settings waterfall. */
export type SettingLevel = Schemas['SettingLevel'];
/**
 * A setting's effective value, its source level, lock and the override stored where asked.
 * (`lockedBy` re-declared: the generated type of a nullable reference is not nullable.)
 */
export type EffectiveSetting = Omit<Schemas['EffectiveSetting'], 'lockedBy'> & {
  readonly lockedBy: SettingLevel | null;
};
/** Effective settings at one level. */
export interface SettingList {
  readonly level: SettingLevel;
  readonly items: EffectiveSetting[];
}
/** A setting value. */
export type SettingValue = Schemas['SettingValue'];

/** Filters of the member list (`GET /v1/organizations/{orgId}/members`). */
export interface MemberFilters {
  readonly search?: string;
  readonly role?: string;
  readonly status?: Member['status'];
  /** `lastActive`: members never active count as least recent. */
  readonly sort?: 'name' | 'email' | 'joinedAt' | 'lastActive';
  readonly order?: 'asc' | 'desc';
  /** Page size, 1–200 (server default 50). */
  readonly limit?: number;
}

/** Filters of the invitation list. */
export interface InvitationFilters {
  readonly status?: Invitation['status'];
  readonly limit?: number;
}

/** Filters of an audit log. */
export interface AuditEventFilters {
  /** `member` matches every `member.*` action; `member.removed` only that one. */
  readonly action?: string;
  readonly actorId?: string;
  readonly targetType?: string;
  readonly targetId?: string;
  /** ISO date-time bounds. */
  readonly since?: string;
  readonly until?: string;
  readonly limit?: number;
}

/** A page of a cursor-paginated list. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Recursively optional, for overriding parts of an object (locales). */
export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends string ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
