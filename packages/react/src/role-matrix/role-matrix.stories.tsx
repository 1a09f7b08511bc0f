import { portalCatalog } from '@orgkit/core/presets';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { HttpResponse, http } from 'msw';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { RoleMatrix } from './role-matrix.js';
import { portalMockOptions, supportDeskRole, worldWithCustomRoles } from './role-matrix-world.js';

/**
 * Roles as columns and the permission catalog as rows, grouped module → section → resource →
 * action like a permission table. Presets are read-only; custom roles are editable (checkboxes)
 * for viewers with `roles:update`. ⭐ marks a grant given only with another permission (hover or
 * focus it for the condition); exclusive modules say a member holds one of their levels. Arrow
 * keys move across the grid; Space or Enter toggles.
 */
const meta = {
  title: 'Access/RoleMatrix',
  component: RoleMatrix,
  tags: ['autodocs'],
  parameters: {
    orgkit: { world: worldWithCustomRoles({ scenario: acmeScenario }, [supportDeskRole]) },
  },
} satisfies Meta<typeof RoleMatrix>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Olivia (owner): presets and the custom "Support desk" role, editable. */
export const Default: Story = {};

/** A portal product's catalog: Portal levels (exclusive) with ⭐ conditions on Workspaces levels. */
export const PortalLevels: Story = {
  parameters: {
    orgkit: { catalog: portalCatalog, world: worldWithCustomRoles(portalMockOptions, []) },
  },
};

/** What the roles give in the organizations below (partner → clients). */
export const DescendantsScope: Story = { args: { defaultScope: 'descendants' } };

/** Vic (viewer): read-only, no create or delete. */
export const ViewerView: Story = {
  parameters: {
    orgkit: {
      world: worldWithCustomRoles({ scenario: signedInAs(acmeScenario, 'usr_vic', 'org_acme') }, [
        supportDeskRole,
      ]),
    },
  },
};

export const Loading: Story = {
  parameters: { orgkit: { world: world(pending('/v1/organizations/:orgId/roles'), mockApi()) } },
};

export const Empty: Story = {
  parameters: {
    orgkit: {
      world: world(
        http.get('*/v1/organizations/:orgId/roles', () => HttpResponse.json({ items: [] })),
        mockApi(),
      ),
    },
  },
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: { orgkit: { world: world(failing('/v1/organizations/:orgId/roles'), mockApi()) } },
};

/** Bill (billing contact) may not see roles. */
export const Forbidden: Story = {
  parameters: {
    orgkit: { world: mockApi(signedInAs(acmeScenario, 'usr_bill', 'org_acme')) },
  },
};

/** Twelve custom roles beside the presets: the header and first columns stay in place. */
export const ManyRows: Story = {
  parameters: {
    orgkit: {
      world: worldWithCustomRoles(
        { scenario: acmeScenario },
        Array.from({ length: 12 }, (_, i) => ({
          key: `custom_${i}`,
          name: `Custom ${i + 1}`,
          self: i % 2 === 0 ? ['members:read', 'roles:read'] : ['organization:read'],
        })),
      ),
    },
  },
};
