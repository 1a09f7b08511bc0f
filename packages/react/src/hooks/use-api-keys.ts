import { type OrgkitError, unwrap } from '@orgkit/sdk';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { restore, type Snapshot } from '../lib/list-cache.js';
import type { ApiKey, CreatedApiKey, OrgApiKey } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import {
  myApiKeysQueryOptions,
  orgApiKeysQueryOptions,
} from '../queries/api-keys-query-options.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';

/** The signed-in user's API keys. */
export function useApiKeys(): UseQueryResult<ApiKey[], OrgkitError> {
  const { client } = useOrgkitContext('useApiKeys');
  return useQuery(myApiKeysQueryOptions(client));
}

/** Every key usable in an organization, with its owner (`api_keys:manage`). */
export function useOrgApiKeys(
  orgId: string | null | undefined,
): UseQueryResult<OrgApiKey[], OrgkitError> {
  const { client } = useOrgkitContext('useOrgApiKeys');
  return useQuery({ ...orgApiKeysQueryOptions(client, orgId ?? ''), enabled: !!orgId });
}

/** Variables of {@link useCreateApiKey}. */
export interface CreateApiKeyInput {
  readonly name: string;
  /** Restrict the key to one organization. */
  readonly orgId?: string;
  /** Narrower permissions than the user's own (never more). */
  readonly scopes?: string[];
  /** ISO date-time in the future. */
  readonly expiresAt?: string;
}

/**
 * Creates an API key. The result carries `secret`, shown once: it is never cached by the hook
 * (the list is refetched instead), so keep it in component state until the user copies it.
 */
export function useCreateApiKey(): UseMutationResult<
  CreatedApiKey,
  OrgkitError,
  CreateApiKeyInput
> {
  const { client } = useOrgkitContext('useCreateApiKey');
  const queryClient = useQueryClient();
  return useMutation<CreatedApiKey, OrgkitError, CreateApiKeyInput>({
    mutationFn: (body) => unwrap(client.POST('/v1/me/api-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgkitKeys.apiKeys.all() }),
  });
}

/** Revokes one of the caller's keys; shown revoked at once, restored if refused. */
export function useRevokeApiKey(): UseMutationResult<
  void,
  OrgkitError,
  { keyId: string },
  Snapshot
> {
  const { client } = useOrgkitContext('useRevokeApiKey');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, { keyId: string }, Snapshot>({
    mutationFn: async ({ keyId }) => {
      await unwrap(client.DELETE('/v1/me/api-keys/{keyId}', { params: { path: { keyId } } }));
    },
    onMutate: async ({ keyId }) => {
      const key = orgkitKeys.apiKeys.mine();
      await queryClient.cancelQueries({ queryKey: key });
      const saved: Snapshot = [[key, queryClient.getQueryData(key)]];
      queryClient.setQueryData<ApiKey[]>(key, (keys) =>
        keys?.map((k) => (k.id === keyId ? { ...k, status: 'revoked' } : k)),
      );
      return saved;
    },
    onError: (_error, _input, saved) => restore(queryClient, saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orgkitKeys.apiKeys.all() }),
  });
}

/** Revokes any key usable in an organization (`api_keys:manage` or `api_keys:revoke`). */
export function useRevokeOrgApiKey(
  orgId: string,
): UseMutationResult<void, OrgkitError, { keyId: string }> {
  const { client } = useOrgkitContext('useRevokeOrgApiKey');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, { keyId: string }>({
    mutationFn: async ({ keyId }) => {
      await unwrap(
        client.DELETE('/v1/organizations/{orgId}/api-keys/{keyId}', {
          params: { path: { orgId, keyId } },
        }),
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.apiKeys.all() }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}
