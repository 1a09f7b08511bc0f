import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { Organization } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/organizations/{orgId}` (needs `organization:read`). */
export function organizationQueryOptions(client: OrgkitClient, orgId: string) {
  return queryOptions<
    Organization,
    OrgkitError,
    Organization,
    ReturnType<typeof orgkitKeys.organizations.detail>
  >({
    queryKey: orgkitKeys.organizations.detail(orgId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/v1/organizations/{orgId}', { params: { path: { orgId } }, signal })),
  });
}
