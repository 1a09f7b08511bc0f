import type { OrgkitError } from '@orgkit/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { OrgkitSession, OrgkitUser } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { sessionQueryOptions } from '../queries/session-query-options.js';

/** Result of {@link useSession}. */
export type UseSessionResult = UseQueryResult<OrgkitSession, OrgkitError> & {
  /** The signed-in user; null when signed out or still loading. */
  readonly user: OrgkitUser | null;
  readonly isSignedIn: boolean;
};

/**
 * The current session (`GET /v1/auth/session`).
 *
 * @example
 * const { user, isSignedIn, isPending } = useSession();
 */
export function useSession(): UseSessionResult {
  const { client } = useOrgkitContext('useSession');
  const query = useQuery(sessionQueryOptions(client));
  const user = query.data?.user ?? null;
  return { ...query, user, isSignedIn: user !== null };
}
