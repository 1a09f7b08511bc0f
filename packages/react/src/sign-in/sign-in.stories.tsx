import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, HttpResponse, http } from 'msw';
import { expect, userEvent, within } from 'storybook/test';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { mockApi, world } from '../story-support/story-handlers.js';
import { SignIn } from './sign-in.js';

const signedOut = () => mockApi(signedInAs(acmeScenario, null));

/**
 * Sign-in for Orgkit's built-in auth. Mock accounts: `mia@acme.test` (and the other Acme users)
 * with the password `password123`. Errors from the server land on their field, wrong credentials
 * in an announced form error; the reset request always answers with the same neutral
 * confirmation.
 */
const meta = {
  title: 'Account/SignIn',
  component: SignIn,
  tags: ['autodocs'],
  parameters: { orgkit: { world: signedOut() } },
} satisfies Meta<typeof SignIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** With a way to create an account in place. */
export const WithSignUp: Story = { args: { allowSignUp: true } };

/** The sign-up mode: name, e-mail and a new password. */
export const SignUp: Story = { args: { allowSignUp: true, defaultMode: 'signUp' } };

/** Linking to the host's own sign-up page, without the password reset. */
export const SignUpLink: Story = { args: { signUpHref: '#sign-up', allowPasswordReset: false } };

/** The "forgot your password?" mode. */
export const ForgotPassword: Story = { args: { defaultMode: 'forgot' } };

/** After a reset request: the same confirmation whether or not the address has an account. */
export const ResetSent: Story = {
  args: { defaultMode: 'forgot', defaultEmail: 'someone@example.com' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Send reset link' }));
    await expect(await canvas.findByRole('status')).toBeInTheDocument();
  },
};

/** Submitted empty: each field says what it needs, the first takes focus. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(canvas.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** A wrong password: an announced form error, focus back on the password. */
export const WrongPassword: Story = {
  args: { defaultEmail: 'mia@acme.test' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Password'), 'not-her-password');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toBeInTheDocument();
  },
};

/** Dana's account is disabled (the whole account, not only her Acme membership). */
export const DisabledAccount: Story = {
  args: { defaultEmail: 'dana@acme.test' },
  parameters: {
    orgkit: {
      world: mockApi({
        ...signedInAs(acmeScenario, null),
        users: acmeScenario.users.map((u) =>
          u.id === 'usr_dana' ? { ...u, status: 'disabled' as const } : u,
        ),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Password'), 'password123');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toBeInTheDocument();
  },
};

/** The request is on its way. */
export const Loading: Story = {
  args: { defaultEmail: 'mia@acme.test' },
  parameters: {
    orgkit: {
      world: world(
        http.post('*/v1/auth/sign-in', async () => {
          await delay('infinite');
          return HttpResponse.json({});
        }),
        signedOut(),
      ),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Password'), 'password123');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('button', { name: 'Signing in…' })).toBeInTheDocument();
  },
};

/** The server failed. */
export const ErrorState: Story = {
  name: 'Error',
  args: { defaultEmail: 'mia@acme.test' },
  parameters: {
    orgkit: {
      world: world(
        http.post('*/v1/auth/sign-in', () =>
          problemResponse(500, 'INTERNAL', 'Something went wrong on our side.'),
        ),
        signedOut(),
      ),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Password'), 'password123');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toBeInTheDocument();
  },
};

/** The server runs in external auth mode: password sign-in is not available. */
export const Unavailable: Story = {
  args: { defaultEmail: 'mia@acme.test' },
  parameters: {
    orgkit: {
      world: world(
        http.post('*/v1/auth/sign-in', () =>
          problemResponse(
            404,
            'FEATURE_DISABLED',
            'Password sign-in is disabled; sign in with the host application.',
          ),
        ),
        signedOut(),
      ),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Password'), 'password123');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('alert')).toBeInTheDocument();
  },
};
