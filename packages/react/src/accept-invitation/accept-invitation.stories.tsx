import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { signedInAs } from '../msw/scenarios.js';
import { failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { AcceptInvitation } from './accept-invitation.js';
import { acceptScenario, invitationTokens } from './accept-invitation-world.js';

/**
 * The page an invitation e-mail links to. The view follows from the link and the session: a new
 * account (name and password), an existing one (its password), signed in as the invited address
 * (one click), signed in as someone else (sign out first) — or why the link cannot be used.
 * Mock accounts use the password `password123`.
 */
const meta = {
  title: 'Account/AcceptInvitation',
  component: AcceptInvitation,
  tags: ['autodocs'],
  args: { token: invitationTokens.newAccount },
  parameters: { orgkit: { world: mockApi(acceptScenario) } },
} satisfies Meta<typeof AcceptInvitation>;

export default meta;
type Story = StoryObj<typeof meta>;

/** nora@acme.test has no account: name and password create it. */
export const NewAccount: Story = {};

/** mia@acme.test has an account: its password signs in and joins. */
export const ExistingAccount: Story = { args: { token: invitationTokens.existingAccount } };

/** Signed in as the invited address: one click joins. */
export const SignedInAsInvited: Story = {
  args: { token: invitationTokens.existingAccount },
  parameters: { orgkit: { world: mockApi(signedInAs(acceptScenario, 'usr_mia')) } },
};

/** Signed in as Olivia, the invitation is for Nora: sign out first. */
export const DifferentAccount: Story = {
  parameters: { orgkit: { world: mockApi(signedInAs(acceptScenario, 'usr_olivia')) } },
};

/** Joined: the confirmation takes focus. */
export const Accepted: Story = {
  args: { token: invitationTokens.existingAccount },
  parameters: { orgkit: { world: mockApi(signedInAs(acceptScenario, 'usr_mia')) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Join Globex' }));
    await expect(await canvas.findByText('You joined Globex.')).toBeInTheDocument();
  },
};

/** A wrong password for the existing account. */
export const WrongPassword: Story = {
  args: { token: invitationTokens.existingAccount },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Password'), 'not-her-password');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in and join Globex' }));
    await expect(await canvas.findByText('Wrong password.')).toBeInTheDocument();
  },
};

/** Olivia invited Bill to Globex, where she may no longer invite: accepting is refused (403). */
export const InviterLostPermission: Story = {
  args: { token: invitationTokens.inviterLostPermission },
  parameters: { orgkit: { world: mockApi(signedInAs(acceptScenario, 'usr_bill')) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Join Globex' }));
    await expect(await canvas.findByRole('alert')).toBeInTheDocument();
  },
};

export const Loading: Story = {
  parameters: {
    orgkit: { world: world(pending('/v1/invitations/lookup'), mockApi(acceptScenario)) },
  },
};

export const Expired: Story = { args: { token: invitationTokens.expired }, tags: ['shows-error'] };

/** Withdrawn by an admin. */
export const Revoked: Story = { args: { token: invitationTokens.revoked }, tags: ['shows-error'] };

export const AlreadyUsed: Story = { args: { token: invitationTokens.used }, tags: ['shows-error'] };

/** A token that matches no invitation. */
export const Invalid: Story = {
  args: { token: 'tok_not_a_real_invitation' },
  tags: ['shows-error'],
};

/** A link without its token. */
export const MissingToken: Story = { args: { token: null }, tags: ['shows-error'] };

/** The check itself failed: retry. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    orgkit: { world: world(failing('/v1/invitations/lookup'), mockApi(acceptScenario)) },
  },
};
