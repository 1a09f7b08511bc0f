import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InviteResult } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** Variables of {@link useCreateInvitations}. */
export interface CreateInvitationsInput {
  /** A list, or pasted text separated by commas, spaces, semicolons or new lines. */
  readonly emails: string | string[];
  /** Roles to give on acceptance. Default `member`. */
  readonly roles?: string[];
}

/**
 * Invites one or many addresses (`invitations:create`). Resolves to one result per address:
 * `invited`, `already_member` or `invalid`.
 */
export function useCreateInvitations(
  orgId: string,
): UseMutationResult<{ results: InviteResult[] }, OrgkitError, CreateInvitationsInput> {
  const { client } = useOrgkitContext('useCreateInvitations');
  const queryClient = useQueryClient();
  return useMutation<{ results: InviteResult[] }, OrgkitError, CreateInvitationsInput>({
    mutationFn: (body) =>
      unwrap(
        client.POST('/v1/organizations/{orgId}/invitations', {
          params: { path: { orgId } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.invitations.org(orgId) }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}
