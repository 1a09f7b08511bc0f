import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { expect, userEvent, within } from 'storybook/test';
import { manyMembersScenario } from '../story-support/many-members.js';
import { asUser, failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { TeamTable } from './team-table.js';

/**
 * The members of the active organization: search, role and status filters, sort, inline role
 * change limited to the roles the viewer may give, row and bulk actions. What the viewer may not
 * do is hidden, or shown disabled with the reason (`deniedActions="disable"`); the owner's row is
 * protected. Rows are virtualized and pages load by cursor as you scroll.
 */
const meta = {
  title: 'Team/TeamTable',
  component: TeamTable,
  tags: ['autodocs'],
  parameters: { orgkit: { world: mockApi() } },
} satisfies Meta<typeof TeamTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Olivia, the owner: every action, including making someone else the owner. */
export const Default: Story = {};

/** Adam, an Admin: manages members but cannot transfer ownership or touch the owner. */
export const AdminView: Story = {
  parameters: { orgkit: { world: asUser('usr_adam') } },
};

/** Mia, a Member: sees the team, no actions. */
export const MemberView: Story = {
  parameters: { orgkit: { world: asUser('usr_mia') } },
};

/** Vic, a Viewer, with denied actions shown disabled and their reasons. */
export const ViewerWithReasons: Story = {
  args: { deniedActions: 'disable' },
  parameters: { orgkit: { world: asUser('usr_vic') } },
};

/** Some members selected: the bulk actions bar. */
export const BulkSelection: Story = {
  args: { defaultSelection: ['usr_mia', 'usr_vic'] },
};

/** Sorted by last activity, most recent first; Vic never signed in. */
export const SortedByLastActive: Story = {
  args: { defaultFilters: { sort: 'lastActive', order: 'desc' } },
};

/** Filtered to one role. */
export const FilteredByRole: Story = {
  args: { defaultFilters: { role: 'member' } },
};

export const Loading: Story = {
  parameters: {
    orgkit: { world: world(pending('/v1/organizations/:orgId/members'), mockApi()) },
  },
};

export const Empty: Story = {
  parameters: {
    orgkit: {
      world: world(
        http.get('*/v1/organizations/:orgId/members', () =>
          HttpResponse.json({ items: [], nextCursor: null }),
        ),
        mockApi(),
      ),
    },
  },
};

/** Filters that match nobody. */
export const NoResults: Story = {
  args: { defaultFilters: { search: 'nobody-matches-this' } },
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    orgkit: { world: world(failing('/v1/organizations/:orgId/members'), mockApi()) },
  },
};

/** Bill, the Billing contact, may not see the members. */
export const Forbidden: Story = {
  parameters: { orgkit: { world: asUser('usr_bill') } },
};

/** 10,000 members from the mock API, 200 per page, loaded as you scroll. */
export const ManyRows: Story = {
  args: { pageSize: 200 },
  parameters: { orgkit: { world: mockApi(manyMembersScenario(10_000)) } },
};

/** Olivia makes Mia a Viewer from the roles menu: the row and the announcement follow. */
export const ChangeRole: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(
      await canvas.findByRole('button', { name: /^Change roles of Mia Member/ }),
    );
    await userEvent.click(await page.findByRole('menuitemcheckbox', { name: /^Viewer/ }));
    await userEvent.keyboard('{Escape}');
    await expect(
      await canvas.findByRole('button', { name: /^Change roles of Mia Member: .*Viewer/ }),
    ).toBeInTheDocument();
    await expect(
      await canvas.findByText('The roles of Mia Member were updated.'),
    ).toBeInTheDocument();
  },
};
