import type { Meta, StoryObj } from '@storybook/react-vite';
import { asUser, failing, mockApi, pending } from '../story-support/story-handlers.js';
import { ApiKeys } from './api-keys.js';

/**
 * The signed-in user's API keys (seed 000 "API Access"): create one — the secret is shown once,
 * never stored in the cache — see prefix, status and last use, revoke with confirmation.
 */
const meta = {
  title: 'Access/ApiKeys',
  component: ApiKeys,
  tags: ['autodocs'],
  parameters: { msw: { handlers: asUser('usr_mia') } },
} satisfies Meta<typeof ApiKeys>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Mia (member): no keys yet; may create one. */
export const Default: Story = {};

/** Olivia (owner). */
export const OwnerView: Story = { parameters: { msw: { handlers: mockApi() } } };

/** Vic (viewer) may not create keys. */
export const ViewerView: Story = { parameters: { msw: { handlers: asUser('usr_vic') } } };

export const Loading: Story = {
  parameters: { msw: { handlers: [pending('/v1/me/api-keys'), ...asUser('usr_mia')] } },
};

export const Empty: Story = {};

export const ErrorState: Story = {
  name: 'Error',
  parameters: { msw: { handlers: [failing('/v1/me/api-keys'), ...asUser('usr_mia')] } },
};

/** Signed out. */
export const Forbidden: Story = {
  parameters: { msw: { handlers: asUser('usr_nobody', null) } },
};
