import type { OrgkitError } from '@orgkit/sdk';
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Organization, Page } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgChildrenQueryOptions } from '../queries/org-children-query-options.js';

/** Result of {@link useOrgChildren}. */
export type UseOrgChildrenResult = UseInfiniteQueryResult<
  InfiniteData<Page<Organization>, string | undefined>,
  OrgkitError
> & {
  /** The loaded children, by name. */
  readonly children: Organization[];
};

/**
 * One level of the organization tree, paged: the sub-organizations and managed client
 * organizations of `orgId` by name (`managed_orgs:read`). For the whole tree at once use
 * {@link useOrgTree}.
 */
export function useOrgChildren(orgId: string | null | undefined): UseOrgChildrenResult {
  const { client } = useOrgkitContext('useOrgChildren');
  const query = useInfiniteQuery({
    ...orgChildrenQueryOptions(client, orgId ?? ''),
    enabled: !!orgId,
  });
  const children = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, children };
}
