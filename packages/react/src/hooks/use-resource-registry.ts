import { type OrgkitError, type Schemas, unwrap } from '@orgkit/sdk';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** A registered resource instance with its ancestors (nearest first). */
export type RegisteredResource = Schemas['Resource'] & { readonly ancestors: readonly string[] };

/** One registered resource instance (`access:read`). */
export function useResource(
  orgId: string,
  type: string,
  id: string,
): UseQueryResult<RegisteredResource, OrgkitError> {
  const { client } = useOrgkitContext('useResource');
  return useQuery({
    queryKey: orgkitKeys.access.resource(orgId, type, id),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/v1/organizations/{orgId}/resources/{type}/{resourceId}', {
          params: { path: { orgId, type, resourceId: id } },
          signal,
        }),
      ),
    enabled: !!orgId && !!type && !!id,
  });
}

/**
 * Registers a resource instance or moves it under another parent (`access:manage`). Every
 * access answer of the org may change (inherited grants), so they all refresh.
 */
export function useRegisterResource(
  orgId: string,
): UseMutationResult<
  Schemas['Resource'],
  OrgkitError,
  { type: string; id: string; parentId?: string | null }
> {
  const { client } = useOrgkitContext('useRegisterResource');
  const queryClient = useQueryClient();
  return useMutation<
    Schemas['Resource'],
    OrgkitError,
    { type: string; id: string; parentId?: string | null }
  >({
    mutationFn: ({ type, id, parentId }) =>
      unwrap(
        client.PUT('/v1/organizations/{orgId}/resources/{type}/{resourceId}', {
          params: { path: { orgId, type, resourceId: id } },
          body: parentId === undefined ? {} : { parentId },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.access.org(orgId) }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}

/** Unregisters a leaf resource and drops its grants (`access:manage`). */
export function useDeleteResource(
  orgId: string,
): UseMutationResult<void, OrgkitError, { type: string; id: string }> {
  const { client } = useOrgkitContext('useDeleteResource');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, { type: string; id: string }>({
    mutationFn: async ({ type, id }) => {
      await unwrap(
        client.DELETE('/v1/organizations/{orgId}/resources/{type}/{resourceId}', {
          params: { path: { orgId, type, resourceId: id } },
        }),
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.access.org(orgId) }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}
