import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type { Organization, Page } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/organizations/{orgId}/children`: sub-orgs and managed client orgs, by name. */
export function orgChildrenQueryOptions(client: OrgkitClient, orgId: string) {
  return infiniteQueryOptions<
    Page<Organization>,
    OrgkitError,
    InfiniteData<Page<Organization>, string | undefined>,
    ReturnType<typeof orgkitKeys.organizations.children>,
    string | undefined
  >({
    queryKey: orgkitKeys.organizations.children(orgId),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/children', {
          params: { path: { orgId }, query: pageParam ? { cursor: pageParam } : {} },
          signal,
        }),
      ),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
