import { act, renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { orgkitKeys } from '../queries/orgkit-keys.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useCan } from './use-can.js';
import { useCreateMember } from './use-create-member.js';
import { useMember } from './use-member.js';
import { useMembers } from './use-members.js';
import { useRemoveMember } from './use-remove-member.js';
import { useResetMemberPassword } from './use-reset-member-password.js';
import { useTransferOwnership } from './use-transfer-ownership.js';
import { useUpdateMember } from './use-update-member.js';

const names = (members: { name: string }[]) => members.map((m) => m.name);

describe('useMembers', () => {
  const msw = useMockServer();

  it('lists the active org’s members by name and pages through cursors', async () => {
    msw.mock();
    const { result } = renderHook(() => useMembers(undefined, { limit: 4 }), orgkitWrapper());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(names(result.current.members)).toEqual([
      'Adam Admin',
      'Bill Board',
      'Dana Disabled',
      'Mia Member',
    ]);
    expect(result.current.hasNextPage).toBe(true);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.members).toHaveLength(6));
    expect(names(result.current.members).slice(4)).toEqual(['Olivia Owner', 'Vic Viewer']);
    expect(result.current.hasNextPage).toBe(false);
  });

  it('filters by search, role and status and sorts', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({
        search: useMembers('org_acme', { search: 'vie' }),
        role: useMembers('org_acme', { role: 'billing_contact' }),
        disabled: useMembers('org_acme', { status: 'disabled' }),
        byJoined: useMembers('org_acme', { sort: 'joinedAt', order: 'desc', limit: 2 }),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.byJoined.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.disabled.isSuccess).toBe(true));
    expect(names(result.current.search.members)).toEqual(['Vic Viewer']);
    expect(names(result.current.role.members)).toEqual(['Bill Board']);
    expect(result.current.disabled.members.map((m) => [m.name, m.status])).toEqual([
      ['Dana Disabled', 'disabled'],
    ]);
    expect(names(result.current.byJoined.members)).toEqual(['Dana Disabled', 'Bill Board']);
  });

  it('is forbidden to someone without members:read', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_bill', 'org_acme') });
    const { result } = renderHook(() => useMembers(), orgkitWrapper());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.status).toBe(403);
    expect(result.current.error?.code).toBe('FORBIDDEN');
  });

  it('hides an organization the caller does not belong to (404)', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_gina', 'org_globex') });
    const { result } = renderHook(() => useMembers('org_acme'), orgkitWrapper());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('NOT_FOUND');
  });
});

