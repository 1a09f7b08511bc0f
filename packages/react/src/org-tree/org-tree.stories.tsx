import type { Meta, StoryObj } from '@storybook/react-vite';
import { signedInAs } from '../msw/scenarios.js';
import { failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { OrgTree } from './org-tree.js';
import { manyClientsScenario, partnerTreeScenario } from './org-tree-world.js';

/**
 * The partner view: the caller's organizations with the client and
 * sub-organizations they manage, as an ARIA tree — arrow keys, Home and End move; Right and Left
 * expand and collapse; Enter opens. The search keeps the ancestors of each match. "Open" makes an
 * organization the active one (or calls `onOpen`); partner admins create client orgs under a node
 * and move orgs from its menu.
 */
const meta = {
  title: 'Organizations/OrgTree',
  component: OrgTree,
  tags: ['autodocs'],
  parameters: { orgkit: { world: mockApi(partnerTreeScenario) } },
} satisfies Meta<typeof OrgTree>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Olivia: owner of the partner Acme, member of Globex. */
export const Default: Story = {};

/** Adam, an Admin of the partner: every node has "Create client organization" and "Move to…". */
export const PartnerAdminView: Story = {
  args: { defaultExpanded: ['org_acme', 'org_acme_eu'] },
  parameters: {
    orgkit: { world: mockApi(signedInAs(partnerTreeScenario, 'usr_adam', 'org_acme')) },
  },
};

/** Cleo, a viewer of the client org Acme Europe: her org and its sub-orgs, no actions. */
export const ClientViewerView: Story = {
  parameters: {
    orgkit: { world: mockApi(signedInAs(partnerTreeScenario, 'usr_cleo', 'org_acme_eu')) },
  },
};

/** One organization's subtree (`orgId`). */
export const Subtree: Story = { args: { orgId: 'org_acme_eu' } };

/** Searching "par": Acme Paris with its ancestors. */
export const Searching: Story = { args: { defaultSearch: 'par' } };

export const Loading: Story = {
  parameters: {
    orgkit: { world: world(pending('/v1/me/organization-tree'), mockApi(partnerTreeScenario)) },
  },
};

/** A user without any organization. */
export const Empty: Story = {
  parameters: { orgkit: { world: mockApi({ ...partnerTreeScenario, memberships: [] }) } },
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    orgkit: { world: world(failing('/v1/me/organization-tree'), mockApi(partnerTreeScenario)) },
  },
};

/** Bill (billing contact) may not see the orgs below Acme. */
export const Forbidden: Story = {
  args: { orgId: 'org_acme' },
  parameters: {
    orgkit: { world: mockApi(signedInAs(partnerTreeScenario, 'usr_bill', 'org_acme')) },
  },
};

/** A partner with 200 client orgs (every tenth with two sites). */
export const ManyRows: Story = {
  parameters: { orgkit: { world: mockApi(manyClientsScenario(200)) } },
};

/** The dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } };
