import { type OrgkitError, unwrap } from '@orgkit/sdk';
import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { EffectiveSetting, SettingList, SettingValue } from '../lib/types.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { orgkitKeys, type SettingsTarget } from '../queries/orgkit-keys.js';
import {
  mySettingsQueryOptions,
  platformSettingsQueryOptions,
  settingsQueryOptions,
} from '../queries/settings-query-options.js';
import { useActiveOrgId } from './use-active-org-id.js';

/**
 * Effective settings (the waterfall) of an organization (default: the active one), or of
 * one of its groups or members, each with the level it came from and any lock.
 */
export function useSettings(
  orgId?: string | null,
  target: SettingsTarget = {},
): UseQueryResult<SettingList, OrgkitError> {
  const { client } = useOrgkitContext('useSettings');
  const active = useActiveOrgId();
  const org = (orgId === undefined ? active.orgId : orgId) ?? '';
  return useQuery({ ...settingsQueryOptions(client, org, target), enabled: org !== '' });
}

/** The signed-in user's own effective settings in an organization (default: the active one). */
export function useMySettings(orgId?: string | null): UseQueryResult<SettingList, OrgkitError> {
  const { client } = useOrgkitContext('useMySettings');
  const active = useActiveOrgId();
  const org = (orgId === undefined ? active.orgId : orgId) ?? '';
  return useQuery({ ...mySettingsQueryOptions(client, org), enabled: org !== '' });
}

/** Platform-level settings (platform admins change them). */
export function usePlatformSettings(): UseQueryResult<SettingList, OrgkitError> {
  const { client } = useOrgkitContext('usePlatformSettings');
  return useQuery(platformSettingsQueryOptions(client));
}

/** Variables of {@link useSetSetting}. */
export interface SetSettingInput {
  readonly key: string;
  readonly value: SettingValue;
  /** Where to store it: the org (default), one of its groups or one of its members. */
  readonly level?: 'org' | 'group' | 'user';
  readonly targetId?: string;
  /** Lock it for every level below (`settings:lock`). */
  readonly locked?: boolean;
}

/**
 * Sets a setting at a level (`settings:update`). Every level below may resolve differently now
 * (this org's groups and members, and the organizations below), so all settings refresh.
 */
export function useSetSetting(
  orgId: string,
): UseMutationResult<EffectiveSetting, OrgkitError, SetSettingInput> {
  const { client } = useOrgkitContext('useSetSetting');
  const queryClient = useQueryClient();
  return useMutation<EffectiveSetting, OrgkitError, SetSettingInput>({
    mutationFn: async ({ key, ...body }) =>
      (await unwrap(
        client.PUT('/v1/organizations/{orgId}/settings/{key}', {
          params: { path: { orgId, key } },
          body,
        }),
      )) as EffectiveSetting,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.settings.all() }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}

/** Clears the override at a level: the level above applies again. */
export function useClearSetting(
  orgId: string,
): UseMutationResult<
  void,
  OrgkitError,
  { key: string; level?: 'org' | 'group' | 'user'; targetId?: string }
> {
  const { client } = useOrgkitContext('useClearSetting');
  const queryClient = useQueryClient();
  return useMutation<
    void,
    OrgkitError,
    { key: string; level?: 'org' | 'group' | 'user'; targetId?: string }
  >({
    mutationFn: async ({ key, ...query }) => {
      await unwrap(
        client.DELETE('/v1/organizations/{orgId}/settings/{key}', {
          params: { path: { orgId, key }, query },
        }),
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: orgkitKeys.settings.all() }),
        queryClient.invalidateQueries({ queryKey: orgkitKeys.auditEvents.org(orgId) }),
      ]),
  });
}

/** Sets (and optionally locks) a platform-wide value; platform admins only. All settings refresh. */
export function useSetPlatformSetting(): UseMutationResult<
  EffectiveSetting,
  OrgkitError,
  { key: string; value: SetSettingInput['value']; locked?: boolean }
> {
  const { client } = useOrgkitContext('useSetPlatformSetting');
  const queryClient = useQueryClient();
  return useMutation<
    EffectiveSetting,
    OrgkitError,
    { key: string; value: SetSettingInput['value']; locked?: boolean }
  >({
    mutationFn: async ({ key, ...body }) =>
      (await unwrap(
        client.PUT('/v1/platform/settings/{key}', { params: { path: { key } }, body }),
      )) as EffectiveSetting,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgkitKeys.settings.all() }),
  });
}

/** Clears a platform-wide value: the code default applies again. */
export function useClearPlatformSetting(): UseMutationResult<void, OrgkitError, { key: string }> {
  const { client } = useOrgkitContext('useClearPlatformSetting');
  const queryClient = useQueryClient();
  return useMutation<void, OrgkitError, { key: string }>({
    mutationFn: async ({ key }) => {
      await unwrap(client.DELETE('/v1/platform/settings/{key}', { params: { path: { key } } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgkitKeys.settings.all() }),
  });
}
