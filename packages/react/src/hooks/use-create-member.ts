import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** Variables of {@link useCreateMember}. */
export interface CreateMemberInput {
  readonly email: string;
  readonly name: string;
  /** Without a password the account is `invited` and gets an activation link by e-mail. */
  readonly password?: string;
  readonly roles: string[];
}

/** Creates a user directly as a member (`members:create`). */
export function useCreateMember(
  orgId: string,
): UseMutationResult<Member, OrgkitError, CreateMemberInput> {
  const { client } = useOrgkitContext('useCreateMember');
  const queryClient = useQueryClient();
  return useMutation<Member, OrgkitError, CreateMemberInput>({
    mutationFn: (body) =>
      unwrap(
        client.POST('/v1/organizations/{orgId}/members', { params: { path: { orgId } }, body }),
      ),
    onSuccess: async (member) => {
      queryClient.setQueryData(orgkitKeys.members.detail(orgId, member.userId), member);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.members.lists(orgId) }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]);
    },
  });
}
