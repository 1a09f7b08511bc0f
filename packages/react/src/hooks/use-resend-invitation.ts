import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { updatePagedItems } from '../lib/list-cache.js';
import type { Invitation } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** Sends a pending invitation again with a new link and expiry (`invitations:revoke`). */
export function useResendInvitation(
  orgId: string,
): UseMutationResult<Invitation, OrgkitError, { invitationId: string }> {
  const { client } = useOrgkitContext('useResendInvitation');
  const queryClient = useQueryClient();
  return useMutation<Invitation, OrgkitError, { invitationId: string }>({
    mutationFn: ({ invitationId }) =>
      unwrap(
        client.POST('/v1/organizations/{orgId}/invitations/{invitationId}/resend', {
          params: { path: { orgId, invitationId } },
        }),
      ),
    onSuccess: (invitation) => {
      updatePagedItems<Invitation>(queryClient, orgkitKeys.invitations.lists(orgId), (items) =>
        items.map((i) => (i.id === invitation.id ? invitation : i)),
      );
      return queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) });
    },
  });
}
