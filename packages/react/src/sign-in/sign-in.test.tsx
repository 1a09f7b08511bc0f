import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { fr } from '../locale/fr.js';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { SignIn } from './sign-in.js';
import { SignInEmail, SignInForm, SignInPassword, SignInSubmit } from './sign-in-parts.js';
import { SignInRoot } from './sign-in-root.js';

const signedOut = signedInAs(acmeScenario, null);

describe('SignIn', () => {
  const msw = useMockServer();

  it('signs in with e-mail and password and reports the session', async () => {
    msw.mock({ scenario: signedOut });
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(<SignIn onSignedIn={onSignedIn} />, orgkitWrapper());
    const form = screen.getByRole('form', { name: 'Sign in' });
    const email = within(form).getByLabelText('E-mail');
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(within(form).getByLabelText('Password')).toHaveAttribute(
      'autocomplete',
      'current-password',
    );
    await user.type(email, 'vic@acme.test');
    await user.type(within(form).getByLabelText('Password'), 'password123');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(onSignedIn.mock.calls[0]![0]).toMatchObject({
      user: { id: 'usr_vic', email: 'vic@acme.test' },
      isNewAccount: false,
    });
  });

  it('shows wrong credentials as an announced form error and refocuses the password', async () => {
    msw.mock({ scenario: signedOut });
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(<SignIn onSignedIn={onSignedIn} defaultEmail="vic@acme.test" />, orgkitWrapper());
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong e-mail or password.');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('checks the fields before sending, and puts the server’s field errors on their field', async () => {
    msw.mock({ scenario: signedOut });
    const user = userEvent.setup();
    render(<SignIn />, orgkitWrapper());
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('E-mail');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your e-mail address.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(email).toHaveFocus();
    expect(msw.log.count('POST /v1/auth/sign-in')).toBe(0);

    await user.type(email, 'vic@acme');
    expect(email).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(email).toHaveAccessibleDescription(
      'Enter a valid e-mail address, like ada@example.com.',
    );
  });

  it('maps a 422 from the server to the field it names', async () => {
    msw.mock(
      { scenario: signedOut },
      http.post(`${TEST_BASE_URL}/v1/auth/sign-in`, () =>
        problemResponse(422, 'VALIDATION_FAILED', 'Invalid body.', {
          errors: [{ in: 'json', path: 'email', message: 'Invalid email', code: 'invalid_format' }],
        }),
      ),
    );
    const user = userEvent.setup();
    render(<SignIn defaultEmail="vic@acme.test" />, orgkitWrapper());
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription(
        'Enter a valid e-mail address, like ada@example.com.',
      ),
    );
    expect(screen.getByLabelText('E-mail')).toHaveFocus();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('answers a reset request with the same neutral confirmation, account or not', async () => {
    const api = msw.mock({ scenario: signedOut });
    const user = userEvent.setup();
    render(<SignIn />, orgkitWrapper());
    await user.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    const form = screen.getByRole('form', { name: 'Reset your password' });
    const email = within(form).getByLabelText('E-mail');
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute('autocomplete', 'email');
    expect(screen.queryByLabelText('Password')).toBeNull();

    await user.type(email, 'mia@acme.test');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    const known = await screen.findByRole('status');
    expect(known).toHaveFocus();
    const text = known.textContent!.replace('mia@acme.test', '<email>');
    expect(api.db.outbox.map((m) => m.to)).toEqual(['mia@acme.test']);

    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(screen.getByLabelText('E-mail')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    const again = screen.getByLabelText('E-mail');
    await user.clear(again);
    await user.type(again, 'ghost@acme.test');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    const unknown = await screen.findByRole('status');
    expect(unknown.textContent!.replace('ghost@acme.test', '<email>')).toBe(text);
    expect(api.db.outbox).toHaveLength(1);
  });

  it('creates an account in place when sign-up is allowed', async () => {
    msw.mock({ scenario: signedOut });
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(<SignIn allowSignUp onSignedIn={onSignedIn} />, orgkitWrapper());
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    const form = screen.getByRole('form', { name: 'Create an account' });
    expect(within(form).getByLabelText('Name')).toHaveFocus();
    expect(within(form).getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
    await user.type(within(form).getByLabelText('Name'), 'Zoe');
    await user.type(within(form).getByLabelText('E-mail'), 'mia@acme.test');
    await user.type(within(form).getByLabelText('Password'), 'short');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(within(form).getByLabelText('Password')).toHaveAccessibleDescription(
      'This password is too short. At least 8 characters.',
    );
    await user.type(within(form).getByLabelText('Password'), '-but-longer');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(within(form).getByLabelText('E-mail')).toHaveAccessibleDescription(
        'An account with this e-mail already exists. Sign in instead.',
      ),
    );
    const email = within(form).getByLabelText('E-mail');
    await user.clear(email);
    await user.type(email, 'zoe@new.test');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    await waitFor(() =>
      expect(onSignedIn).toHaveBeenCalledWith(
        expect.objectContaining({
          isNewAccount: true,
          user: expect.objectContaining({ name: 'Zoe' }),
        }),
      ),
    );
  });

  it('links to the host’s sign-up page, and hides what is not offered', () => {
    msw.mock({ scenario: signedOut });
    render(<SignIn signUpHref="/join" allowPasswordReset={false} />, orgkitWrapper());
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/join',
    );
    expect(screen.queryByRole('button', { name: 'Forgot your password?' })).toBeNull();
  });

  it('says when the account is disabled', async () => {
    msw.mock({
      scenario: {
        ...signedOut,
        users: signedOut.users.map((u) =>
          u.id === 'usr_dana' ? { ...u, status: 'disabled' as const } : u,
        ),
      },
    });
    const user = userEvent.setup();
    render(<SignIn defaultEmail="dana@acme.test" />, orgkitWrapper());
    await user.type(screen.getByLabelText('Password'), 'password123{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('This account is disabled.');
  });

  it('shows a rate limit in the locale’s words', async () => {
    msw.mock(
      { scenario: signedOut },
      http.post(`${TEST_BASE_URL}/v1/auth/sign-in`, () =>
        problemResponse(429, 'RATE_LIMITED', 'Too many requests.'),
      ),
    );
    const user = userEvent.setup();
    render(<SignIn defaultEmail="dana@acme.test" />, orgkitWrapper({ locale: fr }));
    await user.type(screen.getByLabelText('Mot de passe'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Trop de tentatives. Patientez une minute, puis réessayez.',
    );
  });

  it('composes from parts', async () => {
    msw.mock({ scenario: signedOut });
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(
      <SignInRoot onSignedIn={onSignedIn} className="mine">
        <SignInForm className="form">
          <SignInEmail className="field" />
          <SignInPassword />
          <SignInSubmit>Go</SignInSubmit>
        </SignInForm>
      </SignInRoot>,
      orgkitWrapper(),
    );
    await user.type(screen.getByLabelText('E-mail'), 'mia@acme.test');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(document.querySelector('.mine')).toHaveAttribute('data-state', 'success');
  });
});
