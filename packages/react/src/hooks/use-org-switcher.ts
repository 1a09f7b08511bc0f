import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ActiveOrgSource } from '../lib/resolve-active-org.js';
import type { MyOrganization, OrgkitSession } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import type { MyOrganizations } from '../queries/my-organizations-query-options.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';
import { useActiveOrgId } from './use-active-org-id.js';
import { useOrganizations } from './use-organizations.js';
import { useSession } from './use-session.js';

/** Result of {@link useOrgSwitcher}. */
export interface OrgSwitcherState {
  /** The caller's memberships (empty while loading). */
  readonly organizations: MyOrganization[];
  /**
   * The active membership, if one is active. Undefined too when the active org is one the caller
   * manages from above without being a member of it (a client org opened in `OrgTree`): see
   * `activeOrgId`.
   */
  readonly activeOrg: MyOrganization | undefined;
  readonly activeOrgId: string | null;
  readonly source: ActiveOrgSource;
  /**
   * True when the user belongs to several organizations and none is chosen yet: show the
   * "choose an organization" step.
   */
  readonly needsChoice: boolean;
  readonly status: 'pending' | 'error' | 'success';
  readonly error: OrgkitError | null;
  /** Makes `orgId` active: at once in this tab, then on the server session. */
  switchTo(orgId: string): Promise<void>;
  readonly isSwitching: boolean;
  /** Refetches the list. */
  refetch(): void;
}

/**
 * The org switcher's state: the caller's organizations, the active one and `switchTo`. The
 * choice is applied optimistically, saved to the server session and remembered on this device,
 * so the next sign-in starts in the same organization.
 *
 * @example
 * const { organizations, activeOrg, switchTo, needsChoice } = useOrgSwitcher();
 */
export function useOrgSwitcher(): OrgSwitcherState {
  const ctx = useOrgkitContext('useOrgSwitcher');
  const queryClient = useQueryClient();
  const session = useSession();
  const orgs = useOrganizations({ enabled: session.isSignedIn });
  const active = useActiveOrgId();
  const userId = session.user?.id;

  const mutation = useMutation<{ activeOrgId: string | null }, OrgkitError, string>({
    mutationFn: (orgId) =>
      unwrap(ctx.client.PUT('/v1/me/active-organization', { body: { orgId } })),
    onSuccess: ({ activeOrgId }) => {
      queryClient.setQueryData<MyOrganizations>(orgkitKeys.organizations.mine(), (data) =>
        data ? { ...data, activeOrgId } : data,
      );
      queryClient.setQueryData<OrgkitSession>(orgkitKeys.session(), (data) =>
        data ? { ...data, activeOrgId } : data,
      );
    },
  });

  const { selectOrg } = ctx;
  const previous = active.orgId;
  const mutateAsync = mutation.mutateAsync;
  const switchTo = useCallback(
    async (orgId: string) => {
      selectOrg(orgId, userId);
      try {
        await mutateAsync(orgId);
      } catch (error) {
        selectOrg(previous, undefined);
        throw error;
      }
    },
    [selectOrg, userId, mutateAsync, previous],
  );

  const organizations = orgs.organizations;
  const activeOrg = useMemo(
    () => organizations.find((m) => m.organization.id === active.orgId),
    [organizations, active.orgId],
  );
  const error = session.error ?? orgs.error ?? null;
  const status = error
    ? 'error'
    : session.isPending || (session.isSignedIn && orgs.isPending)
      ? 'pending'
      : 'success';
  const refetchOrgs = orgs.refetch;
  return {
    organizations,
    activeOrg,
    activeOrgId: active.orgId,
    source: active.source,
    needsChoice:
      status === 'success' &&
      active.source === 'none' &&
      organizations.filter((m) => m.status === 'active').length > 1,
    status,
    error,
    switchTo,
    isSwitching: mutation.isPending,
    refetch: () => void refetchOrgs(),
  };
}
