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
      queryClient.removeQueries({ queryKey: orgkitKeys.all });
      await queryClient.invalidateQueries({ queryKey: orgkitKeys.session() });
    },
  });
}
