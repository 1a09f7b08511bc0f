import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { restore, type Snapshot, snapshot, updatePagedItems } from '../lib/list-cache.js';
import type { Member } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';
import { invalidateMember } from './invalidate.js';

/**
 * Removes a member (`members:remove`; never the owner). The row leaves the lists at once and
 * comes back if the server refuses.
 */
export function useRemoveMember(
  orgId: string,
): UseMutationResult<void, OrgkitError, { userId: string }, Snapshot> {
  const { client } = useOrgkitContext('useRemoveMember');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, { userId: string }, Snapshot>({
    mutationFn: async ({ userId }) => {
      await unwrap(
        client.DELETE('/v1/organizations/{orgId}/members/{userId}', {
          params: { path: { orgId, userId } },
        }),
      );
    },
    onMutate: async ({ userId }) => {
      const key = orgkitKeys.members.org(orgId);
      await queryClient.cancelQueries({ queryKey: key });
      const saved = snapshot(queryClient, key);
      updatePagedItems<Member>(queryClient, orgkitKeys.members.lists(orgId), (items) =>
        items.filter((m) => m.userId !== userId),
      );
      return saved;
    },
    onError: (_error, _input, saved) => restore(queryClient, saved),
    onSuccess: (_data, { userId }) => {
      queryClient.removeQueries({ queryKey: orgkitKeys.members.detail(orgId, userId) });
    },
    onSettled: (_data, _error, input) => invalidateMember(queryClient, orgId, input.userId),
  });
}
