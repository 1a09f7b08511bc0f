import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { PermissionCatalog, Role } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/organizations/{orgId}/roles`: presets and the org's custom roles (`roles:read`). */
export function rolesQueryOptions(client: OrgkitClient, orgId: string) {
  return queryOptions<Role[], OrgkitError, Role[], ReturnType<typeof orgkitKeys.roles.list>>({
    queryKey: orgkitKeys.roles.list(orgId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          client.GET('/v1/organizations/{orgId}/roles', { params: { path: { orgId } }, signal }),
        )
      ).items,
  });
}

/** `GET /v1/organizations/{orgId}/roles/{key}`. */
export function roleQueryOptions(client: OrgkitClient, orgId: string, key: string) {
  return queryOptions<Role, OrgkitError, Role, ReturnType<typeof orgkitKeys.roles.detail>>({
    queryKey: orgkitKeys.roles.detail(orgId, key),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/roles/{key}', {
          params: { path: { orgId, key } },
          signal,
        }),
      ),
  });
}

/** `GET /v1/permissions`: the catalog with labels, for the role matrix. Rarely changes. */
export function permissionCatalogQueryOptions(client: OrgkitClient) {
  return queryOptions<
    PermissionCatalog,
    OrgkitError,
    PermissionCatalog,
    ReturnType<typeof orgkitKeys.catalog>
  >({
    queryKey: orgkitKeys.catalog(),
    queryFn: ({ signal }) => unwrap(client.GET('/v1/permissions', { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
