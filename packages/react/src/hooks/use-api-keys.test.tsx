import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import {
  useApiKeys,
  useCreateApiKey,
  useOrgApiKeys,
  useRevokeApiKey,
  useRevokeOrgApiKey,
} from './use-api-keys.js';

describe('API keys', () => {
  const msw = useMockServer();

  it('creates a key whose secret is shown once and never cached, then revokes it', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const { wrapper, queryClient } = orgkitWrapper();
    const { result } = renderHook(
      () => ({ keys: useApiKeys(), create: useCreateApiKey(), revoke: useRevokeApiKey() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.keys.isSuccess).toBe(true));
    const created = await act(() =>
      result.current.create.mutateAsync({
        name: 'CI',
        orgId: 'org_acme',
        scopes: ['members:read'],
      }),
    );
    expect(created.secret).toMatch(/^ok_[0-9a-f]+_/);
    await waitFor(() =>
      expect(result.current.keys.data?.map((k) => [k.name, k.status])).toEqual([['CI', 'active']]),
    );
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain(created.secret!);

    await act(() => result.current.revoke.mutateAsync({ keyId: created.apiKey.id }));
    await waitFor(() => expect(result.current.keys.data?.[0]?.status).toBe('revoked'));
  });

  it('refuses scopes beyond the caller’s permissions', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const { result } = renderHook(() => useCreateApiKey(), orgkitWrapper());
    await act(() =>
      result.current
        .mutateAsync({ name: 'Too much', orgId: 'org_acme', scopes: ['members:remove'] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.error?.code).toBe('PERMISSION_ESCALATION'));
    await act(() =>
      result.current.mutateAsync({ name: 'Typo', scopes: ['members:raed'] }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.error?.code).toBe('UNKNOWN_PERMISSION'));
  });

  it('lets an admin see and revoke the org’s keys', async () => {
    const api = msw.mock({ scenario: signedInAs(acmeScenario, 'usr_olivia', 'org_acme') });
    api.db.apiKeys.push({
      id: 'key_mia',
      userId: 'usr_mia',
      name: 'Mia laptop',
      prefix: 'abc',
      orgId: null,
      scopes: null,
      createdAt: new Date('2026-02-01T00:00:00Z'),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    const { result } = renderHook(
      () => ({ keys: useOrgApiKeys('org_acme'), revoke: useRevokeOrgApiKey('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.keys.isSuccess).toBe(true));
    expect(result.current.keys.data?.map((k) => [k.name, k.user.email])).toEqual([
      ['Mia laptop', 'mia@acme.test'],
    ]);
    await act(() => result.current.revoke.mutateAsync({ keyId: 'key_mia' }));
    await waitFor(() => expect(result.current.keys.data?.[0]?.status).toBe('revoked'));
    api.signInAs('usr_mia', 'org_acme');
    const forbidden = renderHook(() => useOrgApiKeys('org_acme'), orgkitWrapper());
    await waitFor(() => expect(forbidden.result.current.error?.status).toBe(403));
  });
});
