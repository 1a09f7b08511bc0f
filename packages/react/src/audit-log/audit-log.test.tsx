import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MockAuditEventSeed } from '../msw/scenario.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { AuditLog } from './audit-log.js';

const events: MockAuditEventSeed[] = Array.from({ length: 120 }, (_, i) => ({
  orgId: 'org_acme',
  actorId: 'usr_adam',
  action: i % 2 === 0 ? 'member.roles_updated' : 'invitation.created',
  targetType: 'user',
  targetId: 'usr_mia',
  description: `Event ${i}`,
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
}));

describe('AuditLog', () => {
  const msw = useMockServer();

  it('lists events newest first with names, loads older pages and filters by action', async () => {
    msw.mock({ scenario: { ...acmeScenario, auditEvents: events } });
    const user = userEvent.setup();
    render(<AuditLog actorNames={{ usr_adam: 'Adam Admin' }} />, orgkitWrapper());
    await screen.findByRole('list', { name: 'Audit log' });
    const items = () =>
      within(screen.getByRole('list', { name: 'Audit log' })).getAllByRole('listitem');
    expect(items()[0]).toHaveTextContent('Event 119');
    expect(items()[0]).toHaveTextContent('Adam Admin');
    const first = items().length;
    await user.click(screen.getByRole('button', { name: 'Load older events' }));
    await waitFor(() => expect(items().length).toBeGreaterThan(first));
    await user.type(screen.getByRole('searchbox', { name: 'Action' }), 'invitation');
    await waitFor(() =>
      expect(items().every((li) => li.getAttribute('data-action') === 'invitation.created')).toBe(
        true,
      ),
    );
    await user.clear(screen.getByRole('searchbox', { name: 'Action' }));
    await user.type(screen.getByRole('searchbox', { name: 'Action' }), 'nothing.like.this');
    expect(await screen.findByText('No event matches these filters.')).toBeInTheDocument();
  });

  it('shows who acted by the name the server sends, through an API key or as the system', async () => {
    msw.mock({
      scenario: {
        ...acmeScenario,
        auditEvents: [
          { ...events[0]!, description: 'By Adam' },
          { ...events[1]!, actorId: null, description: 'By the system' },
        ],
      },
    });
    render(<AuditLog />, orgkitWrapper());
    const list = await screen.findByRole('list', { name: 'Audit log' });
    const byAdam = within(list).getByText('By Adam').closest('li')!;
    expect(byAdam).toHaveTextContent('Adam Admin');
    expect(byAdam).not.toHaveTextContent('usr_adam');
    expect(within(list).getByText('By the system').closest('li')).toHaveTextContent('System');
  });

  it('links CSV and NDJSON exports with the filters, for those allowed', async () => {
    msw.mock();
    const { unmount } = render(<AuditLog defaultFilters={{ action: 'member' }} />, orgkitWrapper());
    const csv = await screen.findByRole('link', { name: 'Export CSV' });
    expect(csv).toHaveAttribute(
      'href',
      `${TEST_BASE_URL}/v1/organizations/org_acme/audit-events?format=csv&action=member`,
    );
    expect(screen.getByRole('link', { name: 'Export NDJSON' })).toHaveAttribute(
      'href',
      expect.stringContaining('format=ndjson'),
    );
    unmount();
    // Vic may read the log but not export it.
    msw.server.resetHandlers();
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_vic', 'org_acme') });
    render(<AuditLog />, orgkitWrapper());
    await screen.findByRole('list', { name: 'Audit log' });
    expect(screen.queryByRole('link', { name: 'Export CSV' })).toBeNull();
  });

  it('is forbidden without audit_log:read', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    render(<AuditLog />, orgkitWrapper());
    expect(
      await screen.findByText('You do not have permission to see the audit log.'),
    ).toBeInTheDocument();
  });
});
