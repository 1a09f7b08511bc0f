import type { OrgkitError } from '@orgkit/sdk';
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AuditEvent, AuditEventFilters, Page } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { type AuditScope, auditEventsQueryOptions } from '../queries/audit-events-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';

/** Result of {@link useAuditEvents}. */
export type UseAuditEventsResult = UseInfiniteQueryResult<
  InfiniteData<Page<AuditEvent>, string | undefined>,
  OrgkitError
> & {
  /** Every loaded event, newest first. */
  readonly events: AuditEvent[];
};

/**
 * An audit log as an infinite list: an organization's (default: the active one; needs
 * `audit_log:read`) or a user's (`{ userId }`: the user themself or platform admins).
 */
export function useAuditEvents(
  scope?: AuditScope,
  filters: AuditEventFilters = {},
): UseAuditEventsResult {
  const { client } = useOrgkitContext('useAuditEvents');
  const active = useActiveOrgId();
  const resolved: AuditScope = scope ?? { orgId: active.orgId ?? '' };
  const enabled = 'orgId' in resolved ? resolved.orgId !== '' : resolved.userId !== '';
  const query = useInfiniteQuery({
    ...auditEventsQueryOptions(client, resolved, filters),
    enabled,
  });
  const events = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, events };
}
