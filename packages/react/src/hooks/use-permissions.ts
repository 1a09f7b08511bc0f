import type { PermissionSet } from '@orgkit/core';
import type { OrgkitError } from '@orgkit/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Permission } from '../lib/register.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { permissionsQueryOptions } from '../queries/permissions-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';

/** Result of {@link usePermissions}. */
export type UsePermissionsResult = UseQueryResult<PermissionSet<Permission>, OrgkitError> & {
  /** The organization the set belongs to (the active one when none was given). */
  readonly orgId: string | null;
  /** The compiled set, once loaded. */
  readonly permissions: PermissionSet<Permission> | undefined;
};

/**
 * The caller's compiled permission set in an organization (default: the active one), fetched
 * once per organization and shared by every {@link useCan}.
 */
export function usePermissions(orgId?: string | null): UsePermissionsResult {
  const ctx = useOrgkitContext('usePermissions');
  const active = useActiveOrgId();
  const target = orgId === undefined ? active.orgId : orgId;
  const options = useMemo(
    () => permissionsQueryOptions(ctx.client, ctx.catalog, target ?? ''),
    [ctx.client, ctx.catalog, target],
  );
  const query = useQuery({ ...options, enabled: !!target }) as UseQueryResult<
    PermissionSet<Permission>,
    OrgkitError
  >;
  return { ...query, orgId: target, permissions: query.data };
}
