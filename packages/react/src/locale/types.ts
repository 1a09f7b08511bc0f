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
  };
  readonly permissionGate: {
    /** Default fallback of `PermissionGate` when the viewer lacks the permission. */
    readonly denied: string;
    readonly checking: string;
  };
  readonly orgSwitcher: {
    readonly label: string;
    readonly placeholder: string;
    readonly searchLabel: string;
    readonly searchPlaceholder: string;
    readonly noResults: string;
    readonly empty: string;
    readonly loadError: string;
    /** Heading when a user in several orgs must choose one (seed 004). */
    readonly chooseTitle: string;
    readonly current: string;
    readonly createOrganization: string;
    readonly kinds: {
      readonly partner: string;
      readonly client: string;
      readonly standard: string;
    };
  };
  readonly roles: Readonly<Record<string, string>>;
}
