import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { GroupsPanel } from './groups-panel.js';
import { groupsScenario } from './groups-world.js';

/**
 * Groups of an organization: members join groups and receive the groups' roles.
 * Managing membership (`groups:update`) and assigning roles (`groups:assign_roles`) are separate
 * permissions; role choices are limited to roles the viewer may grant.
 */
const meta = {
  title: 'Team/GroupsPanel',
  component: GroupsPanel,
  tags: ['autodocs'],
  parameters: { orgkit: { world: mockApi(groupsScenario) } },
} satisfies Meta<typeof GroupsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** The Support group selected. */
export const Selected: Story = { args: { defaultValue: 'grp_support' } };

/** Vic (viewer): read-only. */
export const ViewerView: Story = {
  args: { defaultValue: 'grp_finance' },
  parameters: {
    orgkit: { world: mockApi(signedInAs(groupsScenario, 'usr_vic', 'org_acme')) },
  },
};

export const Loading: Story = {
  parameters: {
    orgkit: { world: world(pending('/v1/organizations/:orgId/groups'), mockApi(groupsScenario)) },
  },
};

export const Empty: Story = { parameters: { orgkit: { world: mockApi(acmeScenario) } } };

export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    orgkit: { world: world(failing('/v1/organizations/:orgId/groups'), mockApi(groupsScenario)) },
  },
};

/** Bill (billing contact) may not see groups. */
export const Forbidden: Story = {
  parameters: {
    orgkit: { world: mockApi(signedInAs(groupsScenario, 'usr_bill', 'org_acme')) },
  },
};

/** Forty groups. */
export const ManyRows: Story = {
  parameters: {
    orgkit: {
      world: mockApi({
        ...acmeScenario,
        groups: Array.from({ length: 40 }, (_, i) => ({
          id: `grp_${i}`,
          orgId: 'org_acme',
          name: `Team ${String(i + 1).padStart(2, '0')}`,
          roles: i % 2 ? ['viewer'] : [],
          memberIds: i % 3 ? ['usr_mia'] : ['usr_mia', 'usr_vic'],
        })),
      }),
    },
  },
};

/** A new group: named, created, then selected with no members yet. */
export const CreateGroup: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Group name'), 'Support');
    await userEvent.click(canvas.getByRole('button', { name: 'Create group' }));
    const list = canvas.getByRole('list', { name: 'Groups' });
    await expect(await within(list).findByText('Support')).toBeInTheDocument();
  },
};
