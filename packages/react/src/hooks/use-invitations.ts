import type { OrgkitError } from '@orgkit/sdk';
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Invitation, InvitationFilters, Page } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { invitationsQueryOptions } from '../queries/invitations-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';

/** Result of {@link useInvitations}. */
export type UseInvitationsResult = UseInfiniteQueryResult<
  InfiniteData<Page<Invitation>, string | undefined>,
  OrgkitError
> & {
  /** Every loaded invitation, newest first. */
  readonly invitations: Invitation[];
};

/** Invitations of an organization (default: the active one), newest first. */
export function useInvitations(
  orgId?: string | null,
  filters: InvitationFilters = {},
): UseInvitationsResult {
  const { client } = useOrgkitContext('useInvitations');
  const active = useActiveOrgId();
  const target = (orgId === undefined ? active.orgId : orgId) ?? '';
  const query = useInfiniteQuery({
    ...invitationsQueryOptions(client, target, filters),
    enabled: target !== '',
  });
  const invitations = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, invitations };
}
