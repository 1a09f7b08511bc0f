import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import {
  useAcceptInvitation,
  useConfirmPasswordReset,
  useInvitationPreview,
  useRequestPasswordReset,
  useSignUp,
} from './use-account-flows.js';
import { useOrganizations } from './use-organizations.js';
import { useSession } from './use-session.js';
import { useSignIn } from './use-sign-in.js';

const tokenIn = (text: string) => /token=([^\s&]+)/.exec(text)?.[1] ?? '';

describe('account flows', () => {
  const msw = useMockServer();

  it('previews and accepts an invitation with a new account, signing in', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, null) });
    const { result } = renderHook(
      () => ({
        preview: useInvitationPreview('tok_nora_invitation'),
        accept: useAcceptInvitation(),
        session: useSession(),
        orgs: useOrganizations({ enabled: useSession().isSignedIn }),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.preview.isSuccess).toBe(true));
    expect(result.current.preview.data).toMatchObject({
      email: 'nora@acme.test',
      organization: { id: 'org_acme', name: 'Acme' },
      inviterName: 'Olivia Owner',
      roles: ['member'],
      accountExists: false,
    });
    await act(() =>
      result.current.accept
        .mutateAsync({ token: 'tok_nora_invitation', password: 'nora-password' })
        .catch(() => undefined),
    );
    expect(result.current.accept.error?.fieldErrors.map((e) => e.path)).toEqual(['name']);
    const joined = await act(() =>
      result.current.accept.mutateAsync({
        token: 'tok_nora_invitation',
        name: 'Nora',
        password: 'nora-password',
      }),
    );
    expect(joined.member).toMatchObject({ email: 'nora@acme.test', roles: ['member'] });
    await waitFor(() => expect(result.current.session.user?.email).toBe('nora@acme.test'));
    await waitFor(() =>
      expect(result.current.orgs.organizations.map((m) => m.organization.id)).toEqual(['org_acme']),
    );
  });

  it('reports a used or unknown link', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, null) });
    const { result } = renderHook(() => useInvitationPreview('not-a-real-token'), orgkitWrapper());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.code).toBe('TOKEN_INVALID');
  });

  it('signs up, and resets a password through the mailed link', async () => {
    const api = msw.mock({ scenario: signedInAs(acmeScenario, null) });
    const { result } = renderHook(
      () => ({
        signUp: useSignUp(),
        session: useSession(),
        request: useRequestPasswordReset(),
        confirm: useConfirmPasswordReset(),
        signIn: useSignIn(),
      }),
      orgkitWrapper(),
    );
    await act(() =>
      result.current.signUp.mutateAsync({
        email: 'zoe@new.test',
        password: 'zoe-password',
        name: 'Zoe',
      }),
    );
    await waitFor(() => expect(result.current.session.user?.email).toBe('zoe@new.test'));
    await act(() =>
      result.current.signUp
        .mutateAsync({ email: 'zoe@new.test', password: 'zoe-password', name: 'Zoe' })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.signUp.error?.code).toBe('EMAIL_TAKEN'));

    await act(() => result.current.request.mutateAsync({ email: 'mia@acme.test' }));
    const mail = api.db.outbox.find((m) => m.to === 'mia@acme.test');
    expect(mail?.subject).toBe('Reset your password');
    await act(() =>
      result.current.confirm.mutateAsync({
        token: tokenIn(mail!.text),
        password: 'mia-new-password',
      }),
    );
    await act(() =>
      result.current.confirm
        .mutateAsync({ token: tokenIn(mail!.text), password: 'again-password' })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.confirm.error?.code).toBe('TOKEN_INVALID'));
    await act(() =>
      result.current.signIn.mutateAsync({ email: 'mia@acme.test', password: 'mia-new-password' }),
    );
    await waitFor(() => expect(result.current.session.user?.email).toBe('mia@acme.test'));
  });
});
