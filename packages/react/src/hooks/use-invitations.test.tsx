import { act, renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useCreateInvitations } from './use-create-invitations.js';
import { useInvitations } from './use-invitations.js';
import { useResendInvitation } from './use-resend-invitation.js';
import { useRevokeInvitation } from './use-revoke-invitation.js';

describe('useInvitations', () => {
  const msw = useMockServer();

  it('lists invitations newest first and filters by status', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ all: useInvitations(), pending: useInvitations('org_acme', { status: 'revoked' }) }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.all.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.pending.isSuccess).toBe(true));
    expect(result.current.all.invitations.map((i) => i.email)).toEqual([
      'otto@acme.test',
      'nora@acme.test',
    ]);
    expect(result.current.pending.invitations).toEqual([]);
  });

  it('invites a pasted list with a result per address', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ list: useInvitations(), create: useCreateInvitations('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const { results } = await act(() =>
      result.current.create.mutateAsync({
        emails: 'new1@acme.test, MIA@acme.test\nnot-an-address; new2@acme.test',
        roles: ['viewer'],
      }),
    );
    expect(results.map((r) => [r.email, r.result])).toEqual([
      ['new1@acme.test', 'invited'],
      ['mia@acme.test', 'already_member'],
      ['not-an-address', 'invalid'],
      ['new2@acme.test', 'invited'],
    ]);
    await waitFor(() => expect(result.current.list.invitations).toHaveLength(4));
  });

  it('refuses roles the inviter cannot give', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_adam', 'org_acme') });
    const { result } = renderHook(() => useCreateInvitations('org_acme'), orgkitWrapper());
    await act(() =>
      result.current
        .mutateAsync({ emails: ['x@acme.test'], roles: ['owner'] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('OWNER_ROLE_REQUIRES_TRANSFER');
  });

  it('revokes at once and rolls back when refused', async () => {
    msw.mock(
      {},
      http.delete(`${TEST_BASE_URL}/v1/organizations/org_acme/invitations/inv_new2`, () =>
        problemResponse(409, 'CONFLICT', 'This invitation is already accepted.'),
      ),
    );
    const { result } = renderHook(
      () => ({ list: useInvitations(), revoke: useRevokeInvitation('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(() => result.current.revoke.mutateAsync({ invitationId: 'inv_new1' }));
    expect(result.current.list.invitations.find((i) => i.id === 'inv_new1')?.status).toBe(
      'revoked',
    );
    await act(() =>
      result.current.revoke.mutateAsync({ invitationId: 'inv_new2' }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.revoke.error?.code).toBe('CONFLICT'));
    expect(result.current.list.invitations.find((i) => i.id === 'inv_new2')?.status).toBe(
      'pending',
    );
  });

  it('resends with a new expiry', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ list: useInvitations(), resend: useResendInvitation('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const before = result.current.list.invitations.find((i) => i.id === 'inv_new1')!.expiresAt;
    const after = await act(() => result.current.resend.mutateAsync({ invitationId: 'inv_new1' }));
    expect(after.expiresAt).not.toBe(before);
    expect(result.current.list.invitations.find((i) => i.id === 'inv_new1')?.expiresAt).toBe(
      after.expiresAt,
    );
  });

  it('is forbidden to a plain member', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const { result } = renderHook(() => useInvitations(), orgkitWrapper());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('FORBIDDEN');
  });
});
