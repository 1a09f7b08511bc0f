import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MockAuditEventSeed } from '../msw/scenario.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { asUser, failing, mockApi, pending, world } from '../story-support/story-handlers.js';
import { AuditLog } from './audit-log.js';

const names = {
  usr_olivia: 'Olivia Owner',
  usr_adam: 'Adam Admin',
  usr_mia: 'Mia Member',
};

/**
 * Who did what (the organization's and users' audit logs): filter by action prefix and date,
 * scroll for older events, export CSV or NDJSON with the same filters.
 */
const meta = {
  title: 'Team/AuditLog',
  component: AuditLog,
  tags: ['autodocs'],
  args: { actorNames: names },
  parameters: { orgkit: { world: mockApi() } },
} satisfies Meta<typeof AuditLog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Filtered to member events. */
export const Filtered: Story = { args: { defaultFilters: { action: 'member' } } };

/** Vic (viewer) reads the log but may not export it. */
export const ViewerView: Story = { parameters: { orgkit: { world: asUser('usr_vic') } } };

/** Olivia's own activity across organizations. */
export const UserLog: Story = { args: { scope: { userId: 'usr_olivia' } } };

export const Loading: Story = {
  parameters: {
    orgkit: { world: world(pending('/v1/organizations/:orgId/audit-events'), mockApi()) },
  },
};

export const Empty: Story = {
  parameters: { orgkit: { world: mockApi({ ...acmeScenario, auditEvents: [] }) } },
};

export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    orgkit: { world: world(failing('/v1/organizations/:orgId/audit-events'), mockApi()) },
  },
};

/** Mia (member) may not see the audit log. */
export const Forbidden: Story = { parameters: { orgkit: { world: asUser('usr_mia') } } };

const many: MockAuditEventSeed[] = Array.from({ length: 500 }, (_, i) => ({
  orgId: 'org_acme',
  actorId: i % 3 === 0 ? 'usr_olivia' : 'usr_adam',
  action: ['member.roles_updated', 'invitation.created', 'member.disabled'][i % 3]!,
  targetType: 'user',
  targetId: 'usr_mia',
  description: `Change number ${i}`,
  createdAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
}));

/** 500 events, loaded page by page as you scroll. */
export const ManyRows: Story = {
  parameters: {
    orgkit: {
      world: mockApi(signedInAs({ ...acmeScenario, auditEvents: many }, 'usr_olivia', 'org_acme')),
    },
  },
};
