import type { Meta, StoryObj } from '@storybook/react-vite';
import type { OrgkitMockScenario } from '../msw/scenario.js';
import { signedInAs } from '../msw/scenarios.js';
import { failing, mockApi, pending } from '../story-support/story-handlers.js';
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
 * The share dialog of one resource (seeds 000 and 002) — here a host's ACL-controlled
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
  parameters: { orgkit: { catalog: projectsCatalog }, msw: { handlers: api() } },
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
  parameters: { msw: { handlers: as('usr_adam') } },
};

/** Sam, a Sharer: may share Apollo, but only give what he may do there (open it). */
export const SharerView: Story = {
  args: { defaultOpen: true, resourceId: 'apollo', resourceName: 'Apollo' },
  parameters: { msw: { handlers: as('usr_sam') } },
};

/** Vic, a Viewer: sees who has access, read-only, and why. */
export const ViewerView: Story = {
  args: { variant: 'inline' },
  parameters: { msw: { handlers: as('usr_vic') } },
};

export const Loading: Story = {
  args: { defaultOpen: true },
  parameters: { msw: { handlers: [pending(GRANTS), ...api()] } },
};

/** Zeus: shared with nobody yet. */
export const Empty: Story = {
  args: { defaultOpen: true, resourceId: 'zeus', resourceName: 'Zeus' },
};

export const ErrorState: Story = {
  name: 'Error',
  args: { defaultOpen: true },
  parameters: { msw: { handlers: [failing(GRANTS), ...api()] } },
};

/** Mia, a Member, may not see who has access. */
export const Forbidden: Story = {
  args: { defaultOpen: true },
  parameters: { msw: { handlers: as('usr_mia') } },
};

/** A resource the host never registered with Orgkit. */
export const NotRegistered: Story = {
  args: { variant: 'inline', resourceId: 'ghost', resourceName: 'Ghost' },
};

/** Zeus shared with 100 members one by one (the list scrolls). */
export const ManyRows: Story = {
  args: { defaultOpen: true, resourceId: 'zeus', resourceName: 'Zeus' },
  parameters: { msw: { handlers: api(manyGrantsScenario(100)) } },
};

/** The dark theme (inline: a dialog portals to the page's body, which carries the host's theme). */
export const Dark: Story = { args: { variant: 'inline' }, globals: { theme: 'dark' } };
