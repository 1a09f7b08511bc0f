import { type OrgkitError, unwrap } from '@orgkit/sdk';
import {
  type InfiniteData,
  infiniteQueryOptions,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Organization, Page } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** Result of {@link useAllOrganizations}. */
export type UseAllOrganizationsResult = UseInfiniteQueryResult<
  InfiniteData<Page<Organization>, string | undefined>,
  OrgkitError
> & { readonly organizations: Organization[] };

/** Every top-level organization, by name, paged (platform admins; others get a 403). */
export function useAllOrganizations(
  options: { enabled?: boolean } = {},
): UseAllOrganizationsResult {
  const { client } = useOrgkitContext('useAllOrganizations');
  const query = useInfiniteQuery({
    ...infiniteQueryOptions<
      Page<Organization>,
      OrgkitError,
      InfiniteData<Page<Organization>, string | undefined>,
      ReturnType<typeof orgkitKeys.organizations.everything>,
      string | undefined
    >({
      queryKey: orgkitKeys.organizations.everything(),
      queryFn: ({ pageParam, signal }) =>
        unwrap(
          client.GET('/v1/organizations', {
            params: { query: { scope: 'all', ...(pageParam ? { cursor: pageParam } : {}) } },
            signal,
          }),
        ),
      initialPageParam: undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
    enabled: options.enabled,
  });
  const organizations = useMemo(
    () => query.data?.pages.flatMap((p) => p.items) ?? [],
    [query.data],
  );
  return { ...query, organizations };
}
