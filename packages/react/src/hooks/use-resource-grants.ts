import type { ResourceRef } from '@orgkit/core';
import { type OrgkitError, unwrap } from '@orgkit/sdk';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Grant, GrantInput, NotificationRecipients } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';
import {
  resourceGrantsQueryOptions,
  resourceRecipientsQueryOptions,
} from '../queries/resource-grants-query-options.js';
import { type ResourceList, resourcesQueryOptions } from '../queries/resources-query-options.js';

/**
 * The resources of an ACL-controlled type the caller may perform `action` on (default `read`):
 * a directory browser's list. Refreshed whenever grants change in the org.
 */
export function useResources(
  orgId: string | null | undefined,
  type: string,
  options: { action?: string } = {},
): UseQueryResult<ResourceList, OrgkitError> {
  const { client } = useOrgkitContext('useResources');
  return useQuery({
    ...resourcesQueryOptions(client, orgId ?? '', type, options.action),
    enabled: !!orgId,
  });
}

/** The grants on one resource (the share dialog's list). */
export function useResourceGrants(
  orgId: string | null | undefined,
  resource: ResourceRef,
): UseQueryResult<Grant[], OrgkitError> {
  const { client } = useOrgkitContext('useResourceGrants');
  return useQuery({
    ...resourceGrantsQueryOptions(client, orgId ?? '', resource),
    enabled: !!orgId,
  });
}

/** Who is notified about one resource. */
export function useResourceRecipients(
  orgId: string | null | undefined,
  resource: ResourceRef,
): UseQueryResult<NotificationRecipients, OrgkitError> {
  const { client } = useOrgkitContext('useResourceRecipients');
  return useQuery({
    ...resourceRecipientsQueryOptions(client, orgId ?? '', resource),
    enabled: !!orgId,
  });
}

/**
 * Replaces the grants on a resource (`access:manage`; nobody gives access they lack). The
 * resource's grants and recipients, and every resource check of the org, are refreshed.
 */
export function useReplaceGrants(
  orgId: string,
  resource: ResourceRef,
): UseMutationResult<Grant[], OrgkitError, { grants: GrantInput[] }> {
  const { client } = useOrgkitContext('useReplaceGrants');
  const queryClient = useQueryClient();
  return useMutation<Grant[], OrgkitError, { grants: GrantInput[] }>({
    mutationFn: async (body) =>
      (
        await unwrap(
          client.PUT('/v1/organizations/{orgId}/resources/{type}/{resourceId}/grants', {
            params: { path: { orgId, type: resource.type, resourceId: resource.id } },
            body,
          }),
        )
      ).grants,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.access.org(orgId) }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}
