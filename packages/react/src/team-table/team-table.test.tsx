import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fr } from '../locale/fr.js';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { manyMembersScenario } from '../story-support/many-members.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { TeamTable } from './team-table.js';
import { formatLastActive } from './team-table-columns.js';

const as = (userId: string) => ({ scenario: signedInAs(acmeScenario, userId, 'org_acme') });
const rowOf = (name: string) => screen.getByText(name).closest('tr')!;

describe('TeamTable', () => {
  const msw = useMockServer();

  it('lists members with roles, status and join date, sorted by name', async () => {
    msw.mock();
    render(<TeamTable />, orgkitWrapper());
    expect(await screen.findByText('Adam Admin')).toBeInTheDocument();
    const names = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('[data-slot="orgkit-team-table-name"]')?.textContent);
    expect(names).toEqual([
      'Adam Admin',
      'Bill Board',
      'Dana Disabled',
      'Mia Member',
      'Olivia Owner',
      'Vic Viewer',
    ]);
    const dana = rowOf('Dana Disabled');
    expect(dana).toHaveAttribute('data-status', 'disabled');
    expect(within(dana).getByText('Disabled')).toBeInTheDocument();
    expect(within(rowOf('Olivia Owner')).getByText('(you)')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(screen.getAllByRole('row')[1]).toHaveTextContent('Vic Viewer'));
  });

  it('shows when each member was last active, and sorts by it most recent first', async () => {
    msw.mock();
    const user = userEvent.setup();
    render(<TeamTable />, orgkitWrapper());
    await screen.findByText('Adam Admin');
    const column = screen.getByRole('columnheader', { name: 'Last active' });
    expect(column).toHaveAttribute('aria-sort', 'none');
    expect(within(rowOf('Vic Viewer')).getByText('Never')).toBeInTheDocument();
    expect(within(rowOf('Mia Member')).getByText('Jan 28, 2026')).toHaveAttribute(
      'datetime',
      '2026-01-28T08:15:00.000Z',
    );
    // The viewer's own requests count as activity.
    expect(within(rowOf('Olivia Owner')).getByText('now')).toBeInTheDocument();
    await user.click(within(column).getByRole('button', { name: /^Last active/ }));
    await waitFor(() => expect(column).toHaveAttribute('aria-sort', 'descending'));
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('row')
          .slice(1)
          .map((r) => r.querySelector('[data-slot="orgkit-team-table-name"]')?.textContent),
      ).toEqual([
        'Olivia Owner',
        'Adam Admin',
        'Mia Member',
        'Bill Board',
        'Dana Disabled',
        'Vic Viewer',
      ]),
    );
  });

  it('formats last activity relative within a week, as a date after', () => {
    const now = Date.parse('2026-11-23T12:00:00.000Z');
    expect(formatLastActive('en', '2026-11-23T11:59:30.000Z', now)).toBe('now');
    expect(formatLastActive('en', '2026-11-23T11:55:00.000Z', now)).toBe('5 minutes ago');
    expect(formatLastActive('en', '2026-11-23T09:00:00.000Z', now)).toBe('3 hours ago');
    expect(formatLastActive('en', '2026-11-22T09:00:00.000Z', now)).toBe('yesterday');
    expect(formatLastActive('fr', '2026-11-20T09:00:00.000Z', now)).toBe('il y a 3 jours');
    expect(formatLastActive('en', '2026-11-01T09:00:00.000Z', now)).toBe('Nov 1, 2026');
  });

  it('searches and filters by role and status on the server', async () => {
    msw.mock();
    const user = userEvent.setup();
    render(<TeamTable />, orgkitWrapper());
    await screen.findByText('Adam Admin');
    await user.type(screen.getByRole('searchbox', { name: 'Search members' }), 'mi');
    await waitFor(() => expect(screen.queryByText('Adam Admin')).not.toBeInTheDocument());
    expect(screen.getByText('Mia Member')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox'));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role' }), 'member');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'disabled');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getByText('Dana Disabled')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'viewer');
    expect(await screen.findByText('No member matches these filters.')).toBeInTheDocument();
  });

  it('changes roles inline, offering only roles the viewer may give', async () => {
    const api = msw.mock(as('usr_adam'));
    const user = userEvent.setup();
    render(<TeamTable />, orgkitWrapper());
    await screen.findByText('Mia Member');
    await user.click(screen.getByRole('button', { name: /^Change roles of Mia Member/ }));
    const items = await screen.findAllByRole('menuitemcheckbox');
    // Owner is never offered: it moves only by transfer.
    expect(items.map((i) => i.firstChild?.nextSibling?.textContent)).not.toContain('Owner');
    const viewer = items.find((i) => i.textContent?.startsWith('Viewer'))!;
    await user.click(viewer);
    await waitFor(() =>
      expect(api.db.membership('org_acme', 'usr_mia')?.roles).toEqual(['member', 'viewer']),
    );
    expect(await screen.findByRole('status', { name: '' })).toHaveTextContent(
      'The roles of Mia Member were updated.',
    );
    // The owner's roles are fixed, with the reason as the control's description.
    const ownerRoles = screen.getByRole('button', { name: /^Change roles of Olivia Owner/ });
    expect(ownerRoles).toHaveAttribute('aria-disabled', 'true');
    expect(ownerRoles).toHaveAccessibleDescription(
      'The owner cannot be removed, disabled or demoted; transfer ownership first.',
    );
  });

  it('removes a member after confirmation; the owner row is protected', async () => {
    const api = msw.mock(as('usr_adam'));
    const user = userEvent.setup();
    render(<TeamTable />, orgkitWrapper());
    await screen.findByText('Mia Member');
    await user.click(screen.getByRole('button', { name: 'Actions for Olivia Owner' }));
    const protectedItems = await screen.findAllByRole('menuitem');
    expect(protectedItems.map((i) => i.getAttribute('aria-disabled'))).toEqual([
      'true',
      null,
      'true',
    ]);
    expect(protectedItems[2]).toHaveTextContent('transfer ownership first');
    // An admin never sees "Make owner".
    expect(screen.queryByRole('menuitem', { name: /Make owner/ })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Actions for Mia Member' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Mia Member?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByText('Mia Member')).not.toBeInTheDocument());
    expect(api.db.membership('org_acme', 'usr_mia')).toBeUndefined();
  });

  it('lets only the owner transfer ownership, and disables, enables and resets', async () => {
    const api = msw.mock();
    const user = userEvent.setup();
    render(<TeamTable />, orgkitWrapper());
    await screen.findByText('Adam Admin');
    await user.click(screen.getByRole('button', { name: 'Actions for Dana Disabled' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Enable' }));
    await waitFor(() => expect(api.db.membership('org_acme', 'usr_dana')?.status).toBe('active'));
    await user.click(screen.getByRole('button', { name: 'Actions for Mia Member' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Send password reset' }));
    expect(
      await screen.findByText('A password reset link was sent to mia@acme.test.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Actions for Adam Admin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Make owner' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Make Adam Admin the owner?' });
    await user.click(within(dialog).getByRole('button', { name: 'Make owner' }));
    await waitFor(() =>
      expect(api.db.membership('org_acme', 'usr_adam')?.roles).toContain('owner'),
    );
    expect(api.db.membership('org_acme', 'usr_olivia')?.roles).toEqual(['admin']);
  });

  it('hides what a viewer may not do, or shows it disabled with the permission needed', async () => {
    msw.mock(as('usr_vic'));
    const { unmount } = render(<TeamTable />, orgkitWrapper());
    await screen.findByText('Mia Member');
    expect(screen.queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Change roles/ })).not.toBeInTheDocument();
    unmount();
    const user = userEvent.setup();
    render(<TeamTable deniedActions="disable" />, orgkitWrapper());
    await screen.findByText('Mia Member');
    expect(
      screen.getByRole('button', { name: /^Change roles of Mia Member/ }),
    ).toHaveAccessibleDescription('You need the “members:update” permission.');
    await user.click(screen.getByRole('button', { name: 'Actions for Mia Member' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.every((i) => i.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(items[0]).toHaveTextContent('You need the “members:disable” permission.');
  });

  it('selects members and acts on them in bulk; the owner and the viewer are not selectable', async () => {
    const api = msw.mock();
    const user = userEvent.setup();
    render(<TeamTable />, orgkitWrapper());
    await screen.findByText('Mia Member');
    expect(screen.getByRole('checkbox', { name: 'Select Olivia Owner' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select Mia Member' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Vic Viewer' }));
    const bulk = screen.getByRole('group', { name: 'Actions on selected members' });
    expect(bulk).toHaveTextContent('2 selected');
    await user.click(within(bulk).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(api.db.membership('org_acme', 'usr_vic')?.status).toBe('disabled'));
    expect(api.db.membership('org_acme', 'usr_mia')?.status).toBe('disabled');
    expect(await screen.findByText('2 of 2 members updated.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Actions on selected members' })).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded members' }));
    expect(screen.getByRole('group')).toHaveTextContent('5 selected');
    await user.click(within(screen.getByRole('group')).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove 5 members?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect([...api.db.memberships.values()].filter((m) => m.orgId === 'org_acme')).toHaveLength(1);
  });

  it('pages with cursors and renders only the visible rows of thousands', async () => {
    msw.mock({ scenario: manyMembersScenario(2_000) });
    const user = userEvent.setup();
    render(<TeamTable pageSize={200} />, orgkitWrapper());
    expect(await screen.findByText(/members loaded/)).toBeInTheDocument();
    const loaded = () => Number(/(\d+) members loaded/.exec(document.body.textContent ?? '')?.[1]);
    await waitFor(() => expect(loaded()).toBeGreaterThanOrEqual(200));
    // A viewport of 480 px shows 10 rows of 48 px, plus 8 overscan: never hundreds in the DOM.
    expect(screen.getAllByRole('row').length).toBeLessThan(30);
    const before = loaded();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(loaded()).toBe(before + 200));
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', String(before + 201));
  });

  it('shows forbidden, error and loading states from the locale', async () => {
    msw.mock(as('usr_bill'));
    const { unmount } = render(<TeamTable />, orgkitWrapper());
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(
      await screen.findByText('You do not have permission to see the members.'),
    ).toBeInTheDocument();
    unmount();
    msw.server.resetHandlers();
    msw.mock(
      {},
      http.get(`${TEST_BASE_URL}/v1/organizations/:orgId/members`, () =>
        problemResponse(500, 'INTERNAL', 'Boom'),
      ),
    );
    render(<TeamTable />, orgkitWrapper({ locale: fr }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Les membres n’ont pas pu être chargés.',
    );
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  });
});

describe('TeamTable with controlled filters', () => {
  const msw = useMockServer();

  it('follows the host’s filters and reports the user’s', async () => {
    msw.mock();
    const user = userEvent.setup();
    const seen: unknown[] = [];
    const { rerender } = render(
      <TeamTable filters={{ search: 'mia' }} onFiltersChange={(f) => seen.push(f)} />,
      orgkitWrapper(),
    );
    expect(await screen.findByText('Mia Member')).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('mia');
    rerender(<TeamTable filters={{}} onFiltersChange={(f) => seen.push(f)} />);
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(await screen.findByText('Adam Admin')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'disabled');
    expect(seen).toEqual([{ status: 'disabled' }]);
  });
});
