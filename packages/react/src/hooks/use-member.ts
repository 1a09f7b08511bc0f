import type { OrgkitError } from '@orgkit/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Member } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { memberQueryOptions } from '../queries/member-query-options.js';

/** One member of an organization. Disabled while an id is empty. */
export function useMember(
  orgId: string | null | undefined,
  userId: string | null | undefined,
): UseQueryResult<Member, OrgkitError> {
  const { client } = useOrgkitContext('useMember');
  return useQuery({
    ...memberQueryOptions(client, orgId ?? '', userId ?? ''),
    enabled: !!orgId && !!userId,
  });
}
