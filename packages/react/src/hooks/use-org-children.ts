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

/** Result of {@link useOrgTree}. */
export type UseOrgTreeResult = UseInfiniteQueryResult<
  InfiniteData<Page<Organization>, string | undefined>,
  OrgkitError
> & {
  /** The loaded children, by name. */
  readonly children: Organization[];
};

/**
 * One level of the organization tree: the sub-organizations and managed client organizations
 * of `orgId` (`managed_orgs:read`). Call it again per expanded node to walk deeper.
 */
export function useOrgTree(orgId: string | null | undefined): UseOrgTreeResult {
  const { client } = useOrgkitContext('useOrgTree');
  const query = useInfiniteQuery({
    ...orgChildrenQueryOptions(client, orgId ?? ''),
    enabled: !!orgId,
  });
  const children = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, children };
}
