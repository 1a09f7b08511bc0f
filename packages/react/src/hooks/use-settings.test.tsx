import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import {
  useClearPlatformSetting,
  useClearSetting,
  useMySettings,
  usePlatformSettings,
  useSetPlatformSetting,
  useSetSetting,
  useSettings,
} from './use-settings.js';

const value = (list: { items: { key: string; value: unknown }[] } | undefined, key: string) =>
  list?.items.find((s) => s.key === key)?.value;

describe('settings', () => {
  const msw = useMockServer();

  it('resolves the waterfall with provenance and follows changes at every level', async () => {
    msw.mock({
      scenario: {
        ...acmeScenario,
        groups: [
          { id: 'grp_ops', orgId: 'org_acme', name: 'Ops', memberIds: ['usr_mia'], roles: [] },
        ],
      },
    });
    const { result } = renderHook(
      () => ({
        org: useSettings(),
        mia: useSettings('org_acme', { userId: 'usr_mia' }),
        set: useSetSetting('org_acme'),
        clear: useClearSetting('org_acme'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.org.isSuccess).toBe(true));
    const theme = result.current.org.data?.items.find((s) => s.key === 'theme');
    expect(theme).toMatchObject({
      value: 'system',
      isDefault: true,
      source: { level: 'platform' },
    });

    await act(() => result.current.set.mutateAsync({ key: 'theme', value: 'dark' }));
    await act(() =>
      result.current.set.mutateAsync({
        key: 'theme',
        value: 'light',
        level: 'group',
        targetId: 'grp_ops',
      }),
    );
    await waitFor(() => expect(value(result.current.org.data, 'theme')).toBe('dark'));
    await waitFor(() => expect(value(result.current.mia.data, 'theme')).toBe('light'));
    expect(result.current.mia.data?.items.find((s) => s.key === 'theme')?.source).toEqual({
      level: 'group',
      id: 'grp_ops',
    });

    await act(() =>
      result.current.set.mutateAsync({ key: 'invitation_ttl_hours', value: 24, locked: true }),
    );
    await act(() =>
      result.current.set
        .mutateAsync({ key: 'invitation_ttl_hours', value: 48, level: 'user', targetId: 'usr_mia' })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.set.error?.code).toBe('SETTING_LOCKED'));
    await act(() =>
      result.current.set
        .mutateAsync({ key: 'session_timeout_minutes', value: 1 })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.set.error?.code).toBe('INVALID_SETTING_VALUE'));
    expect(result.current.set.error?.fieldErrors[0]?.path).toBe('value');

    await act(() => result.current.clear.mutateAsync({ key: 'theme' }));
    await waitFor(() => expect(value(result.current.org.data, 'theme')).toBe('system'));
  });

  it('reads the caller’s own settings and refuses the platform level to others', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const { result } = renderHook(
      () => ({
        mine: useMySettings(),
        platform: usePlatformSettings(),
        set: useSetSetting('org_acme'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.mine.isSuccess).toBe(true));
    expect(result.current.mine.data?.level).toEqual({ level: 'user', id: 'usr_mia' });
    await waitFor(() => expect(result.current.platform.isError).toBe(true));
    await waitFor(() => expect(result.current.platform.error?.status).toBe(403));
    await act(() =>
      result.current.set.mutateAsync({ key: 'theme', value: 'dark' }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.set.error?.code).toBe('FORBIDDEN'));
  });
});

describe('platform settings', () => {
  const msw = useMockServer();

  it('platform admins set, lock and clear platform values; orgs follow', async () => {
    msw.mock({
      scenario: {
        ...acmeScenario,
        users: acmeScenario.users.map((u) =>
          u.id === 'usr_olivia' ? { ...u, platformAdmin: true } : u,
        ),
      },
    });
    const { result } = renderHook(
      () => ({
        set: useSetPlatformSetting(),
        clear: useClearPlatformSetting(),
        platform: usePlatformSettings(),
        org: useSettings(),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.org.isSuccess).toBe(true));
    await act(() => result.current.set.mutateAsync({ key: 'theme', value: 'dark', locked: true }));
    await waitFor(() => expect(value(result.current.platform.data, 'theme')).toBe('dark'));
    await waitFor(() => expect(value(result.current.org.data, 'theme')).toBe('dark'));
    await act(() => result.current.clear.mutateAsync({ key: 'theme' }));
    await waitFor(() => expect(value(result.current.org.data, 'theme')).toBe('system'));
  });

  it('refuses everyone else', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_adam') });
    const { result } = renderHook(() => useSetPlatformSetting(), orgkitWrapper());
    await act(() =>
      result.current.mutateAsync({ key: 'theme', value: 'dark' }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.error?.status).toBe(403));
  });
});
