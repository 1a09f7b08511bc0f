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

/** Filters of the member list (`GET /v1/organizations/{orgId}/members`). */
export interface MemberFilters {
  readonly search?: string;
  readonly role?: string;
  readonly status?: Member['status'];
  readonly sort?: 'name' | 'email' | 'joinedAt';
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
