import type { OrgkitClient } from '@orgkit/sdk';
import { useOrgkitContext } from './orgkit-context.js';

/**
 * The typed API client of the nearest {@link OrgkitProvider}, for calls no hook covers.
 *
 * @example
 * const client = useOrgkitClient();
 * const { data, error } = await client.GET('/v1/me');
 */
export function useOrgkitClient(): OrgkitClient {
  return useOrgkitContext('useOrgkitClient').client;
}
