import type { Meta, StoryObj } from '@storybook/react-vite';
import { Can } from '../hooks/can.js';
import { asUser, failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { PermissionGate } from './permission-gate.js';

/**
 * `PermissionGate` shows its children only to viewers holding a permission and explains the
 * other outcomes; `Can` hides silently. Both answer from the compiled permission set (one
 * request per organization, none per check).
 */
const meta = {
  title: 'Access/PermissionGate',
  component: PermissionGate,
  tags: ['autodocs'],
  args: { permission: 'members:remove' },
  render: (args) => (
    <div style={{ display: 'grid', gap: '0.75rem', maxWidth: '28rem' }}>
      <PermissionGate {...args}>
        <button type="button" data-slot="orgkit-button" data-variant="primary">
          Remove member
        </button>
      </PermissionGate>
      <Can permission="audit_log:export" fallback={null}>
        <button type="button" data-slot="orgkit-button">
          Export audit log
        </button>
      </Can>
    </div>
  ),
  parameters: { orgkit: { world: mockApi() } },
} satisfies Meta<typeof PermissionGate>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The owner holds every permission. */
export const Default: Story = {};

/** Waiting for `GET /v1/me/permissions`. */
export const Loading: Story = {
  parameters: { orgkit: { world: world(pending('/v1/me/permissions'), mockApi()) } },
};

/** The permission set could not be loaded. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { orgkit: { world: world(failing('/v1/me/permissions'), mockApi()) } },
};

/** A viewer may not remove members nor export the log. */
export const Forbidden: Story = {
  parameters: { orgkit: { world: asUser('usr_vic') } },
};

/** Signed out: nothing is allowed. */
export const Empty: Story = {
  name: 'Signed out',
  parameters: { orgkit: { world: asUser('usr_nobody', null) } },
};

/** An admin may remove members. */
export const AdminView: Story = {
  parameters: { orgkit: { world: asUser('usr_adam') } },
};

/** A member may not. */
export const MemberView: Story = {
  parameters: { orgkit: { world: asUser('usr_mia') } },
};
