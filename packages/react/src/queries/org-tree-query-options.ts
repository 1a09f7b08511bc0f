import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { OrganizationForest, OrganizationTree } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/organizations/{orgId}/tree`: the org and every org below it, nested. */
export function orgTreeQueryOptions(client: OrgkitClient, orgId: string, depth?: number) {
  return queryOptions<
    OrganizationTree,
    OrgkitError,
    OrganizationTree,
    ReturnType<typeof orgkitKeys.organizations.tree>
  >({
    queryKey: orgkitKeys.organizations.tree(orgId, depth),
    queryFn: async ({ signal }) =>
      (await unwrap(
        client.GET('/v1/organizations/{orgId}/tree', {
          params: { path: { orgId }, query: depth ? { depth } : {} },
          signal,
        }),
      )) as OrganizationTree,
  });
}

/** `GET /v1/me/organization-tree`: the caller's orgs, each with the orgs it manages. */
export function myOrgTreeQueryOptions(client: OrgkitClient, depth?: number) {
  return queryOptions<
    OrganizationForest,
    OrgkitError,
    OrganizationForest,
    ReturnType<typeof orgkitKeys.organizations.forest>
  >({
    queryKey: orgkitKeys.organizations.forest(depth),
    queryFn: async ({ signal }) =>
      (await unwrap(
        client.GET('/v1/me/organization-tree', {
          params: { query: depth ? { depth } : {} },
          signal,
        }),
      )) as OrganizationForest,
  });
}
