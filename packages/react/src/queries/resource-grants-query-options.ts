import type { ResourceRef } from '@orgkit/core';
import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { Grant, NotificationRecipients } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

const path = (orgId: string, resource: ResourceRef) => ({
  path: { orgId, type: resource.type, resourceId: resource.id },
});

/** The grants on a resource, direct first, then inherited nearest first (`access:read`). */
export function resourceGrantsQueryOptions(
  client: OrgkitClient,
  orgId: string,
  resource: ResourceRef,
) {
  return queryOptions<Grant[], OrgkitError, Grant[], ReturnType<typeof orgkitKeys.access.grants>>({
    queryKey: orgkitKeys.access.grants(orgId, resource.type, resource.id),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          client.GET('/v1/organizations/{orgId}/resources/{type}/{resourceId}/grants', {
            params: path(orgId, resource),
            signal,
          }),
        )
      ).grants,
  });
}

/** Who is notified about a resource: users, group members, e-mail addresses. */
export function resourceRecipientsQueryOptions(
  client: OrgkitClient,
  orgId: string,
  resource: ResourceRef,
) {
  return queryOptions<
    NotificationRecipients,
    OrgkitError,
    NotificationRecipients,
    ReturnType<typeof orgkitKeys.access.recipients>
  >({
    queryKey: orgkitKeys.access.recipients(orgId, resource.type, resource.id),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/resources/{type}/{resourceId}/recipients', {
          params: path(orgId, resource),
          signal,
        }),
      ),
  });
}
