import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type { Invitation, InvitationFilters, Page } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/organizations/{orgId}/invitations`, newest first (needs `invitations:read`). */
export function invitationsQueryOptions(
  client: OrgkitClient,
  orgId: string,
  filters: InvitationFilters = {},
) {
  return infiniteQueryOptions<
    Page<Invitation>,
    OrgkitError,
    InfiniteData<Page<Invitation>, string | undefined>,
    ReturnType<typeof orgkitKeys.invitations.list>,
    string | undefined
  >({
    queryKey: orgkitKeys.invitations.list(orgId, filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/invitations', {
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
