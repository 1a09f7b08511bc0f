import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { Member } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/organizations/{orgId}/members/{userId}` (needs `members:read`). */
export function memberQueryOptions(client: OrgkitClient, orgId: string, userId: string) {
  return queryOptions<Member, OrgkitError, Member, ReturnType<typeof orgkitKeys.members.detail>>({
    queryKey: orgkitKeys.members.detail(orgId, userId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/members/{userId}', {
          params: { path: { orgId, userId } },
          signal,
        }),
      ),
  });
}
