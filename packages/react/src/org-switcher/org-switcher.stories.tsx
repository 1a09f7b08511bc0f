import type { Meta, StoryObj } from '@storybook/react-vite';
import { acmeScenario } from '../msw/scenarios.js';
import { asUser, failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { OrgSwitcher } from './org-switcher.js';

/**
 * The caller's organizations in a menu, the active one checked. The choice is applied at once,
 * saved to the session and remembered on the device; a user in several organizations with none
 * chosen is asked to choose.
 */
const meta = {
  title: 'Organizations/OrgSwitcher',
  component: OrgSwitcher,
  tags: ['autodocs'],
  parameters: { orgkit: { world: mockApi() } },
} satisfies Meta<typeof OrgSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Olivia, in Acme (owner) and Globex (member). */
export const Default: Story = {};

/** The menu open. */
export const Open: Story = { args: { defaultOpen: true } };

/** Several organizations and none chosen yet: choose at sign-in. */
export const ChooseAtSignIn: Story = {
  parameters: { orgkit: { world: asUser('usr_olivia', null) } },
};

/** A single-organization member: the only org is active. */
export const MemberView: Story = {
  parameters: { orgkit: { world: asUser('usr_mia', null) } },
};

export const Loading: Story = {
  parameters: { orgkit: { world: world(pending('/v1/me/organizations'), mockApi()) } },
};

export const Empty: Story = {
  parameters: { orgkit: { world: mockApi({ ...acmeScenario, memberships: [] }) } },
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: { orgkit: { world: world(failing('/v1/me/organizations'), mockApi()) } },
};

/** Signed out: nothing to switch. */
export const Forbidden: Story = {
  parameters: { orgkit: { world: asUser('usr_nobody', null) } },
};

/** A partner managing 60 client organizations: the menu opens with its search field. */
export const ManyRows: Story = {
  args: { defaultOpen: true },
  parameters: {
    orgkit: {
      world: mockApi({
        ...acmeScenario,
        organizations: [
          ...acmeScenario.organizations,
          ...Array.from({ length: 60 }, (_, i) => ({
            id: `org_client_${i}`,
            name: `Client ${String(i + 1).padStart(2, '0')}`,
            slug: `client-${i + 1}`,
            parentId: 'org_acme',
            kind: 'client' as const,
          })),
        ],
      }),
    },
  },
};

/** The server allows self-serve organizations: "Create organization" ends the menu. */
export const CanCreate: Story = {
  args: { defaultOpen: true },
  parameters: { orgkit: { world: mockApi({ ...acmeScenario, selfServe: true }) } },
};
