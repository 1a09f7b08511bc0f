/** A user of a mock scenario. */
export interface MockUserSeed {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  /** Accepted by the mock's sign-in. Default `password123`. */
  readonly password?: string;
  readonly status?: 'invited' | 'active' | 'disabled';
  readonly platformAdmin?: boolean;
  readonly createdAt?: string;
  /** When the user was last active (ISO); default null, never. Signing in and requests move it. */
  readonly lastActiveAt?: string | null;
}

/** An organization of a mock scenario. */
export interface MockOrganizationSeed {
  readonly id: string;
  readonly name: string;
  readonly slug?: string;
  readonly parentId?: string | null;
  readonly kind?: 'partner' | 'client' | 'standard';
  readonly createdAt?: string;
}

/** A membership: the user, the organization, the roles held directly. */
export interface MockMembershipSeed {
  readonly orgId: string;
  readonly userId: string;
  readonly roles: readonly string[];
  readonly status?: 'active' | 'disabled';
  readonly joinedAt?: string;
}

/** An invitation of a mock scenario. */
export interface MockInvitationSeed {
  readonly id?: string;
  readonly orgId: string;
  readonly email: string;
  readonly roles?: readonly string[];
  readonly inviterId?: string | null;
  readonly status?: 'pending' | 'accepted' | 'revoked';
  readonly expiresAt?: string;
  readonly createdAt?: string;
  /** The secret of the invitation link, for `/v1/invitations/lookup` and `accept`. */
  readonly token?: string;
}

/** An audit event of a mock scenario. */
export interface MockAuditEventSeed {
  readonly id?: string;
  readonly orgId: string | null;
  readonly actorId: string | null;
  readonly action: string;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly description: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly createdAt?: string;
}

/** A group of an organization: its roles apply to its members. */
export interface MockGroupSeed {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly description?: string | null;
  readonly roles?: readonly string[];
  readonly memberIds: readonly string[];
}

/** An ACL-controlled resource instance (a directory, a monitor…). */
export interface MockResourceSeed {
  readonly orgId: string;
  readonly type: string;
  readonly id: string;
  readonly parentId?: string | null;
}

/** A grant on a resource: actions, or a role whose actions on the type apply. */
export interface MockGrantSeed {
  readonly orgId: string;
  readonly type: string;
  readonly resourceId: string;
  readonly principal:
    | { readonly kind: 'user'; readonly id: string }
    | { readonly kind: 'group'; readonly id: string }
    | { readonly kind: 'email'; readonly email: string };
  readonly actions?: readonly string[];
  readonly role?: string;
}

/**
 * Everything the mock API starts from: plain data, so a story or test states its world in a
 * few lines. Ids are yours; the mock makes new ones for what is created later.
 */
export interface OrgkitMockScenario {
  readonly users: readonly MockUserSeed[];
  readonly organizations: readonly MockOrganizationSeed[];
  readonly memberships: readonly MockMembershipSeed[];
  readonly invitations?: readonly MockInvitationSeed[];
  readonly auditEvents?: readonly MockAuditEventSeed[];
  readonly groups?: readonly MockGroupSeed[];
  readonly resources?: readonly MockResourceSeed[];
  readonly grants?: readonly MockGrantSeed[];
  /**
   * Who requests without a session cookie act as (the browser of a story, a host's test).
   * Default: nobody (signed out).
   */
  readonly signedInAs?: string | null;
  /** The ambient session's active organization. */
  readonly activeOrgId?: string | null;
  /** Platform policy: one organization per user, or many (with an org switcher). */
  readonly membership?: 'single' | 'multiple';
  /** May any user create a top-level organization? */
  readonly selfServe?: boolean;
}
