import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgkitUser } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** Credentials of {@link useSignIn}. */
export interface SignInInput {
  readonly email: string;
  readonly password: string;
}

/**
 * Signs in with e-mail and password (built-in auth). Everything cached for the previous user is
 * dropped so no data leaks across accounts.
 */
export function useSignIn(): UseMutationResult<{ user: OrgkitUser }, OrgkitError, SignInInput> {
  const { client } = useOrgkitContext('useSignIn');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInInput) => unwrap(client.POST('/v1/auth/sign-in', { body })),
    onSuccess: async () => {
      // Reset rather than remove: the previous user's data is dropped, and queries still
      // observed (the session above all) refetch for the new user at once.
      await queryClient.resetQueries({ queryKey: orgkitKeys.all });
    },
  });
}
