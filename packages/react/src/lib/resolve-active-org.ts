import type { RememberedOrg } from '../provider/orgkit-context.js';

/** Where the active organization came from. */
export type ActiveOrgSource =
  | 'controlled'
  | 'selected'
  | 'session'
  | 'remembered'
  | 'only'
  | 'none'
  | 'pending';

/** Inputs of {@link resolveActiveOrgId}. */
export interface ActiveOrgInput {
  /** The host's controlled value (`undefined` when uncontrolled). */
  readonly controlled: string | null | undefined;
  /** The choice made in this provider. */
  readonly selected: string | null | undefined;
  /** The session's active organization on the server. */
  readonly sessionOrgId: string | null | undefined;
  readonly remembered: RememberedOrg | undefined;
  readonly userId: string | undefined;
  /** Organizations the user may switch to; `undefined` while they load. */
  readonly orgIds: readonly string[] | undefined;
  /**
   * Organizations the user reaches by managing one above it (a partner's client orgs, opened
   * from `OrgTree`) without being a member: usable too.
   */
  readonly managedIds?: readonly string[] | undefined;
}

/**
 * Which organization is active: the host's controlled value, else the user's choice in this
 * tab, the session's, the one remembered on this device for this user, or the only one they
 * belong to. A user in several organizations with none of these must choose. A
 * choice must be one of the user's organizations or one they manage from above.
 */
export function resolveActiveOrgId(input: ActiveOrgInput): {
  readonly orgId: string | null;
  readonly source: ActiveOrgSource;
} {
  if (input.controlled !== undefined) return { orgId: input.controlled, source: 'controlled' };
  const ids = input.orgIds;
  if (!ids) return { orgId: input.selected ?? null, source: 'pending' };
  const usable = (id: string | null | undefined): id is string =>
    !!id && (ids.includes(id) || !!input.managedIds?.includes(id));
  if (input.selected === null) return { orgId: null, source: 'selected' };
  if (usable(input.selected)) return { orgId: input.selected, source: 'selected' };
  if (usable(input.sessionOrgId)) return { orgId: input.sessionOrgId, source: 'session' };
  const remembered = input.remembered;
  if (remembered && remembered.userId === input.userId && usable(remembered.orgId)) {
    return { orgId: remembered.orgId, source: 'remembered' };
  }
  if (ids.length === 1) return { orgId: ids[0]!, source: 'only' };
  return { orgId: null, source: 'none' };
}
