import type { OrgkitError } from '@orgkit/sdk';
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Group, GroupDetail, Page } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { groupQueryOptions, groupsQueryOptions } from '../queries/groups-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';

/** Result of {@link useGroups}. */
export type UseGroupsResult = UseInfiniteQueryResult<
  InfiniteData<Page<Group>, string | undefined>,
  OrgkitError
> & { readonly groups: Group[] };

/** The groups of an organization (default: the active one), by name. */
export function useGroups(
  orgId?: string | null,
  filters: { limit?: number } = {},
): UseGroupsResult {
  const { client } = useOrgkitContext('useGroups');
  const active = useActiveOrgId();
  const target = (orgId === undefined ? active.orgId : orgId) ?? '';
  const query = useInfiniteQuery({
    ...groupsQueryOptions(client, target, filters),
    enabled: target !== '',
  });
  const groups = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, groups };
}

/** One group with its members. */
export function useGroup(
  orgId: string | null | undefined,
  groupId: string | null | undefined,
): UseQueryResult<GroupDetail, OrgkitError> {
  const { client } = useOrgkitContext('useGroup');
  return useQuery({
    ...groupQueryOptions(client, orgId ?? '', groupId ?? ''),
    enabled: !!orgId && !!groupId,
  });
}
