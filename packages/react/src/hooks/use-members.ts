import type { OrgkitError } from '@orgkit/sdk';
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Member, MemberFilters, Page } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { membersQueryOptions } from '../queries/members-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';

/** Result of {@link useMembers}. */
export type UseMembersResult = UseInfiniteQueryResult<
  InfiniteData<Page<Member>, string | undefined>,
  OrgkitError
> & {
  /** Every loaded member, page after page. */
  readonly members: Member[];
};

/**
 * The members of an organization (default: the active one) with search, role and status
 * filters and sort; `fetchNextPage()` loads the next cursor page.
 */
export function useMembers(orgId?: string | null, filters: MemberFilters = {}): UseMembersResult {
  const { client } = useOrgkitContext('useMembers');
  const active = useActiveOrgId();
  const target = (orgId === undefined ? active.orgId : orgId) ?? '';
  const query = useInfiniteQuery({
    ...membersQueryOptions(client, target, filters),
    enabled: target !== '',
  });
  const members = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, members };
}
