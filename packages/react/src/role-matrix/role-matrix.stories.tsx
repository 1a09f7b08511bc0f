import { portalCatalog } from '@orgkit/core/presets';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { HttpResponse, http } from 'msw';
import { type ReactNode, useState } from 'react';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { OrgkitProvider } from '../provider/orgkit-provider.js';
import { failing, mockApi, pending } from '../story-support/story-handlers.js';
import { RoleMatrix } from './role-matrix.js';
import {
  handlersWithCustomRoles,
  portalMockOptions,
  supportDeskRole,
} from './role-matrix-world.js';

/** A provider decoding permission sets with seed 001's catalog. */
function PortalProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } }),
  );
  return (
    <OrgkitProvider baseUrl="" queryClient={queryClient} storage={null} catalog={portalCatalog}>
      {children}
    </OrgkitProvider>
  );
}

/**
 * Roles as columns and the permission catalog as rows, grouped module → section → resource →
 * action like seed 001's tables. Presets are read-only; custom roles are editable (checkboxes)
 * for viewers with `roles:update`. ⭐ marks a grant given only with another permission (hover or
 * focus it for the condition); exclusive modules say a member holds one of their levels. Arrow
 * keys move across the grid; Space or Enter toggles.
 */
const meta = {
  title: 'Access/RoleMatrix',
  component: RoleMatrix,
  tags: ['autodocs'],
  parameters: {
    msw: { handlers: handlersWithCustomRoles({ scenario: acmeScenario }, [supportDeskRole]) },
  },
} satisfies Meta<typeof RoleMatrix>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Olivia (owner): presets and the custom "Support desk" role, editable. */
export const Default: Story = {};

/** Seed 001: Portal levels (exclusive) with ⭐ conditions on Workspaces levels. */
export const PortalLevels: Story = {
  render: (args) => (
    <PortalProvider>
      <RoleMatrix {...args} />
    </PortalProvider>
  ),
  parameters: { msw: { handlers: handlersWithCustomRoles(portalMockOptions, []) } },
};

/** What the roles give in the organizations below (partner → clients). */
export const DescendantsScope: Story = { args: { defaultScope: 'descendants' } };

/** Vic (viewer): read-only, no create or delete. */
export const ViewerView: Story = {
  parameters: {
    msw: {
      handlers: handlersWithCustomRoles(
        { scenario: signedInAs(acmeScenario, 'usr_vic', 'org_acme') },
        [supportDeskRole],
      ),
    },
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: [pending('/v1/organizations/:orgId/roles'), ...mockApi()] } },
};

export const Empty: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/v1/organizations/:orgId/roles', () => HttpResponse.json({ items: [] })),
        ...mockApi(),
      ],
    },
  },
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: { msw: { handlers: [failing('/v1/organizations/:orgId/roles'), ...mockApi()] } },
};

/** Bill (billing contact) may not see roles. */
export const Forbidden: Story = {
  parameters: {
    msw: { handlers: mockApi(signedInAs(acmeScenario, 'usr_bill', 'org_acme')) },
  },
};

/** Twelve custom roles beside the presets: the header and first columns stay in place. */
export const ManyRows: Story = {
  parameters: {
    msw: {
      handlers: handlersWithCustomRoles(
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
