import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { MockInvitationSeed } from '../msw/scenario.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { asUser, failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { InviteDialog } from './invite-dialog.js';

/**
 * Bulk invitations: paste or type many addresses — commas, spaces or new lines —
 * and each becomes a chip, validated as typed (Enter, Space or comma commits one, Backspace
 * removes the last). Roles are limited to those the viewer may give; after sending, each address
 * shows its result. Pending invitations can be resent or revoked.
 */
const meta = {
  title: 'Team/InviteDialog',
  component: InviteDialog,
  tags: ['autodocs'],
  parameters: { orgkit: { world: mockApi() } },
} satisfies Meta<typeof InviteDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The trigger, for Olivia (owner). */
export const Default: Story = {};

/** Open: the address input has focus. */
export const Open: Story = { args: { defaultOpen: true } };

/** Adam, an Admin: every role but Owner. */
export const AdminView: Story = {
  args: { defaultOpen: true },
  parameters: { orgkit: { world: asUser('usr_adam') } },
};

/** Mia, a Member, may not invite: the trigger says why. */
export const MemberView: Story = {
  parameters: { orgkit: { world: asUser('usr_mia') } },
};

/** Opened anyway (controlled by the host) without the permission. */
export const Forbidden: Story = {
  args: { defaultOpen: true },
  parameters: { orgkit: { world: asUser('usr_mia') } },
};

export const Loading: Story = {
  args: { defaultOpen: true },
  parameters: {
    orgkit: {
      world: world(
        pending('/v1/me/permissions'),
        pending('/v1/organizations/:orgId/invitations'),
        mockApi(),
      ),
    },
  },
};

/** No pending invitations. */
export const Empty: Story = {
  args: { defaultOpen: true },
  parameters: { orgkit: { world: mockApi({ ...acmeScenario, invitations: [] }) } },
};

/** The pending list fails to load; inviting still works. */
export const ErrorState: Story = {
  name: 'Error',
  args: { defaultOpen: true },
  parameters: {
    orgkit: { world: world(failing('/v1/organizations/:orgId/invitations'), mockApi()) },
  },
};

const many: MockInvitationSeed[] = Array.from({ length: 120 }, (_, i) => ({
  id: `inv_many${i}`,
  orgId: 'org_acme',
  email: `guest${i}@example.com`,
  roles: [i % 3 === 0 ? 'viewer' : 'member'],
  inviterId: 'usr_olivia',
  createdAt: new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString(),
  expiresAt: '2099-01-01T00:00:00.000Z',
}));

/** 120 pending invitations (the list scrolls). */
export const ManyRows: Story = {
  args: { defaultOpen: true },
  parameters: {
    orgkit: {
      world: mockApi(signedInAs({ ...acmeScenario, invitations: many }, 'usr_olivia', 'org_acme')),
    },
  },
};

/** A pasted list: each address becomes a chip, one click invites them all, each gets its result. */
export const InvitePastedList: Story = {
  args: { defaultOpen: true },
  play: async ({ canvasElement }) => {
    // The dialog renders in a portal, outside the story's root.
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(await page.findByRole('textbox', { name: 'E-mail addresses' }));
    await userEvent.paste('ines@example.com, jon@example.com\nkim@example.com');
    await userEvent.click(page.getByRole('button', { name: 'Send 3 invitations' }));
    const results = await page.findByRole('region', { name: 'Results' });
    await waitFor(() => expect(within(results).getAllByText('Invited')).toHaveLength(3));
    const pending = page.getByRole('region', { name: 'Pending invitations' });
    await expect(await within(pending).findByText('ines@example.com')).toBeInTheDocument();
  },
};
