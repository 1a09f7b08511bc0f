import { OrgkitError } from '@orgkit/sdk';
import { act, renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useOrganizations } from './use-organizations.js';
import { useSession } from './use-session.js';
import { useSignIn } from './use-sign-in.js';
import { useSignOut } from './use-sign-out.js';

describe('useSession', () => {
  const msw = useMockServer();

  it('answers the signed-in user', async () => {
    msw.mock();
    const { result } = renderHook(() => useSession(), orgkitWrapper());
    expect(result.current.isSignedIn).toBe(false);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.user).toMatchObject({ id: 'usr_olivia', email: 'olivia@acme.test' });
    expect(result.current.isSignedIn).toBe(true);
  });

  it('answers null when signed out', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, null) });
    const { result } = renderHook(() => useSession(), orgkitWrapper());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.user).toBeNull();
    expect(result.current.isSignedIn).toBe(false);
  });

  it('surfaces a server failure as an OrgkitError with its code', async () => {
    msw.mock(
      {},
      http.get(`${TEST_BASE_URL}/v1/auth/session`, () =>
        problemResponse(503, 'INTERNAL', 'Down for maintenance.'),
      ),
    );
    const { result } = renderHook(() => useSession(), orgkitWrapper());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(OrgkitError);
    expect(result.current.error?.status).toBe(503);
    expect(result.current.error?.code).toBe('INTERNAL');
    expect(result.current.error?.message).toBe('Down for maintenance.');
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    msw.mock(
      {},
      http.get(`${TEST_BASE_URL}/v1/auth/session`, () => HttpResponse.error()),
    );
    const { result } = renderHook(() => useSession(), orgkitWrapper());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('NETWORK_ERROR');
  });

  it('signs in and out, dropping the previous user’s cached data', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, null) });
    const { result } = renderHook(
      () => ({
        session: useSession(),
        orgs: useOrganizations({ enabled: useSession().isSignedIn }),
        signIn: useSignIn(),
        signOut: useSignOut(),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true));
    expect(result.current.session.user).toBeNull();

    await act(() =>
      result.current.signIn
        .mutateAsync({ email: 'vic@acme.test', password: 'wrong' })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.signIn.error?.code).toBe('INVALID_CREDENTIALS'));

    await act(() =>
      result.current.signIn.mutateAsync({ email: 'vic@acme.test', password: 'password123' }),
    );
    await waitFor(() => expect(result.current.session.user?.id).toBe('usr_vic'));
    await waitFor(() => expect(result.current.orgs.organizations).toHaveLength(1));

    await act(() => result.current.signOut.mutateAsync());
    expect(result.current.session.user).toBeNull();
    expect(result.current.orgs.organizations).toHaveLength(0);
  });
});

describe('useSession after a mocked sign-in', () => {
  const msw = useMockServer();
  it('ignores a session cookie left by another world', async () => {
    const api = msw.mock({ scenario: signedInAs(acmeScenario, null) });
    const first = renderHook(() => useSignIn(), orgkitWrapper());
    await act(() =>
      first.result.current.mutateAsync({ email: 'vic@acme.test', password: 'password123' }),
    );
    first.unmount();
    msw.server.resetHandlers();
    api.signInAs(null);
    msw.mock();
    const { result } = renderHook(() => useSession(), orgkitWrapper());
    await waitFor(() => expect(result.current.user?.id).toBe('usr_olivia'));
  });
});
