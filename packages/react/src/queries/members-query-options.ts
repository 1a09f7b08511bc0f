import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type { Member, MemberFilters, Page } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/**
 * `GET /v1/organizations/{orgId}/members` as an infinite query: each page follows the previous
 * one's cursor (needs `members:read`).
 */
export function membersQueryOptions(
  client: OrgkitClient,
  orgId: string,
  filters: MemberFilters = {},
) {
  return infiniteQueryOptions<
    Page<Member>,
    OrgkitError,
    InfiniteData<Page<Member>, string | undefined>,
    ReturnType<typeof orgkitKeys.members.list>,
    string | undefined
  >({
    queryKey: orgkitKeys.members.list(orgId, filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/members', {
          params: {
            path: { orgId },
            query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
          },
          signal,
        }),
      ),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
