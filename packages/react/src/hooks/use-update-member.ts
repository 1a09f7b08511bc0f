import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { restore, type Snapshot, snapshot, updatePagedItems } from '../lib/list-cache.js';
import type { Member } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';
import { invalidateMember } from './invalidate.js';

/** Variables of {@link useUpdateMember}: new roles, a new status, or both. */
export interface UpdateMemberInput {
  readonly userId: string;
  readonly roles?: string[];
  readonly status?: 'active' | 'disabled';
}

/**
 * Changes a member's roles (`members:update`) or status (`members:disable`). Lists and the
 * member's detail show the change at once and roll back if the server refuses; the member's
 * permissions are refetched when the member is the signed-in user.
 */
export function useUpdateMember(
  orgId: string,
): UseMutationResult<Member, OrgkitError, UpdateMemberInput, Snapshot> {
  const { client } = useOrgkitContext('useUpdateMember');
  const queryClient = useQueryClient();
  return useMutation<Member, OrgkitError, UpdateMemberInput, Snapshot>({
    mutationFn: ({ userId, ...body }) =>
      unwrap(
        client.PATCH('/v1/organizations/{orgId}/members/{userId}', {
          params: { path: { orgId, userId } },
          body,
        }),
      ),
    onMutate: async ({ userId, roles, status }) => {
      const key = orgkitKeys.members.org(orgId);
      await queryClient.cancelQueries({ queryKey: key });
      const saved = snapshot(queryClient, key);
      const apply = (m: Member): Member =>
        m.userId === userId
          ? { ...m, ...(roles ? { roles: [...roles] } : {}), ...(status ? { status } : {}) }
          : m;
      updatePagedItems<Member>(queryClient, orgkitKeys.members.lists(orgId), (items) =>
        items.map(apply),
      );
      queryClient.setQueryData<Member>(orgkitKeys.members.detail(orgId, userId), (m) =>
        m ? apply(m) : m,
      );
      return saved;
    },
    onError: (_error, _input, saved) => restore(queryClient, saved),
    onSuccess: (member) => {
      queryClient.setQueryData(orgkitKeys.members.detail(orgId, member.userId), member);
    },
    onSettled: (_data, _error, input) => invalidateMember(queryClient, orgId, input.userId),
  });
}
