import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { MyOrganization } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** The caller's memberships and the session's active organization. */
export interface MyOrganizations {
  readonly items: MyOrganization[];
  readonly activeOrgId: string | null;
}

/** `GET /v1/me/organizations`: the organizations the caller belongs to. */
export function myOrganizationsQueryOptions(client: OrgkitClient) {
  return queryOptions<
    MyOrganizations,
    OrgkitError,
    MyOrganizations,
    ReturnType<typeof orgkitKeys.organizations.mine>
  >({
    queryKey: orgkitKeys.organizations.mine(),
    queryFn: ({ signal }) => unwrap(client.GET('/v1/me/organizations', { signal })),
  });
}
