import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import type { OrgkitMockScenario } from '../msw/scenario.js';
import { signedInAs } from '../msw/scenarios.js';
import { failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { ResourceAccess } from './resource-access.js';
import {
  manyGrantsScenario,
  projectsCatalog,
  projectsMockOptions,
  projectsScenario,
} from './resource-access-world.js';

const api = (scenario: OrgkitMockScenario = projectsScenario) =>
  mockApi(scenario, projectsMockOptions);
const as = (userId: string) => api(signedInAs(projectsScenario, userId, 'org_acme'));
const GRANTS = '/v1/organizations/:orgId/resources/:type/:resourceId/grants';

/**
 * The share dialog of one resource — here a host's ACL-controlled
 * `projects`: members and groups with a checkbox per action, e-mail addresses that are notified
 * only (never given access), grants inherited from the parent project, who is notified, and
 * Save (the server refuses giving access the viewer lacks). Search members and groups in the
 * combobox, or type an address.
 */
const meta = {
  title: 'Access/ResourceAccess',
  component: ResourceAccess,
  tags: ['autodocs'],
  args: { type: 'projects', resourceId: 'apollo-api', resourceName: 'Apollo API' },
  parameters: { orgkit: { catalog: projectsCatalog, world: api() } },
} satisfies Meta<typeof ResourceAccess>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The "Share" button, for Olivia (owner). */
export const Default: Story = {};

/** Open: Mia's direct grant, three grants inherited from Apollo, who is notified. */
export const Open: Story = { args: { defaultOpen: true } };

/** In a page of the host's own (`variant="inline"`). */
export const Inline: Story = { args: { variant: 'inline' } };

/** Adam, an Admin: shares anything. */
export const AdminView: Story = {
  args: { defaultOpen: true },
  parameters: { orgkit: { world: as('usr_adam') } },
};

/** Sam, a Sharer: may share Apollo, but only give what he may do there (open it). */
export const SharerView: Story = {
  args: { defaultOpen: true, resourceId: 'apollo', resourceName: 'Apollo' },
  parameters: { orgkit: { world: as('usr_sam') } },
};

/** Vic, a Viewer: sees who has access, read-only, and why. */
export const ViewerView: Story = {
  args: { variant: 'inline' },
  parameters: { orgkit: { world: as('usr_vic') } },
};

export const Loading: Story = {
  args: { defaultOpen: true },
  parameters: { orgkit: { world: world(pending(GRANTS), api()) } },
};

/** Zeus: shared with nobody yet. */
export const Empty: Story = {
  args: { defaultOpen: true, resourceId: 'zeus', resourceName: 'Zeus' },
};

export const ErrorState: Story = {
  name: 'Error',
  args: { defaultOpen: true },
  parameters: { orgkit: { world: world(failing(GRANTS), api()) } },
};

/** Mia, a Member, may not see who has access. */
export const Forbidden: Story = {
  args: { defaultOpen: true },
  parameters: { orgkit: { world: as('usr_mia') } },
};

/** A resource the host never registered with Orgkit. */
export const NotRegistered: Story = {
  tags: ['shows-error'],
  args: { variant: 'inline', resourceId: 'ghost', resourceName: 'Ghost' },
};

/** Zeus shared with 100 members one by one (the list scrolls). */
export const ManyRows: Story = {
  args: { defaultOpen: true, resourceId: 'zeus', resourceName: 'Zeus' },
  parameters: { orgkit: { world: api(manyGrantsScenario(100)) } },
};

/** The dark theme (inline: a dialog portals to the page's body, which carries the host's theme). */
export const Dark: Story = { args: { variant: 'inline' }, globals: { theme: 'dark' } };

/** Olivia shares Zeus with Adam (open and edit), saves, and Adam is listed with that access. */
export const ShareWithMember: Story = {
  args: { variant: 'inline', resourceId: 'zeus', resourceName: 'Zeus' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.type(
      await canvas.findByRole('combobox', { name: 'Add people, groups or e-mail addresses' }),
      'Adam',
    );
    await userEvent.click(await page.findByRole('option', { name: /Adam Admin/ }));
    const access = await canvas.findByRole('group', { name: 'Access of Adam Admin' });
    for (const box of within(access).getAllByRole('checkbox').slice(0, 2)) {
      if (!(box as HTMLInputElement).checked) await userEvent.click(box);
    }
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('Access saved.')).toBeInTheDocument();
  },
};
