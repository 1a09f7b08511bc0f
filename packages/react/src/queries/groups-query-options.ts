import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { type InfiniteData, infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Group, GroupDetail, Page } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/organizations/{orgId}/groups`, by name (`groups:read`). */
export function groupsQueryOptions(
  client: OrgkitClient,
  orgId: string,
  filters: { limit?: number } = {},
) {
  return infiniteQueryOptions<
    Page<Group>,
    OrgkitError,
    InfiniteData<Page<Group>, string | undefined>,
    ReturnType<typeof orgkitKeys.groups.list>,
    string | undefined
  >({
    queryKey: orgkitKeys.groups.list(orgId, filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/groups', {
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

/** `GET /v1/organizations/{orgId}/groups/{groupId}`: the group with its members. */
export function groupQueryOptions(client: OrgkitClient, orgId: string, groupId: string) {
  return queryOptions<
    GroupDetail,
    OrgkitError,
    GroupDetail,
    ReturnType<typeof orgkitKeys.groups.detail>
  >({
    queryKey: orgkitKeys.groups.detail(orgId, groupId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/groups/{groupId}', {
          params: { path: { orgId, groupId } },
          signal,
        }),
      ),
  });
}
