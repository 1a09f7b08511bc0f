import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useOrgkitContext } from '../provider/orgkit-context.js';

/** E-mails a member a password reset link (`members:reset_password`). */
export function useResetMemberPassword(
  orgId: string,
): UseMutationResult<void, OrgkitError, { userId: string }> {
  const { client } = useOrgkitContext('useResetMemberPassword');
  return useMutation<void, OrgkitError, { userId: string }>({
    mutationFn: async ({ userId }) => {
      await unwrap(
        client.POST('/v1/organizations/{orgId}/members/{userId}/password-reset', {
          params: { path: { orgId, userId } },
        }),
      );
    },
  });
}
