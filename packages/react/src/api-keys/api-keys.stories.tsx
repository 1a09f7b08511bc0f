import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { asUser, failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { ApiKeys } from './api-keys.js';

/**
 * The signed-in user's API keys: create one — the secret is shown once,
 * never stored in the cache — see prefix, status and last use, revoke with confirmation.
 */
const meta = {
  title: 'Access/ApiKeys',
  component: ApiKeys,
  tags: ['autodocs'],
  parameters: { orgkit: { world: asUser('usr_mia') } },
} satisfies Meta<typeof ApiKeys>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mia (member): no keys yet; may create one. */
export const Default: Story = {};

/** Olivia (owner). */
export const OwnerView: Story = { parameters: { orgkit: { world: mockApi() } } };

/** Vic (viewer) may not create keys. */
export const ViewerView: Story = { parameters: { orgkit: { world: asUser('usr_vic') } } };

export const Loading: Story = {
  parameters: { orgkit: { world: world(pending('/v1/me/api-keys'), asUser('usr_mia')) } },
};

export const Empty: Story = {};

export const ErrorState: Story = {
  name: 'Error',
  parameters: { orgkit: { world: world(failing('/v1/me/api-keys'), asUser('usr_mia')) } },
};

/** Signed out. */
export const Forbidden: Story = {
  parameters: { orgkit: { world: asUser('usr_nobody', null) } },
};

/** Mia creates a key: its secret is shown once, then the key is listed by its prefix. */
export const CreateKey: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Key name'), 'CI deploys');
    await userEvent.click(canvas.getByRole('button', { name: 'Create key' }));
    await expect(await canvas.findByText('Your new API key')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'I have copied it' }));
    await expect(canvas.queryByText('Your new API key')).not.toBeInTheDocument();
    const table = canvas.getByRole('table', { name: 'API keys' });
    await expect(await within(table).findByText('CI deploys')).toBeInTheDocument();
  },
};
