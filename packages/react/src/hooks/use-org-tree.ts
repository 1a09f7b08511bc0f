import type { OrgkitError } from '@orgkit/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { OrganizationForest, OrganizationTree } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { myOrgTreeQueryOptions, orgTreeQueryOptions } from '../queries/org-tree-query-options.js';

/**
 * The organization tree below `orgId` (`managed_orgs:read`), nested, or — without an `orgId` —
 * the partner view: every organization of the caller with the organizations it manages.
 */
export function useOrgTree(
  orgId: string,
  options?: { depth?: number },
): UseQueryResult<OrganizationTree, OrgkitError>;
export function useOrgTree(
  orgId?: undefined,
  options?: { depth?: number },
): UseQueryResult<OrganizationForest, OrgkitError>;
export function useOrgTree(
  orgId?: string,
  options: { depth?: number } = {},
): UseQueryResult<OrganizationTree | OrganizationForest, OrgkitError> {
  const { client } = useOrgkitContext('useOrgTree');
  const tree = useQuery({
    ...orgTreeQueryOptions(client, orgId ?? '', options.depth),
    enabled: !!orgId,
  });
  const forest = useQuery({ ...myOrgTreeQueryOptions(client, options.depth), enabled: !orgId });
  return orgId ? tree : forest;
}
