import { type OrgkitError, unwrap } from '@orgkit/sdk';
import {
  type QueryClient,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { GrantEntry, Role } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** The editable fields of a custom role. */
export interface RoleInput {
  readonly name: string;
  readonly description?: string | null;
  readonly module?: string | null;
  readonly assignable?: 'members' | 'groups' | 'both';
  readonly extends?: string | null;
  /** Permissions in the org itself. */
  readonly self?: GrantEntry[];
  /** Permissions in the organizations below (partner → clients). */
  readonly descendants?: GrantEntry[];
  readonly remove?: { self?: string[]; descendants?: string[] } | null;
}

/**
 * A role's permissions changed: every holder's permissions may have changed, here and in the
 * organizations below, so every cached permission set and resource check is refetched.
 */
function afterRoleChange(queryClient: QueryClient, orgId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: orgkitKeys.roles.org(orgId) }),
    queryClient.invalidateQueries({ queryKey: orgkitKeys.permissions.all() }),
    queryClient.invalidateQueries({ queryKey: orgkitKeys.access.all() }),
    queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
  ]);
}

/** Creates a custom role (`roles:create`; it may give only what the caller holds). */
export function useCreateRole(
  orgId: string,
): UseMutationResult<Role, OrgkitError, RoleInput & { key: string }> {
  const { client } = useOrgkitContext('useCreateRole');
  const queryClient = useQueryClient();
  return useMutation<Role, OrgkitError, RoleInput & { key: string }>({
    mutationFn: (body) =>
      unwrap(
        client.POST('/v1/organizations/{orgId}/roles', {
          params: { path: { orgId } },
          body,
        }),
      ),
    onSuccess: (role) => {
      queryClient.setQueryData(orgkitKeys.roles.detail(orgId, role.key), role);
      return queryClient.invalidateQueries({ queryKey: orgkitKeys.roles.org(orgId) });
    },
  });
}

/** Edits a custom role (`roles:update`); presets are read-only. */
export function useUpdateRole(
  orgId: string,
): UseMutationResult<Role, OrgkitError, Partial<RoleInput> & { key: string }> {
  const { client } = useOrgkitContext('useUpdateRole');
  const queryClient = useQueryClient();
  return useMutation<Role, OrgkitError, Partial<RoleInput> & { key: string }>({
    mutationFn: ({ key, ...body }) =>
      unwrap(
        client.PATCH('/v1/organizations/{orgId}/roles/{key}', {
          params: { path: { orgId, key } },
          body,
        }),
      ),
    onSuccess: (role) => {
      queryClient.setQueryData(orgkitKeys.roles.detail(orgId, role.key), role);
      return afterRoleChange(queryClient, orgId);
    },
  });
}

/**
 * Deletes a custom role (`roles:delete`). Refused while held, unless `reassignTo` names the role
 * its holders move to; members' roles change then, so member lists refresh too.
 */
export function useDeleteRole(
  orgId: string,
): UseMutationResult<void, OrgkitError, { key: string; reassignTo?: string }> {
  const { client } = useOrgkitContext('useDeleteRole');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, { key: string; reassignTo?: string }>({
    mutationFn: async ({ key, reassignTo }) => {
      await unwrap(
        client.DELETE('/v1/organizations/{orgId}/roles/{key}', {
          params: { path: { orgId, key }, query: reassignTo ? { reassignTo } : {} },
        }),
      );
    },
    onSuccess: (_data, { key }) => {
      queryClient.removeQueries({ queryKey: orgkitKeys.roles.detail(orgId, key) });
      return Promise.all([
        afterRoleChange(queryClient, orgId),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.members.org(orgId) }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.groups.org(orgId) }),
      ]);
    },
  });
}
