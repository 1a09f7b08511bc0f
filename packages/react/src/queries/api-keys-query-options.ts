import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { ApiKey, OrgApiKey } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/me/api-keys`: the caller's keys, newest first (revoked and expired included). */
export function myApiKeysQueryOptions(client: OrgkitClient) {
  return queryOptions<ApiKey[], OrgkitError, ApiKey[], ReturnType<typeof orgkitKeys.apiKeys.mine>>({
    queryKey: orgkitKeys.apiKeys.mine(),
    queryFn: async ({ signal }) => (await unwrap(client.GET('/v1/me/api-keys', { signal }))).items,
  });
}

/** `GET /v1/organizations/{orgId}/api-keys`: keys usable in the org, with owners (`api_keys:manage`). */
export function orgApiKeysQueryOptions(client: OrgkitClient, orgId: string) {
  return queryOptions<
    OrgApiKey[],
    OrgkitError,
    OrgApiKey[],
    ReturnType<typeof orgkitKeys.apiKeys.org>
  >({
    queryKey: orgkitKeys.apiKeys.org(orgId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          client.GET('/v1/organizations/{orgId}/api-keys', { params: { path: { orgId } }, signal }),
        )
      ).items,
  });
}
