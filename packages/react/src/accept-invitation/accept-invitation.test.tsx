import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { problemResponse } from '../msw/problem.js';
import { signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { AcceptInvitation } from './accept-invitation.js';
import { acceptScenario, invitationTokens } from './accept-invitation-world.js';

describe('AcceptInvitation', () => {
  const msw = useMockServer();

  it('creates the account of a new address and joins', async () => {
    const api = msw.mock({ scenario: acceptScenario });
    const onAccepted = vi.fn();
    const user = userEvent.setup();
    render(
      <AcceptInvitation token={invitationTokens.newAccount} onAccepted={onAccepted} />,
      orgkitWrapper(),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Checking the invitation…');
    const summary = await screen.findByRole('region', { name: 'Join Acme' });
    expect(summary).toHaveTextContent('Olivia Owner invited you to join Acme.');
    expect(summary).toHaveTextContent('nora@acme.test');
    expect(summary).toHaveTextContent('Member');

    const name = screen.getByLabelText('Your name');
    expect(name).toHaveAttribute('autocomplete', 'name');
    const password = screen.getByLabelText('Choose a password');
    expect(password).toHaveAttribute('autocomplete', 'new-password');
    const submit = screen.getByRole('button', { name: 'Create account and join Acme' });
    await user.click(submit);
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription('Enter your name.');
    expect(password).toHaveAccessibleDescription(
      'This password is too short. At least 8 characters.',
    );

    await user.type(name, 'Nora New');
    await user.type(password, 'nora-password');
    await user.click(submit);
    const done = await screen.findByText('You joined Acme.');
    expect(done).toHaveFocus();
    expect(onAccepted).toHaveBeenCalledWith(
      expect.objectContaining({
        organization: expect.objectContaining({ id: 'org_acme' }),
        member: expect.objectContaining({ email: 'nora@acme.test', roles: ['member'] }),
      }),
    );
    expect([...api.db.users.values()].find((u) => u.email === 'nora@acme.test')?.name).toBe(
      'Nora New',
    );
  });

  it('asks an existing account for its password, and shows a wrong one on the field', async () => {
    msw.mock({ scenario: acceptScenario });
    const onAccepted = vi.fn();
    const user = userEvent.setup();
    render(
      <AcceptInvitation token={invitationTokens.existingAccount} onAccepted={onAccepted} />,
      orgkitWrapper(),
    );
    expect(
      await screen.findByText('mia@acme.test already has an account: enter its password to join.'),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Your name')).toBeNull();
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    await user.type(password, 'nope');
    await user.click(screen.getByRole('button', { name: 'Sign in and join Globex' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription('Wrong password.'));
    expect(password).toHaveFocus();
    await user.clear(password);
    await user.type(password, 'password123{Enter}');
    expect(await screen.findByText('You joined Globex.')).toBeInTheDocument();
    expect(onAccepted).toHaveBeenCalledTimes(1);
  });

  it('joins in one click when signed in as the invited address', async () => {
    const api = msw.mock({ scenario: signedInAs(acceptScenario, 'usr_mia') });
    const onAccepted = vi.fn();
    const user = userEvent.setup();
    render(
      <AcceptInvitation token={invitationTokens.existingAccount} onAccepted={onAccepted} />,
      orgkitWrapper(),
    );
    const join = await screen.findByRole('button', { name: 'Join Globex' });
    expect(screen.getByText('You are signed in as mia@acme.test.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.click(join);
    await waitFor(() => expect(onAccepted).toHaveBeenCalledTimes(1));
    expect(api.db.membership('org_globex', 'usr_mia')?.roles).toEqual(['admin']);
  });

  it('explains a different signed-in account and offers to sign out', async () => {
    msw.mock({ scenario: signedInAs(acceptScenario, 'usr_olivia') });
    const user = userEvent.setup();
    render(<AcceptInvitation token={invitationTokens.newAccount} />, orgkitWrapper());
    expect(
      await screen.findByText(
        'This invitation is for nora@acme.test, but you are signed in as olivia@acme.test. Sign out, then open the link again to accept it.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /join/i })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const name = await screen.findByLabelText('Your name');
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Create account and join Acme' })).toBeVisible();
  });

  it.each([
    [invitationTokens.expired, 'expired', 'Invitation expired'],
    [invitationTokens.revoked, 'revoked', 'Invitation withdrawn'],
    [invitationTokens.used, 'used', 'Invitation already accepted'],
    ['tok_not_a_real_one', 'invalid', 'Invalid invitation link'],
  ])('explains a %s link', async (token, state, title) => {
    msw.mock({ scenario: acceptScenario });
    const { container } = render(<AcceptInvitation token={token} />, orgkitWrapper());
    expect(await screen.findByRole('alert')).toHaveTextContent(title);
    expect(container.firstElementChild).toHaveAttribute('data-state', state);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('needs no request for a link without a token', () => {
    msw.mock({ scenario: acceptScenario });
    render(<AcceptInvitation token={null} />, orgkitWrapper());
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid invitation link');
    expect(msw.log.calls.filter((c) => c.includes('/invitations/'))).toEqual([]);
  });

  it('moves to the expired view when the link dies before the accept', async () => {
    msw.mock(
      { scenario: acceptScenario },
      http.post(`${TEST_BASE_URL}/v1/invitations/accept`, () =>
        problemResponse(400, 'TOKEN_EXPIRED', 'This invitation has expired; ask for a new one.'),
      ),
    );
    const user = userEvent.setup();
    render(<AcceptInvitation token={invitationTokens.existingAccount} />, orgkitWrapper());
    await user.type(await screen.findByLabelText('Password'), 'password123{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Invitation expired');
  });

  it('says so when the inviter may no longer invite (403)', async () => {
    msw.mock({ scenario: signedInAs(acceptScenario, 'usr_bill') });
    const user = userEvent.setup();
    render(<AcceptInvitation token={invitationTokens.inviterLostPermission} />, orgkitWrapper());
    await user.click(await screen.findByRole('button', { name: 'Join Globex' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The person who invited you can no longer invite members. Ask for a new invitation.',
    );
  });

  it('retries a failed check', async () => {
    let fail = true;
    msw.mock(
      { scenario: acceptScenario },
      http.get(`${TEST_BASE_URL}/v1/invitations/lookup`, () =>
        fail ? problemResponse(500, 'INTERNAL', 'Down.') : undefined,
      ),
    );
    const user = userEvent.setup();
    render(<AcceptInvitation token={invitationTokens.newAccount} />, orgkitWrapper());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The invitation could not be checked.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Join Acme' })).toBeInTheDocument();
  });
});
