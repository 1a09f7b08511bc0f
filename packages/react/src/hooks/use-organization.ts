import type { OrgkitError } from '@orgkit/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Organization } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { organizationQueryOptions } from '../queries/organization-query-options.js';

/** One organization (`organization:read`). Disabled while `orgId` is empty. */
export function useOrganization(
  orgId: string | null | undefined,
): UseQueryResult<Organization, OrgkitError> {
  const { client } = useOrgkitContext('useOrganization');
  return useQuery({ ...organizationQueryOptions(client, orgId ?? ''), enabled: !!orgId });
}
