import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEvent, AuditEventFilters, Page } from '../lib/types.js';
import { orgkitKeys } from './orgkit-keys.js';

/** Whose audit log: an organization's or a user's. */
export type AuditScope = { readonly orgId: string } | { readonly userId: string };

/**
 * `GET /v1/organizations/{orgId}/audit-events` (needs `audit_log:read`) or
 * `GET /v1/users/{userId}/audit-events` (the user themself or platform admins), newest first.
 */
export function auditEventsQueryOptions(
  client: OrgkitClient,
  scope: AuditScope,
  filters: AuditEventFilters = {},
) {
  type Key =
    | ReturnType<typeof orgkitKeys.auditEvents.orgList>
    | ReturnType<typeof orgkitKeys.auditEvents.userList>;
  return infiniteQueryOptions<
    Page<AuditEvent>,
    OrgkitError,
    InfiniteData<Page<AuditEvent>, string | undefined>,
    Key,
    string | undefined
  >({
    queryKey:
      'orgId' in scope
        ? orgkitKeys.auditEvents.orgList(scope.orgId, filters)
        : orgkitKeys.auditEvents.userList(scope.userId, filters),
    queryFn: async ({ pageParam, signal }) => {
      const query = {
        ...filters,
        format: 'json' as const,
        ...(pageParam ? { cursor: pageParam } : {}),
      };
      const page =
        'orgId' in scope
          ? await unwrap(
              client.GET('/v1/organizations/{orgId}/audit-events', {
                params: { path: { orgId: scope.orgId }, query },
                signal,
              }),
            )
          : await unwrap(
              client.GET('/v1/users/{userId}/audit-events', {
                params: { path: { userId: scope.userId }, query },
                signal,
              }),
            );
      return page as Page<AuditEvent>;
    },
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
