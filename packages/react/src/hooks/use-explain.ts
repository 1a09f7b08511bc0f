import type { OrgkitClient } from '@orgkit/sdk';
import { type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Permission } from '../lib/register.js';
import type { Explanation } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { type ExplainQuery, orgkitKeys } from '../queries/orgkit-keys.js';

/** `GET /v1/organizations/{orgId}/access/explain`: why a permission is or is not held. */
export function explainQueryOptions(client: OrgkitClient, orgId: string, query: ExplainQuery) {
  return queryOptions<
    Explanation,
    OrgkitError,
    Explanation,
    ReturnType<typeof orgkitKeys.access.explain>
  >({
    queryKey: orgkitKeys.access.explain(orgId, query),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/access/explain', {
          params: { path: { orgId }, query },
          signal,
        }),
      ),
  });
}

/**
 * Why the caller (or, with `access:explain`, another user) may or may not do `permission`:
 * roles, groups, inherited organizations, conditions and grants, with a readable summary.
 */
export function useExplain(
  orgId: string | null | undefined,
  permission: Permission,
  options: { userId?: string; resource?: { type: string; id: string } } = {},
): UseQueryResult<Explanation, OrgkitError> {
  const { client } = useOrgkitContext('useExplain');
  const query: ExplainQuery = {
    permission,
    ...(options.userId ? { userId: options.userId } : {}),
    ...(options.resource
      ? { resourceType: options.resource.type, resourceId: options.resource.id }
      : {}),
  };
  return useQuery({ ...explainQueryOptions(client, orgId ?? '', query), enabled: !!orgId });
}
