import type { ResourceRef } from '@orgkit/core';
import type { OrgkitClient, OrgkitError } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import { accessBatcher } from '../lib/access-batcher.js';
import { orgkitKeys } from './orgkit-keys.js';

/**
 * May the caller do `permission` on one resource instance? Answered by the server (the
 * resource's grants decide), batched with every other check of the same tick.
 */
export function resourceAccessQueryOptions(
  client: OrgkitClient,
  orgId: string,
  permission: string,
  resource: ResourceRef,
) {
  return queryOptions<boolean, OrgkitError, boolean, ReturnType<typeof orgkitKeys.access.check>>({
    queryKey: orgkitKeys.access.check(orgId, permission, resource.type, resource.id),
    queryFn: () => accessBatcher(client).check(orgId, permission, resource),
  });
}
