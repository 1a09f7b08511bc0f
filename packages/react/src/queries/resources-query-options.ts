import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { AclResource } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** The visible resources of one type and whether the list was cut short. */
export interface ResourceList {
  readonly items: AclResource[];
  readonly truncated: boolean;
}

/**
 * `GET /v1/organizations/{orgId}/resources/{type}?action=`: the resources of an ACL-controlled
 * type the caller may perform `action` on (default `read`); `<type>:all` holders see them all.
 */
export function resourcesQueryOptions(
  client: OrgkitClient,
  orgId: string,
  type: string,
  action = 'read',
) {
  return queryOptions<
    ResourceList,
    OrgkitError,
    ResourceList,
    ReturnType<typeof orgkitKeys.access.resources>
  >({
    queryKey: orgkitKeys.access.resources(orgId, type, action),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/resources/{type}', {
          params: { path: { orgId, type }, query: { action } },
          signal,
        }),
      ),
  });
}
