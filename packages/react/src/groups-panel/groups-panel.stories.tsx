import type { Meta, StoryObj } from '@storybook/react-vite';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { failing, mockApi, pending } from '../story-support/story-handlers.js';
import { GroupsPanel } from './groups-panel.js';
import { groupsScenario } from './groups-world.js';

/**
 * Groups of an organization (seed 003): members join groups and receive the groups' roles.
 * Managing membership (`groups:update`) and assigning roles (`groups:assign_roles`) are separate
 * permissions; role choices are limited to roles the viewer may grant.
 */
const meta = {
  title: 'Team/GroupsPanel',
  component: GroupsPanel,
  tags: ['autodocs'],
  parameters: { msw: { handlers: mockApi(groupsScenario) } },
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
    msw: { handlers: mockApi(signedInAs(groupsScenario, 'usr_vic', 'org_acme')) },
  },
};

export const Loading: Story = {
  parameters: {
    msw: { handlers: [pending('/v1/organizations/:orgId/groups'), ...mockApi(groupsScenario)] },
  },
};

export const Empty: Story = { parameters: { msw: { handlers: mockApi(acmeScenario) } } };

export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    msw: { handlers: [failing('/v1/organizations/:orgId/groups'), ...mockApi(groupsScenario)] },
  },
};

/** Bill (billing contact) may not see groups. */
export const Forbidden: Story = {
  parameters: {
    msw: { handlers: mockApi(signedInAs(groupsScenario, 'usr_bill', 'org_acme')) },
  },
};

/** Forty groups. */
export const ManyRows: Story = {
  parameters: {
    msw: {
      handlers: mockApi({
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
