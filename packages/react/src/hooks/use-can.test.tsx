import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { Can } from './can.js';
import { useCan } from './use-can.js';
import { usePermissions } from './use-permissions.js';
import { useUpdateMember } from './use-update-member.js';

describe('useCan', () => {
  const msw = useMockServer();

  it('is false while loading, then answers from the compiled set of the active org', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({
        invite: useCan('invitations:create'),
        deleteOrg: useCan('organization:delete'),
      }),
      orgkitWrapper(),
    );
    expect(result.current.invite).toEqual({ allowed: false, status: 'pending', error: null });
    await waitFor(() => expect(result.current.invite.status).toBe('success'));
    expect(result.current.invite.allowed).toBe(true);
    expect(result.current.deleteOrg.allowed).toBe(true);
  });

  it('answers each role’s view, with one permissions request however many checks', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_vic', 'org_acme') });
    const checks = [
      'members:read',
      'audit_log:read',
      'members:update',
      'invitations:create',
      'organization:delete',
    ] as const;
    const { result } = renderHook(() => checks.map((p) => useCan(p)), orgkitWrapper());
    await waitFor(() => expect(result.current.every((c) => c.status === 'success')).toBe(true));
    expect(result.current.map((c) => c.allowed)).toEqual([true, true, false, false, false]);
    expect(msw.log.count(`GET /v1/me/permissions`)).toBe(1);
  });

  it('checks another organization when asked, and denies where the user is no member', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({
        globex: useCan('members:update', { orgId: 'org_globex' }),
        globexRead: useCan('members:read', { orgId: 'org_globex' }),
        child: useCan('members:update', { orgId: 'org_acme_eu' }),
        unknown: useCan('members:read', { orgId: 'org_nowhere' }),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.unknown.status).not.toBe('pending'));
    await waitFor(() => expect(result.current.globex.status).toBe('success'));
    expect(result.current.globex.allowed).toBe(false); // a plain member there
    expect(result.current.globexRead.allowed).toBe(true);
    await waitFor(() => expect(result.current.child.status).toBe('success'));
    expect(result.current.child.allowed).toBe(true); // Owner of the partner manages its clients
    expect(result.current.unknown).toMatchObject({ allowed: false, status: 'error' });
    await waitFor(() => expect(result.current.unknown.error?.code).toBe('NOT_FOUND'));
  });

  it('surfaces a failed permissions request as an error status', async () => {
    msw.mock(
      {},
      http.get(`${TEST_BASE_URL}/v1/me/permissions`, () =>
        problemResponse(500, 'INTERNAL', 'Something went wrong on our side.'),
      ),
    );
    const { result } = renderHook(() => useCan('members:read'), orgkitWrapper());
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.allowed).toBe(false);
    expect(result.current.error?.status).toBe(500);
  });

  it('is false for signed-out users', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, null) });
    const { result } = renderHook(() => useCan('members:read'), orgkitWrapper());
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.allowed).toBe(false);
  });

  it('follows a change of the signed-in user’s own roles, and only of theirs', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_adam', 'org_acme') });
    const { result } = renderHook(
      () => ({
        canAudit: useCan('audit_log:read'),
        canInvite: useCan('invitations:create'),
        update: useUpdateMember('org_acme'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.canInvite.allowed).toBe(true));
    await act(() => result.current.update.mutateAsync({ userId: 'usr_mia', roles: ['viewer'] }));
    expect(msw.log.count('GET /v1/me/permissions')).toBe(1);

    await act(() => result.current.update.mutateAsync({ userId: 'usr_adam', roles: ['viewer'] }));
    await waitFor(() => expect(result.current.canInvite.allowed).toBe(false));
    expect(result.current.canAudit.allowed).toBe(true);
    expect(msw.log.count('GET /v1/me/permissions')).toBe(2);
  });

  it('decides resource checks from the set when it can', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_vic', 'org_acme') });
    const { result } = renderHook(
      () => ({
        missing: useCan('members:update', { resource: { type: 'members', id: 'usr_mia' } }),
        held: useCan('members:read', { resource: { type: 'members', id: 'usr_mia' } }),
        otherType: useCan('members:read', { resource: { type: 'groups', id: 'g1' } }),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.held.status).toBe('success'));
    expect(result.current.missing.allowed).toBe(false);
    expect(result.current.held.allowed).toBe(true); // members are not ACL-controlled
    expect(result.current.otherType.allowed).toBe(false);
  });
});

describe('usePermissions', () => {
  const msw = useMockServer();
  it('decodes the compiled set', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_bill', 'org_acme') });
    const { result } = renderHook(() => usePermissions(), orgkitWrapper());
    await waitFor(() => expect(result.current.permissions).toBeDefined());
    expect(result.current.orgId).toBe('org_acme');
    expect(result.current.permissions?.list()).toEqual([
      'organization:read',
      'billing:read',
      'billing:update',
    ]);
  });
});

describe('<Can>', () => {
  const msw = useMockServer();
  it('renders children when allowed and the fallback otherwise', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const { wrapper } = orgkitWrapper();
    render(
      <>
        <Can permission="members:read" loading={<p>checking read</p>} fallback={<p>no read</p>}>
          <p>can read</p>
        </Can>
        <Can permission="members:remove" fallback={<p>no remove</p>}>
          <p>can remove</p>
        </Can>
        <Can permission="invitations:create">
          {({ allowed, status }) => <p>{`invite ${status} ${allowed}`}</p>}
        </Can>
      </>,
      { wrapper },
    );
    expect(screen.getByText('checking read')).toBeInTheDocument();
    expect(await screen.findByText('can read')).toBeInTheDocument();
    expect(screen.getByText('no remove')).toBeInTheDocument();
    expect(screen.queryByText('can remove')).not.toBeInTheDocument();
    expect(screen.getByText('invite success false')).toBeInTheDocument();
  });
});
