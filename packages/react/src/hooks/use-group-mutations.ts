import { type OrgkitError, unwrap } from '@orgkit/sdk';
import {
  type QueryClient,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { Group, GroupDetail } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/**
 * After a group change: the org's group lists and audit log, and — because group roles apply to
 * members — the caller's permissions in the org and its resource checks.
 */
function afterGroupChange(queryClient: QueryClient, orgId: string, permissions: boolean) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: orgkitKeys.groups.org(orgId) }),
    queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
    ...(permissions
      ? [
          queryClient.invalidateQueries({ queryKey: orgkitKeys.permissions.detail(orgId) }),
          queryClient.invalidateQueries({ queryKey: orgkitKeys.access.org(orgId) }),
          queryClient.invalidateQueries({ queryKey: orgkitKeys.settings.org(orgId) }),
        ]
      : []),
  ]);
}

/** Variables of {@link useCreateGroup}. */
export interface CreateGroupInput {
  readonly name: string;
  readonly description?: string | null;
  readonly memberIds?: string[];
  readonly roles?: string[];
}

/** Creates a group, optionally with members and roles (`groups:create`, roles need `groups:assign_roles`). */
export function useCreateGroup(
  orgId: string,
): UseMutationResult<GroupDetail, OrgkitError, CreateGroupInput> {
  const { client } = useOrgkitContext('useCreateGroup');
  const queryClient = useQueryClient();
  return useMutation<GroupDetail, OrgkitError, CreateGroupInput>({
    mutationFn: (body) =>
      unwrap(
        client.POST('/v1/organizations/{orgId}/groups', { params: { path: { orgId } }, body }),
      ),
    onSuccess: (group, input) => {
      queryClient.setQueryData(orgkitKeys.groups.detail(orgId, group.id), group);
      return afterGroupChange(queryClient, orgId, (input.roles?.length ?? 0) > 0);
    },
  });
}

/** Renames a group or changes its description (`groups:update`). */
export function useUpdateGroup(
  orgId: string,
): UseMutationResult<
  Group,
  OrgkitError,
  { groupId: string; name?: string; description?: string | null }
> {
  const { client } = useOrgkitContext('useUpdateGroup');
  const queryClient = useQueryClient();
  return useMutation<
    Group,
    OrgkitError,
    { groupId: string; name?: string; description?: string | null }
  >({
    mutationFn: ({ groupId, ...body }) =>
      unwrap(
        client.PATCH('/v1/organizations/{orgId}/groups/{groupId}', {
          params: { path: { orgId, groupId } },
          body,
        }),
      ),
    onSuccess: () => afterGroupChange(queryClient, orgId, false),
  });
}

/** Deletes a group (`groups:delete`); its members lose the roles it gave. */
export function useDeleteGroup(
  orgId: string,
): UseMutationResult<void, OrgkitError, { groupId: string }> {
  const { client } = useOrgkitContext('useDeleteGroup');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, { groupId: string }>({
    mutationFn: async ({ groupId }) => {
      await unwrap(
        client.DELETE('/v1/organizations/{orgId}/groups/{groupId}', {
          params: { path: { orgId, groupId } },
        }),
      );
    },
    onSuccess: (_data, { groupId }) => {
      queryClient.removeQueries({ queryKey: orgkitKeys.groups.detail(orgId, groupId) });
      return afterGroupChange(queryClient, orgId, true);
    },
  });
}

/** Variables of {@link useSetGroupMembers}. */
export interface GroupMembersInput {
  readonly groupId: string;
  readonly userIds: string[];
  /** `replace` the member list (default), `add` to it, or `remove` from it. */
  readonly mode?: 'replace' | 'add' | 'remove';
}

/** Changes who is in a group (`groups:update`). */
export function useSetGroupMembers(
  orgId: string,
): UseMutationResult<GroupDetail, OrgkitError, GroupMembersInput> {
  const { client } = useOrgkitContext('useSetGroupMembers');
  const queryClient = useQueryClient();
  return useMutation<GroupDetail, OrgkitError, GroupMembersInput>({
    mutationFn: ({ groupId, userIds, mode = 'replace' }) => {
      const init = { params: { path: { orgId, groupId } }, body: { userIds } };
      const path = '/v1/organizations/{orgId}/groups/{groupId}/members' as const;
      return unwrap(
        mode === 'add'
          ? client.POST(path, init)
          : mode === 'remove'
            ? client.DELETE(path, init)
            : client.PUT(path, init),
      ) as Promise<GroupDetail>;
    },
    onSuccess: (group) => {
      queryClient.setQueryData(orgkitKeys.groups.detail(orgId, group.id), group);
      return afterGroupChange(queryClient, orgId, group.roles.length > 0);
    },
  });
}

/** Replaces the roles a group gives its members (`groups:assign_roles`). */
export function useSetGroupRoles(
  orgId: string,
): UseMutationResult<GroupDetail, OrgkitError, { groupId: string; roles: string[] }> {
  const { client } = useOrgkitContext('useSetGroupRoles');
  const queryClient = useQueryClient();
  return useMutation<GroupDetail, OrgkitError, { groupId: string; roles: string[] }>({
    mutationFn: ({ groupId, roles }) =>
      unwrap(
        client.PUT('/v1/organizations/{orgId}/groups/{groupId}/roles', {
          params: { path: { orgId, groupId } },
          body: { roles },
        }),
      ) as Promise<GroupDetail>,
    onSuccess: (group) => {
      queryClient.setQueryData(orgkitKeys.groups.detail(orgId, group.id), group);
      return afterGroupChange(queryClient, orgId, true);
    },
  });
}
