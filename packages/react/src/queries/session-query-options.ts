import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { OrgkitSession } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** `GET /v1/auth/session`: who is signed in (user null when signed out). */
export function sessionQueryOptions(client: OrgkitClient) {
  return queryOptions<
    OrgkitSession,
    OrgkitError,
    OrgkitSession,
    ReturnType<typeof orgkitKeys.session>
  >({
    queryKey: orgkitKeys.session(),
    queryFn: async ({ signal }) =>
      (await unwrap(client.GET('/v1/auth/session', { signal }))) as OrgkitSession,
  });
}