describe('member mutations', () => {
  const msw = useMockServer();

  it('shows a role change at once and keeps the server’s answer', async () => {
    // The server's answer waits until the test has seen the optimistic state.
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    msw.mock(
      {},
      http.patch(`${TEST_BASE_URL}/v1/organizations/:orgId/members/:userId`, async () => {
        await answered;
        return undefined;
      }),
    );
    const { result } = renderHook(
      () => ({ list: useMembers('org_acme'), update: useUpdateMember('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.update.mutateAsync({ userId: 'usr_mia', roles: ['admin'] });
    });
    await waitFor(() =>
      expect(result.current.list.members.find((m) => m.userId === 'usr_mia')?.roles).toEqual([
        'admin',
      ]),
    );
    expect(result.current.update.isPending).toBe(true);
    release();
    await act(() => done);
    expect(result.current.list.members.find((m) => m.userId === 'usr_mia')?.roles).toEqual([
      'admin',
    ]);
  });

  it('rolls back when the server refuses (the owner cannot be demoted)', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ list: useMembers('org_acme'), update: useUpdateMember('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(() =>
      result.current.update
        .mutateAsync({ userId: 'usr_olivia', roles: ['member'] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.update.isError).toBe(true));
    await waitFor(() => expect(result.current.update.error?.status).toBe(409));
    await waitFor(() => expect(result.current.update.error?.code).toBe('OWNER_CANNOT_BE_DEMOTED'));
    expect(result.current.list.members.find((m) => m.userId === 'usr_olivia')?.roles).toEqual([
      'owner',
    ]);
  });

  it('refuses an admin giving a role above their own (escalation guard)', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const { result } = renderHook(() => useUpdateMember('org_acme'), orgkitWrapper());
    await act(() =>
      result.current.mutateAsync({ userId: 'usr_vic', roles: ['admin'] }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.error?.code).toBe('FORBIDDEN'));
  });

  it('disables a member and updates the cached detail', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ one: useMember('org_acme', 'usr_vic'), update: useUpdateMember('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.one.data?.status).toBe('active'));
    await act(() => result.current.update.mutateAsync({ userId: 'usr_vic', status: 'disabled' }));
    expect(result.current.one.data?.status).toBe('disabled');
  });

  it('removes a member at once, and brings them back if refused', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ list: useMembers('org_acme'), remove: useRemoveMember('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(() => result.current.remove.mutateAsync({ userId: 'usr_vic' }));
    expect(names(result.current.list.members)).not.toContain('Vic Viewer');
    await act(() =>
      result.current.remove.mutateAsync({ userId: 'usr_olivia' }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.remove.error?.code).toBe('OWNER_CANNOT_BE_REMOVED'));
    expect(names(result.current.list.members)).toContain('Olivia Owner');
  });

  it('creates a member and refreshes the lists', async () => {
    msw.mock();
    const { result, rerender } = renderHook(
      () => ({ list: useMembers('org_acme'), create: useCreateMember('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const created = await act(() =>
      result.current.create.mutateAsync({
        email: 'Zed@Acme.test',
        name: 'Zed Zero',
        roles: ['member'],
      }),
    );
    expect(created).toMatchObject({ email: 'zed@acme.test', status: 'invited', roles: ['member'] });
    rerender();
    await waitFor(() => expect(names(result.current.list.members)).toContain('Zed Zero'));
    await act(() =>
      result.current.create
        .mutateAsync({ email: 'zed@acme.test', name: 'Zed Again', roles: [] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.create.error?.code).toBe('EMAIL_TAKEN'));
  });

  it('transfers ownership and refreshes the caller’s permissions', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({
        canTransfer: useCan('organization:transfer_ownership'),
        transfer: useTransferOwnership('org_acme'),
        reset: useResetMemberPassword('org_acme'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.canTransfer.allowed).toBe(true));
    await act(() => result.current.reset.mutateAsync({ userId: 'usr_mia' }));
    expect(result.current.reset.isSuccess).toBe(true);
    const outcome = await act(() => result.current.transfer.mutateAsync({ userId: 'usr_adam' }));
    expect(outcome.previousOwner.roles).toEqual(['admin']);
    expect(outcome.newOwner.roles).toEqual(['owner']);
    // Olivia is an Admin now: the permission is gone without a reload.
    await waitFor(() => expect(result.current.canTransfer.allowed).toBe(false));
    await act(() =>
      result.current.transfer.mutateAsync({ userId: 'usr_mia' }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.transfer.error?.code).toBe('FORBIDDEN'));
  });

  it('invalidates only the changed organization’s member queries', async () => {
    msw.mock();
    const { wrapper, queryClient } = orgkitWrapper();
    const { result } = renderHook(
      () => ({
        acme: useMembers('org_acme'),
        globex: useMembers('org_globex'),
        update: useUpdateMember('org_acme'),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.globex.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.acme.isSuccess).toBe(true));
    await act(() => result.current.update.mutateAsync({ userId: 'usr_vic', roles: ['member'] }));
    expect(queryClient.getQueryState(orgkitKeys.members.list('org_globex'))?.isInvalidated).toBe(
      false,
    );
    expect(msw.log.count('GET /v1/organizations/org_globex/members')).toBe(1);
    await waitFor(() => expect(msw.log.count('GET /v1/organizations/org_acme/members')).toBe(2));
  });
});
