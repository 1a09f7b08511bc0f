import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgkitSession } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

const SIGNED_OUT: OrgkitSession = {
  user: null,
  method: null,
  expiresAt: null,
  activeOrgId: null,
  canCreateOrganizations: false,
};

/** Ends the session and forgets every cached Orgkit query. */
export function useSignOut(): UseMutationResult<void, OrgkitError, void> {
  const { client } = useOrgkitContext('useSignOut');
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(client.POST('/v1/auth/sign-out'));
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: orgkitKeys.all });
      queryClient.setQueryData(orgkitKeys.session(), SIGNED_OUT);
    },
  });
}
