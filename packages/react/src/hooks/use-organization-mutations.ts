import { type OrgkitError, unwrap } from '@orgkit/sdk';
import {
  type QueryClient,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { Organization } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** Variables of {@link useCreateOrganization}. */
export interface CreateOrganizationInput {
  readonly name: string;
  readonly slug?: string;
  /** Create a client or sub-organization under this one (`managed_orgs:create` there). */
  readonly parentId?: string;
  readonly kind?: Organization['kind'];
}

/** Orgs lists, trees and the caller's memberships: whatever shows the org hierarchy. */
function invalidateHierarchy(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: orgkitKeys.organizations.all() });
}

/**
 * Creates an organization; the caller becomes its Owner. Top-level orgs need a platform admin
 * (or self-serve), client and sub-orgs `managed_orgs:create` in the parent.
 */
export function useCreateOrganization(): UseMutationResult<
  Organization,
  OrgkitError,
  CreateOrganizationInput
> {
  const { client } = useOrgkitContext('useCreateOrganization');
  const queryClient = useQueryClient();
  return useMutation<Organization, OrgkitError, CreateOrganizationInput>({
    mutationFn: (body) => unwrap(client.POST('/v1/organizations', { body })),
    onSuccess: (org) => {
      queryClient.setQueryData(orgkitKeys.organizations.detail(org.id), org);
      return invalidateHierarchy(queryClient);
    },
  });
}

/** Variables of {@link useUpdateOrganization}. */
export interface UpdateOrganizationInput {
  readonly name?: string;
  readonly slug?: string;
  readonly kind?: Organization['kind'];
}

/** Renames an organization or changes its slug or kind (`organization:update`). */
export function useUpdateOrganization(
  orgId: string,
): UseMutationResult<Organization, OrgkitError, UpdateOrganizationInput> {
  const { client } = useOrgkitContext('useUpdateOrganization');
  const queryClient = useQueryClient();
  return useMutation<Organization, OrgkitError, UpdateOrganizationInput>({
    mutationFn: (body) =>
      unwrap(client.PATCH('/v1/organizations/{orgId}', { params: { path: { orgId } }, body })),
    onSuccess: (org) => {
      queryClient.setQueryData(orgkitKeys.organizations.detail(org.id), org);
      return invalidateHierarchy(queryClient);
    },
  });
}

/** Deletes an organization (`organization:delete`; refused while it has sub-organizations). */
export function useDeleteOrganization(orgId: string): UseMutationResult<void, OrgkitError, void> {
  const { client } = useOrgkitContext('useDeleteOrganization');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, void>({
    mutationFn: async () => {
      await unwrap(client.DELETE('/v1/organizations/{orgId}', { params: { path: { orgId } } }));
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: orgkitKeys.organizations.detail(orgId) });
      queryClient.removeQueries({ queryKey: orgkitKeys.permissions.detail(orgId) });
      return invalidateHierarchy(queryClient);
    },
  });
}

/**
 * Moves an organization under another (`managed_orgs:move` here and `managed_orgs:create` in the
 * new parent), or to the top level (platform admins). Permissions inherited from above change,
 * so every cached permission set is refetched.
 */
export function useMoveOrganization(
  orgId: string,
): UseMutationResult<Organization, OrgkitError, { parentId: string | null }> {
  const { client } = useOrgkitContext('useMoveOrganization');
  const queryClient = useQueryClient();
  return useMutation<Organization, OrgkitError, { parentId: string | null }>({
    mutationFn: (body) =>
      unwrap(client.POST('/v1/organizations/{orgId}/move', { params: { path: { orgId } }, body })),
    onSuccess: (org) => {
      queryClient.setQueryData(orgkitKeys.organizations.detail(org.id), org);
      return Promise.all([
        invalidateHierarchy(queryClient),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.permissions.all() }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.access.all() }),
      ]);
    },
  });
}
