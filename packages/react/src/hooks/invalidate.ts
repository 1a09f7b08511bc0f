import type { QueryClient } from '@tanstack/react-query';
import { cachedUserId } from '../lib/list-cache.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/**
 * After a change to `userId`'s membership of `orgId`: refresh that org's member lists and audit
 * log and, when the member is the signed-in user (or unknown), their permissions there and their
 * organization list. Other orgs' caches stay.
 */
export function invalidateMember(
  queryClient: QueryClient,
  orgId: string,
  userId: string | undefined,
): Promise<unknown> {
  const me = cachedUserId(queryClient);
  const self = userId === undefined || me === undefined || me === userId;
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: orgkitKeys.members.lists(orgId) }),
    queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
    ...(self
      ? [
          queryClient.invalidateQueries({ queryKey: orgkitKeys.permissions.detail(orgId) }),
          queryClient.invalidateQueries({ queryKey: orgkitKeys.access.org(orgId) }),
          queryClient.invalidateQueries({ queryKey: orgkitKeys.organizations.mine() }),
        ]
      : []),
  ]);
}
