import { useMemo } from 'react';
import { type ActiveOrgSource, resolveActiveOrgId } from '../lib/resolve-active-org.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { useOrganizations } from './use-organizations.js';
import { useSession } from './use-session.js';

/** Result of {@link useActiveOrgId}. */
export interface ActiveOrgId {
  /** The active organization, or null when none is (yet) chosen. */
  readonly orgId: string | null;
  /** Why this one: the host's prop, the user's choice, the session, the device, the only org. */
  readonly source: ActiveOrgSource;
}

/**
 * The active organization's id, resolved as {@link resolveActiveOrgId} describes. Hooks that
 * take an optional `orgId` default to it.
 */
export function useActiveOrgId(): ActiveOrgId {
  const ctx = useOrgkitContext('useActiveOrgId');
  const controlled = ctx.orgId !== undefined;
  const session = useSession();
  const signedIn = session.user !== null;
  const orgs = useOrganizations({ enabled: !controlled && signedIn });
  const orgIds = useMemo(
    () =>
      orgs.data?.items.filter((m) => m.status === 'active').map((m) => m.organization.id) ??
      (session.isSuccess && !signedIn ? [] : undefined),
    [orgs.data, session.isSuccess, signedIn],
  );
  return resolveActiveOrgId({
    controlled: ctx.orgId,
    selected: ctx.selectedOrgId,
    sessionOrgId: orgs.data?.activeOrgId ?? session.data?.activeOrgId,
    remembered: ctx.rememberedOrg,
    userId: session.user?.id,
    orgIds,
  });
}
