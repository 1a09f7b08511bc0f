import type { OrgkitError } from '@orgkit/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { MyOrganization } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import {
  type MyOrganizations,
  myOrganizationsQueryOptions,
} from '../queries/my-organizations-query-options.js';

const NONE: MyOrganization[] = [];

/** Result of {@link useOrganizations}. */
export type UseOrganizationsResult = UseQueryResult<MyOrganizations, OrgkitError> & {
  /** The caller's memberships (empty while loading). */
  readonly organizations: MyOrganization[];
};

/** The organizations the signed-in user belongs to, with their roles in each. */
export function useOrganizations(options: { enabled?: boolean } = {}): UseOrganizationsResult {
  const { client } = useOrgkitContext('useOrganizations');
  const query = useQuery({ ...myOrganizationsQueryOptions(client), enabled: options.enabled });
  return { ...query, organizations: query.data?.items ?? NONE };
}
