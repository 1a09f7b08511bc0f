import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { restore, type Snapshot, snapshot, updatePagedItems } from '../lib/list-cache.js';
import type { Invitation } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/**
 * Revokes a pending invitation (`invitations:revoke`); its link stops working. Shown as revoked
 * at once, rolled back if the server refuses.
 */
export function useRevokeInvitation(
  orgId: string,
): UseMutationResult<Invitation, OrgkitError, { invitationId: string }, Snapshot> {
  const { client } = useOrgkitContext('useRevokeInvitation');
  const queryClient = useQueryClient();
  return useMutation<Invitation, OrgkitError, { invitationId: string }, Snapshot>({
    mutationFn: ({ invitationId }) =>
      unwrap(
        client.DELETE('/v1/organizations/{orgId}/invitations/{invitationId}', {
          params: { path: { orgId, invitationId } },
        }),
      ),
    onMutate: async ({ invitationId }) => {
      const key = orgkitKeys.invitations.org(orgId);
      await queryClient.cancelQueries({ queryKey: key });
      const saved = snapshot(queryClient, key);
      updatePagedItems<Invitation>(queryClient, orgkitKeys.invitations.lists(orgId), (items) =>
        items.map((i) => (i.id === invitationId ? { ...i, status: 'revoked' } : i)),
      );
      return saved;
    },
    onError: (_error, _input, saved) => restore(queryClient, saved),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.invitations.org(orgId) }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}
