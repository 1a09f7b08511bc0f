import { act, renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { resolveActiveOrgId } from '../lib/resolve-active-org.js';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { ACTIVE_ORG_STORAGE_KEY } from '../provider/orgkit-provider.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { memoryStorage, orgkitWrapper } from '../test-support/wrapper.js';
import { useCan } from './use-can.js';
import { useOrgSwitcher } from './use-org-switcher.js';

describe('useOrgSwitcher', () => {
  const msw = useMockServer();

  it('lists the caller’s organizations with the session’s active one', async () => {
    msw.mock();
    const { result } = renderHook(() => useOrgSwitcher(), orgkitWrapper());
    expect(result.current.status).toBe('pending');
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.organizations.map((m) => [m.organization.name, m.roles])).toEqual([
      ['Acme', ['owner']],
      ['Globex', ['member']],
    ]);
    expect(result.current.activeOrgId).toBe('org_acme');
    expect(result.current.source).toBe('session');
    expect(result.current.needsChoice).toBe(false);
  });

  it('asks a user in several organizations to choose at sign-in', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_olivia', null) });
    const { result } = renderHook(() => useOrgSwitcher(), orgkitWrapper());
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.activeOrgId).toBeNull();
    expect(result.current.needsChoice).toBe(true);
  });

  it('picks the only organization of a single-org user', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', null) });
    const { result } = renderHook(() => useOrgSwitcher(), orgkitWrapper());
    await waitFor(() => expect(result.current.activeOrgId).toBe('org_acme'));
    expect(result.current.source).toBe('only');
    expect(result.current.needsChoice).toBe(false);
  });

  it('switches at once, saves the choice on the server and remembers it on the device', async () => {
    const api = msw.mock({ scenario: signedInAs(acmeScenario, 'usr_olivia', null) });
    const storage = memoryStorage();
    const { result } = renderHook(
      () => ({ switcher: useOrgSwitcher(), canUpdate: useCan('members:update') }),
      orgkitWrapper({ storage }),
    );
    await waitFor(() => expect(result.current.switcher.needsChoice).toBe(true));
    await act(() => result.current.switcher.switchTo('org_globex'));
    expect(result.current.switcher.activeOrg?.organization.name).toBe('Globex');
    expect(api.db.ambient?.activeOrgId).toBe('org_globex');
    expect(JSON.parse(storage.data.get(ACTIVE_ORG_STORAGE_KEY)!)).toEqual({
      userId: 'usr_olivia',
      orgId: 'org_globex',
    });
    await waitFor(() => expect(result.current.canUpdate.status).toBe('success'));
    expect(result.current.canUpdate.allowed).toBe(false); // a plain member in Globex

    // A new sign-in on this device starts in the remembered organization.
    api.signInAs('usr_olivia', null);
    const again = renderHook(() => useOrgSwitcher(), orgkitWrapper({ storage }));
    await waitFor(() => expect(again.result.current.activeOrgId).toBe('org_globex'));
    expect(again.result.current.source).toBe('remembered');
  });

  it('goes back to the previous organization when the server refuses the switch', async () => {
    msw.mock(
      {},
      http.put(`${TEST_BASE_URL}/v1/me/active-organization`, () =>
        problemResponse(404, 'NOT_FOUND', 'Organization not found.'),
      ),
    );
    const { result } = renderHook(() => useOrgSwitcher(), orgkitWrapper());
    await waitFor(() => expect(result.current.activeOrgId).toBe('org_acme'));
    let error: unknown;
    await act(async () => {
      try {
        await result.current.switchTo('org_globex');
      } catch (e) {
        error = e;
      }
    });
    expect((error as { code?: string }).code).toBe('NOT_FOUND');
    expect(result.current.activeOrgId).toBe('org_acme');
  });

  it('lets the host control the active organization', async () => {
    msw.mock();
    const { result } = renderHook(() => useOrgSwitcher(), orgkitWrapper({ orgId: 'org_globex' }));
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.activeOrgId).toBe('org_globex');
    expect(result.current.source).toBe('controlled');
  });

  it('reports a failed list', async () => {
    msw.mock(
      {},
      http.get(`${TEST_BASE_URL}/v1/me/organizations`, () =>
        problemResponse(500, 'INTERNAL', 'Something went wrong on our side.'),
      ),
    );
    const { result } = renderHook(() => useOrgSwitcher(), orgkitWrapper());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error?.code).toBe('INTERNAL');
    expect(result.current.organizations).toEqual([]);
  });

  it('keeps a client org the caller manages without being a member of it (partner view)', async () => {
    const api = msw.mock({ scenario: signedInAs(acmeScenario, 'usr_adam', 'org_acme') });
    const { result } = renderHook(
      () => ({ switcher: useOrgSwitcher(), canInvite: useCan('invitations:create') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.switcher.activeOrgId).toBe('org_acme'));
    // Adam is an Admin of the partner Acme, not a member of its client Acme Europe.
    await act(() => result.current.switcher.switchTo('org_acme_eu'));
    await waitFor(() => expect(result.current.switcher.activeOrgId).toBe('org_acme_eu'));
    expect(result.current.switcher.source).toBe('selected');
    expect(api.db.ambient?.activeOrgId).toBe('org_acme_eu');
    await waitFor(() => expect(result.current.canInvite.allowed).toBe(true)); // inherited
    // A new tab starts from the session's choice, once the partner forest confirms it.
    const again = renderHook(() => useOrgSwitcher(), orgkitWrapper());
    await waitFor(() => expect(again.result.current.activeOrgId).toBe('org_acme_eu'));
    expect(again.result.current.source).toBe('session');
  });

  it('does not keep an org the caller can neither join nor manage', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_globex') });
    const { result } = renderHook(() => useOrgSwitcher(), orgkitWrapper());
    await waitFor(() => expect(result.current.status).toBe('success'));
    await waitFor(() => expect(result.current.source).toBe('only'));
    expect(result.current.activeOrgId).toBe('org_acme');
  });
});

describe('resolveActiveOrgId', () => {
  const base = {
    controlled: undefined,
    selected: undefined,
    sessionOrgId: null,
    remembered: undefined,
    userId: 'u1',
    orgIds: ['a', 'b'],
  };
  it('ignores a remembered choice of another user or of an org the user left', () => {
    expect(
      resolveActiveOrgId({ ...base, remembered: { userId: 'u2', orgId: 'a' } }).orgId,
    ).toBeNull();
    expect(
      resolveActiveOrgId({ ...base, remembered: { userId: 'u1', orgId: 'z' } }).orgId,
    ).toBeNull();
    expect(resolveActiveOrgId({ ...base, remembered: { userId: 'u1', orgId: 'b' } })).toEqual({
      orgId: 'b',
      source: 'remembered',
    });
  });
  it('prefers this tab’s choice over the session and the session over the device', () => {
    const input = {
      ...base,
      selected: 'a',
      sessionOrgId: 'b',
      remembered: { userId: 'u1', orgId: 'b' },
    };
    expect(resolveActiveOrgId(input).orgId).toBe('a');
    expect(
      resolveActiveOrgId({
        ...input,
        selected: undefined,
        remembered: { userId: 'u1', orgId: 'a' },
      }).orgId,
    ).toBe('b');
    expect(resolveActiveOrgId({ ...base, orgIds: undefined }).source).toBe('pending');
  });
});
