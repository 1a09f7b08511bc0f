import type { OrgkitError } from '@orgkit/sdk';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { PermissionCatalog, Role } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import {
  permissionCatalogQueryOptions,
  roleQueryOptions,
  rolesQueryOptions,
} from '../queries/roles-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';

/** The roles of an organization (default: the active one): presets, then custom roles. */
export function useRoles(orgId?: string | null): UseQueryResult<Role[], OrgkitError> {
  const { client } = useOrgkitContext('useRoles');
  const active = useActiveOrgId();
  const target = (orgId === undefined ? active.orgId : orgId) ?? '';
  return useQuery({ ...rolesQueryOptions(client, target), enabled: target !== '' });
}

/** One role of an organization. */
export function useRole(
  orgId: string | null | undefined,
  key: string | null | undefined,
): UseQueryResult<Role, OrgkitError> {
  const { client } = useOrgkitContext('useRole');
  return useQuery({
    ...roleQueryOptions(client, orgId ?? '', key ?? ''),
    enabled: !!orgId && !!key,
  });
}

/** The permission catalog with labels (module → section → resource → action). */
export function usePermissionCatalog(): UseQueryResult<PermissionCatalog, OrgkitError> {
  const { client } = useOrgkitContext('usePermissionCatalog');
  return useQuery(permissionCatalogQueryOptions(client));
}
