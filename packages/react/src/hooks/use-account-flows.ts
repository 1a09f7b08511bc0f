import { type OrgkitError, type Schemas, unwrap } from '@orgkit/sdk';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Member, Organization, OrgkitUser } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** What an invitation link is for: the org, the inviter, the roles, whether an account exists. */
export type InvitationPreview = Schemas['InvitationPreview'];

/**
 * What sign-up answers: the signed-in user, or — when the server verifies e-mail addresses —
 * `{ ok: true }` for every address (the account works once its activation link is opened).
 */
export type SignUpResult = { user: OrgkitUser } | { ok: true };

/** Creates an account with e-mail and password and signs in (built-in auth). */
export function useSignUp(): UseMutationResult<
  SignUpResult,
  OrgkitError,
  { email: string; password: string; name: string }
> {
  const { client } = useOrgkitContext('useSignUp');
  const queryClient = useQueryClient();
  return useMutation<SignUpResult, OrgkitError, { email: string; password: string; name: string }>({
    mutationFn: (body) => unwrap(client.POST('/v1/auth/sign-up', { body })),
    // Reset rather than remove: observed queries refetch for the new user at once.
    onSuccess: () => queryClient.resetQueries({ queryKey: orgkitKeys.all }),
  });
}

/** Asks for a password reset link; answers alike whether or not the address has an account. */
export function useRequestPasswordReset(): UseMutationResult<void, OrgkitError, { email: string }> {
  const { client } = useOrgkitContext('useRequestPasswordReset');
  return useMutation<void, OrgkitError, { email: string }>({
    mutationFn: async (body) => {
      await unwrap(client.POST('/v1/auth/password-reset', { body }));
    },
  });
}

/** Sets a new password with the token of a reset link (every session of the user ends). */
export function useConfirmPasswordReset(): UseMutationResult<
  void,
  OrgkitError,
  { token: string; password: string }
> {
  const { client } = useOrgkitContext('useConfirmPasswordReset');
  return useMutation<void, OrgkitError, { token: string; password: string }>({
    mutationFn: async (body) => {
      await unwrap(client.POST('/v1/auth/password-reset/confirm', { body }));
    },
  });
}

/**
 * What an invitation link is for (to render the accept page). A link that cannot be accepted
 * fails with `TOKEN_INVALID` (unknown or replaced), `TOKEN_EXPIRED`, `INVITATION_REVOKED` or
 * `INVITATION_ALREADY_USED`. `AcceptInvitation` renders each.
 */
export function useInvitationPreview(
  token: string | null | undefined,
): UseQueryResult<InvitationPreview, OrgkitError> {
  const { client } = useOrgkitContext('useInvitationPreview');
  return useQuery<InvitationPreview, OrgkitError>({
    queryKey: [...orgkitKeys.all, 'invitation-preview', token ?? ''],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/invitations/lookup', { params: { query: { token: token ?? '' } }, signal }),
      ),
    enabled: !!token,
    retry: false,
  });
}

/** Variables of {@link useAcceptInvitation}: a new account gives name and password, an existing one its password. */
export interface AcceptInvitationInput {
  readonly token: string;
  readonly name?: string;
  readonly password?: string;
}

/**
 * Accepts an invitation: joins the org, signing in when the accept created the
 * session. The caller's organizations and session are refreshed.
 */
export function useAcceptInvitation(): UseMutationResult<
  { organization: Organization; member: Member },
  OrgkitError,
  AcceptInvitationInput
> {
  const { client } = useOrgkitContext('useAcceptInvitation');
  const queryClient = useQueryClient();
  return useMutation<
    { organization: Organization; member: Member },
    OrgkitError,
    AcceptInvitationInput
  >({
    mutationFn: (body) => unwrap(client.POST('/v1/invitations/accept', { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.session() }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.organizations.all() }),
      ]),
  });
}
