import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';
import { invalidateMember } from './invalidate.js';

/** Both sides of an ownership transfer, as the server left them. */
export interface TransferResult {
  readonly previousOwner: Member;
  readonly newOwner: Member;
}

/**
 * Transfers ownership to another active member (only the owner may; the former owner becomes
 * Admin). The caller's permissions in the organization are refetched.
 */
export function useTransferOwnership(
  orgId: string,
): UseMutationResult<TransferResult, OrgkitError, { userId: string }> {
  const { client } = useOrgkitContext('useTransferOwnership');
  const queryClient = useQueryClient();
  return useMutation<TransferResult, OrgkitError, { userId: string }>({
    mutationFn: (body) =>
      unwrap(
        client.POST('/v1/organizations/{orgId}/owner/transfer', {
          params: { path: { orgId } },
          body,
        }),
      ),
    onSuccess: async (result) => {
      for (const m of [result.previousOwner, result.newOwner]) {
        queryClient.setQueryData(orgkitKeys.members.detail(orgId, m.userId), m);
      }
      await invalidateMember(queryClient, orgId, undefined);
    },
  });
}
