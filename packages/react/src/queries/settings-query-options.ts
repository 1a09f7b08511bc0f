import { type OrgkitClient, type OrgkitError, unwrap } from '@orgkit/sdk';
import { queryOptions } from '@tanstack/react-query';
import type { SettingList } from '../lib/types.js';
import { orgkitKeys, type SettingsTarget } from './orgkit-keys.js';

/**
 * Effective settings with provenance: at the org (`GET …/settings`), or for one group or member
 * of it (`GET …/settings/effective?groupId|userId`).
 */
export function settingsQueryOptions(
  client: OrgkitClient,
  orgId: string,
  target: SettingsTarget = {},
) {
  return queryOptions<
    SettingList,
    OrgkitError,
    SettingList,
    ReturnType<typeof orgkitKeys.settings.list>
  >({
    queryKey: orgkitKeys.settings.list(orgId, target),
    queryFn: async ({ signal }) =>
      (target.groupId || target.userId
        ? await unwrap(
            client.GET('/v1/organizations/{orgId}/settings/effective', {
              params: { path: { orgId }, query: target },
              signal,
            }),
          )
        : await unwrap(
            client.GET('/v1/organizations/{orgId}/settings', {
              params: { path: { orgId } },
              signal,
            }),
          )) as SettingList,
  });
}

/** `GET /v1/me/settings?orgId=`: the caller's own effective settings in an org. */
export function mySettingsQueryOptions(client: OrgkitClient, orgId: string) {
  return queryOptions<
    SettingList,
    OrgkitError,
    SettingList,
    ReturnType<typeof orgkitKeys.settings.mine>
  >({
    queryKey: orgkitKeys.settings.mine(orgId),
    queryFn: async ({ signal }) =>
      (await unwrap(
        client.GET('/v1/me/settings', { params: { query: { orgId } }, signal }),
      )) as SettingList,
  });
}

/** `GET /v1/platform/settings`: platform values (defaults from code, overridden by platform admins). */
export function platformSettingsQueryOptions(client: OrgkitClient) {
  return queryOptions<
    SettingList,
    OrgkitError,
    SettingList,
    ReturnType<typeof orgkitKeys.settings.platform>
  >({
    queryKey: orgkitKeys.settings.platform(),
    queryFn: async ({ signal }) =>
      (await unwrap(client.GET('/v1/platform/settings', { signal }))) as SettingList,
  });
}
