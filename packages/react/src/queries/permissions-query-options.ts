import { type Catalog, PermissionSet } from '@orgkit/core';
import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { MyPermissions } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/**
 * Restores the compiled set sent by the server. When the set was compiled against another
 * catalog (a host whose catalog differs from the server's), falls back to the permission names
 * the server sends beside it, so a check never silently answers from misread bits.
 */
export function decodePermissions<P extends string>(
  catalog: Catalog<P>,
  data: MyPermissions,
): PermissionSet<P> {
  return PermissionSet.fromJSON(catalog, data.set) ?? PermissionSet.of(catalog, data.permissions);
}

/**
 * `GET /v1/me/permissions?orgId=`: the caller's effective permissions in one organization,
 * decoded to a {@link PermissionSet} so every check is a bit test (no request per check).
 */
export function permissionsQueryOptions<P extends string>(
  client: OrgkitClient,
  catalog: Catalog<P>,
  orgId: string,
) {
  return queryOptions<
    MyPermissions,
    OrgkitError,
    PermissionSet<P>,
    ReturnType<typeof orgkitKeys.permissions.detail>
  >({
    queryKey: orgkitKeys.permissions.detail(orgId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/v1/me/permissions', { params: { query: { orgId } }, signal })),
    select: (data) => decodePermissions(catalog, data),
  });
}
