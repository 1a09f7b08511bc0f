/**
 * Every visible string of Orgkit's components. Placeholders in braces (`{name}`) are filled by
 * {@link formatMessage}. Override any part through `OrgkitProvider`'s `locale` prop.
 */
export interface OrgkitLocale {
  /** BCP 47 tag, used for dates and sorting. */
  readonly code: string;
  readonly common: {
    readonly loading: string;
    readonly retry: string;
    readonly errorTitle: string;
    /** Shown when an error carries no message. */
    readonly unknownError: string;
    readonly forbiddenTitle: string;
    readonly forbidden: string;
    readonly signedOut: string;
    readonly cancel: string;
    readonly confirm: string;
  };
  readonly permissionGate: {
    /** Default fallback of `PermissionGate` when the viewer lacks the permission. */
    readonly denied: string;
    readonly checking: string;
  };
  readonly signIn: {
    readonly title: string;
    readonly signUpTitle: string;
    readonly email: string;
    readonly password: string;
    readonly name: string;
    /** Under the password of a new account. */
    readonly newPasswordHint: string;
    readonly submit: string;
    readonly submitting: string;
    readonly signUpSubmit: string;
    readonly signingUp: string;
    readonly emailRequired: string;
    readonly emailInvalid: string;
    readonly passwordRequired: string;
    readonly passwordTooShort: string;
    readonly nameRequired: string;
    readonly invalidCredentials: string;
    readonly accountDisabled: string;
    readonly emailTaken: string;
    readonly rateLimited: string;
    readonly unavailable: string;
    /** `{message}` */
    readonly failed: string;
    readonly forgotPassword: string;
    readonly forgotTitle: string;
    readonly forgotDescription: string;
    readonly sendResetLink: string;
    readonly sendingResetLink: string;
    /** The same whether or not the address has an account. `{email}` */
    readonly resetSent: string;
    readonly backToSignIn: string;
    readonly noAccount: string;
    readonly createAccount: string;
    readonly haveAccount: string;
  };
  readonly acceptInvitation: {
    readonly checking: string;
    /** `{org}` */
    readonly title: string;
    /** `{inviter}`, `{org}` */
    readonly invitedBy: string;
    /** `{org}` */
    readonly invited: string;
    readonly email: string;
    readonly roles: string;
    readonly noRoles: string;
    readonly expires: string;
    readonly invalidTitle: string;
    readonly invalid: string;
    readonly expiredTitle: string;
    readonly expired: string;
    readonly revokedTitle: string;
    readonly revoked: string;
    readonly usedTitle: string;
    readonly used: string;
    readonly loadError: string;
    /** `{email}` */
    readonly signedInAs: string;
    /** `{email}`, `{current}` */
    readonly mismatch: string;
    readonly signOut: string;
    readonly signingOut: string;
    /** `{email}` */
    readonly existingAccount: string;
    readonly password: string;
    readonly newAccount: string;
    readonly name: string;
    readonly newPassword: string;
    readonly newPasswordHint: string;
    /** `{org}` */
    readonly join: string;
    /** `{org}` */
    readonly signInAndJoin: string;
    /** `{org}` */
    readonly createAndJoin: string;
    readonly joining: string;
    /** `{org}` */
    readonly accepted: string;
    readonly passwordRequired: string;
    readonly passwordTooShort: string;
    readonly nameRequired: string;
    readonly wrongPassword: string;
    /** `{org}` */
    readonly alreadyMember: string;
    readonly inviterLostPermission: string;
    readonly membershipLimit: string;
    readonly accountDisabled: string;
    /** `{message}` */
    readonly failed: string;
  };
  readonly orgSwitcher: {
    readonly label: string;
    readonly placeholder: string;
    readonly searchLabel: string;
    readonly searchPlaceholder: string;
    readonly noResults: string;
    readonly empty: string;
    readonly loadError: string;
    /** Heading when a user in several orgs must choose one. */
    readonly chooseTitle: string;
    readonly current: string;
    readonly createOrganization: string;
    /** Meta of an organization managed from above; `{parent}` is the org it sits under. */
    readonly managedUnder: string;
    readonly createTitle: string;
    readonly createDescription: string;
    readonly nameLabel: string;
    readonly create: string;
    readonly creating: string;
    readonly createFailed: string;
    readonly kinds: {
      readonly partner: string;
      readonly client: string;
      readonly standard: string;
    };
  };
  /** `OrgTree`: the partner view of the organization hierarchy. */
  readonly orgTree: {
    readonly label: string;
    readonly searchLabel: string;
    readonly searchPlaceholder: string;
    /** `{query}` */
    readonly noResults: string;
    readonly empty: string;
    readonly loadError: string;
    readonly forbidden: string;
    /** Shown when the server cut the tree short. */
    readonly truncated: string;
    /** Marks the active organization. */
    readonly current: string;
    /** `{count}`: how many organizations sit directly below. */
    readonly childCount: string;
    /** `{name}`: the open button's accessible name and tooltip (it shows an arrow). */
    readonly openLabel: string;
    /** `{name}` */
    readonly opened: string;
    /** `{name}` */
    readonly actions: string;
    readonly createChild: string;
    /** `{name}` */
    readonly createTitle: string;
    readonly createDescription: string;
    readonly name: string;
    readonly create: string;
    readonly creating: string;
    /** `{name}` */
    readonly created: string;
    readonly move: string;
    /** `{name}` */
    readonly moveTitle: string;
    readonly moveDescription: string;
    readonly moveTarget: string;
    readonly moveAction: string;
    readonly moving: string;
    /** `{name}`, `{parent}` */
    readonly moved: string;
    readonly cancel: string;
    /** Why an action is not available. */
    readonly reasons: {
      /** `{permission}` */
      readonly permission: string;
      readonly noTarget: string;
    };
    /** `{message}` */
    readonly failed: string;
  };
  /** `ResourceAccess`: the share dialog of one resource. */
  readonly resourceAccess: {
    readonly trigger: string;
    /** `{name}` */
    readonly title: string;
    readonly description: string;
    readonly addLabel: string;
    readonly addPlaceholder: string;
    readonly addHint: string;
    readonly suggestions: string;
    readonly searching: string;
    readonly noMatches: string;
    /** `{email}` */
    readonly addEmail: string;
    /** `{name}` */
    readonly added: string;
    readonly kinds: {
      readonly user: string;
      readonly group: string;
      readonly email: string;
    };
    /** `{count}` */
    readonly groupMembers: string;
    readonly listLabel: string;
    readonly none: string;
    /** `{name}`: the group of action checkboxes of one principal. */
    readonly accessOf: string;
    /** `{role}` */
    readonly viaRole: string;
    /** `{name}` */
    readonly remove: string;
    readonly notifyOnly: string;
    readonly needsAction: string;
    readonly inheritedLabel: string;
    /** `{type}`, `{id}` */
    readonly inheritedFrom: string;
    readonly inheritedHint: string;
    readonly recipientsLabel: string;
    readonly recipientsHint: string;
    readonly noRecipients: string;
    readonly save: string;
    readonly saving: string;
    readonly saved: string;
    readonly discard: string;
    readonly unsaved: string;
    readonly close: string;
    readonly readOnly: string;
    readonly loadError: string;
    readonly forbidden: string;
    readonly notFound: string;
    /** `{message}` */
    readonly failed: string;
  };
  readonly teamTable: {
    readonly label: string;
    readonly searchLabel: string;
    readonly searchPlaceholder: string;
    readonly roleFilter: string;
    readonly statusFilter: string;
    readonly allRoles: string;
    readonly allStatuses: string;
    readonly columns: {
      readonly name: string;
      readonly email: string;
      readonly roles: string;
      readonly groups: string;
      readonly status: string;
      readonly joined: string;
      readonly lastActive: string;
      readonly actions: string;
    };
    /** "Last active" of a member who never signed in. */
    readonly never: string;
    readonly status: {
      readonly invited: string;
      readonly active: string;
      readonly disabled: string;
    };
    readonly selectAll: string;
    /** `{name}` */
    readonly selectRow: string;
    readonly noRoles: string;
    readonly you: string;
    /** `{name}` */
    readonly changeRoles: string;
    /** `{name}` */
    readonly rowActions: string;
    readonly disable: string;
    readonly enable: string;
    readonly remove: string;
    readonly resetPassword: string;
    readonly transferOwnership: string;
    readonly empty: string;
    readonly noResults: string;
    readonly loadError: string;
    readonly forbidden: string;
    /** `{count}` */
    readonly loaded: string;
    readonly loadMore: string;
    readonly allLoaded: string;
    /** `{count}` */
    readonly selected: string;
    readonly clearSelection: string;
    readonly bulkActions: string;
    /** `{name}` */
    readonly confirmRemoveTitle: string;
    /** `{name}` */
    readonly confirmRemove: string;
    /** `{count}` */
    readonly confirmBulkRemoveTitle: string;
    readonly confirmBulkRemove: string;
    /** `{name}` */
    readonly confirmTransferTitle: string;
    readonly confirmTransfer: string;
    /** Why an action is not available. */
    readonly reasons: {
      readonly ownerProtected: string;
      readonly ownerRole: string;
      readonly notGrantable: string;
      /** `{permission}` */
      readonly permission: string;
      readonly self: string;
      readonly onlyOwner: string;
      readonly notActive: string;
    };
    readonly done: {
      /** `{name}` */
      readonly removed: string;
      readonly disabled: string;
      readonly enabled: string;
      readonly rolesUpdated: string;
      readonly transferred: string;
      /** `{email}` */
      readonly resetSent: string;
      /** `{done}`, `{count}` */
      readonly bulk: string;
    };
    /** `{message}` */
    readonly failed: string;
  };
  readonly inviteDialog: {
    readonly trigger: string;
    readonly title: string;
    readonly description: string;
    readonly addressesLabel: string;
    readonly addressesHint: string;
    readonly addressesPlaceholder: string;
    /** `{email}` */
    readonly removeAddress: string;
    /** `{email}` */
    readonly invalidAddress: string;
    /** `{count}` */
    readonly invalidCount: string;
    readonly rolesLabel: string;
    readonly noGrantableRoles: string;
    /** `{count}` */
    readonly send: string;
    readonly sending: string;
    readonly close: string;
    readonly resultsTitle: string;
    readonly results: {
      readonly invited: string;
      readonly already_member: string;
      readonly domain_not_allowed: string;
      readonly invalid: string;
    };
    readonly inviteMore: string;
    readonly pendingTitle: string;
    readonly pendingEmpty: string;
    readonly pendingError: string;
    /** `{date}` */
    readonly expires: string;
    readonly resend: string;
    readonly revoke: string;
    /** `{email}` */
    readonly resent: string;
    /** `{email}` */
    readonly revoked: string;
    readonly forbidden: string;
    /** `{message}` */
    readonly failed: string;
  };
  readonly roleMatrix: {
    readonly label: string;
    readonly permission: string;
    readonly preset: string;
    readonly custom: string;
    readonly exclusive: string;
    /** `{module}` */
    readonly exclusiveHint: string;
    /** `{permission}`, `{role}` */
    readonly cell: string;
    readonly granted: string;
    readonly notGranted: string;
    /** `{requires}` */
    readonly conditional: string;
    readonly readOnly: string;
    readonly createRole: string;
    readonly duplicate: string;
    readonly deleteRole: string;
    /** `{role}` */
    readonly copyOf: string;
    readonly roleName: string;
    readonly roleKey: string;
    readonly create: string;
    readonly cancel: string;
    /** `{role}` */
    readonly confirmDeleteTitle: string;
    /** `{count}` */
    readonly confirmDelete: string;
    /** `{role}` */
    readonly roleActions: string;
    readonly empty: string;
    readonly loadError: string;
    readonly forbidden: string;
    /** `{message}` */
    readonly failed: string;
    readonly saved: string;
  };
  readonly auditLog: {
    readonly label: string;
    readonly filters: string;
    readonly actionFilter: string;
    readonly actionPlaceholder: string;
    readonly since: string;
    readonly until: string;
    readonly exportCsv: string;
    readonly exportNdjson: string;
    readonly exporting: string;
    readonly loadMore: string;
    readonly allLoaded: string;
    readonly empty: string;
    readonly noResults: string;
    readonly loadError: string;
    readonly forbidden: string;
    /** Actor of an event done through an API key; `{name}` is the key's owner. */
    readonly viaApiKey: string;
    readonly actors: {
      readonly system: string;
      readonly api_key: string;
      readonly unknown: string;
    };
  };
  readonly apiKeys: {
    readonly label: string;
    readonly createTitle: string;
    readonly name: string;
    readonly namePlaceholder: string;
    readonly restrictToOrg: string;
    readonly create: string;
    readonly creating: string;
    readonly secretTitle: string;
    readonly secretHint: string;
    readonly copy: string;
    readonly copied: string;
    readonly dismiss: string;
    readonly columns: {
      readonly name: string;
      readonly key: string;
      readonly status: string;
      readonly created: string;
      readonly lastUsed: string;
      readonly expires: string;
      readonly actions: string;
    };
    readonly never: string;
    readonly status: {
      readonly active: string;
      readonly expired: string;
      readonly revoked: string;
    };
    /** `{name}` */
    readonly revoke: string;
    /** `{name}` */
    readonly confirmRevokeTitle: string;
    readonly confirmRevoke: string;
    readonly revokeAction: string;
    readonly empty: string;
    readonly loadError: string;
    readonly createForbidden: string;
    /** `{message}` */
    readonly failed: string;
  };
  readonly groupsPanel: {
    readonly label: string;
    readonly createTitle: string;
    readonly name: string;
    readonly create: string;
    /** `{count}` */
    readonly memberCount: string;
    readonly members: string;
    readonly noMembers: string;
    readonly roles: string;
    readonly addMember: string;
    readonly add: string;
    /** `{name}` */
    readonly removeMember: string;
    readonly remove: string;
    readonly deleteGroup: string;
    /** `{name}` */
    readonly confirmDeleteTitle: string;
    readonly confirmDelete: string;
    readonly select: string;
    readonly empty: string;
    readonly loadError: string;
    readonly forbidden: string;
    /** `{message}` */
    readonly failed: string;
    readonly saved: string;
  };
  readonly roles: Readonly<Record<string, string>>;
}
