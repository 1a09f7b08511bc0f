import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { signedInAs } from '../msw/scenarios.js';
import { OrgSwitcher } from '../org-switcher/org-switcher.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { OrgTree } from './org-tree.js';
import { partnerTreeScenario } from './org-tree-world.js';

const as = (userId: string | null, orgId: string | null = 'org_acme') => ({
  scenario: signedInAs(partnerTreeScenario, userId, orgId),
});
const rows = () =>
  screen
    .getAllByRole('treeitem')
    .map(
      (item) =>
        `${item.getAttribute('aria-level')}:${item.querySelector('[data-slot="orgkit-org-tree-name"]')?.textContent}`,
    );
/** A row's accessible name: the org's name, then its kind (then "Current", the count). */
const named = (org: string) => new RegExp(`^${org} (Partner|Client|Organization)\\b`);

describe('OrgTree', () => {
  const msw = useMockServer();

  it('shows the partner forest as an ARIA tree driven by the keyboard', async () => {
    msw.mock(as('usr_olivia'));
    const user = userEvent.setup();
    render(<OrgTree />, orgkitWrapper());
    const tree = await screen.findByRole('tree', { name: 'Organizations' });
    // Roots expanded, deeper levels collapsed; names from the API, sorted by the server.
    expect(rows()).toEqual(['1:Acme', '2:Acme Asia', '2:Acme Europe', '1:Globex']);
    const acme = within(tree).getByRole('treeitem', { name: named('Acme') });
    expect(acme).toHaveAttribute('aria-expanded', 'true');
    expect(acme).toHaveTextContent('Partner');
    await waitFor(() => expect(acme).toHaveAttribute('aria-current', 'true'));
    expect(acme).toHaveAccessibleName('Acme Partner Current 2 below');
    const europe = within(tree).getByRole('treeitem', { name: named('Acme Europe') });
    expect(europe).toHaveAttribute('aria-expanded', 'false');
    expect(europe).toHaveAccessibleName('Acme Europe Client 2 below');
    expect(within(tree).getByRole('treeitem', { name: named('Globex') })).not.toHaveAttribute(
      'aria-expanded',
    );

    // One tab stop: the current organization's row.
    await user.tab();
    await user.tab();
    expect(acme).toHaveFocus();
    expect(screen.getAllByRole('treeitem').filter((i) => i.tabIndex === 0)).toEqual([acme]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(europe).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(europe).toHaveAttribute('aria-expanded', 'true');
    expect(rows()).toEqual([
      '1:Acme',
      '2:Acme Asia',
      '2:Acme Europe',
      '3:Acme Berlin',
      '3:Acme Paris',
      '1:Globex',
    ]);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('treeitem', { name: named('Acme Berlin') })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(europe).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(europe).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{End}');
    expect(screen.getByRole('treeitem', { name: named('Globex') })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(acme).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(acme).toHaveAttribute('aria-expanded', 'false');
    expect(rows()).toEqual(['1:Acme', '1:Globex']);
  });

  it('opens a client org: it becomes the active organization', async () => {
    const api = msw.mock(as('usr_adam'));
    const user = userEvent.setup();
    render(
      <>
        <OrgSwitcher />
        <OrgTree />
      </>,
      orgkitWrapper(),
    );
    expect(await screen.findByRole('button', { name: 'Organization: Acme' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Open Acme Europe' }));
    const europe = screen.getByRole('treeitem', { name: named('Acme Europe') });
    await waitFor(() => expect(europe).toHaveAttribute('aria-current', 'true'));
    expect(api.db.ambient?.activeOrgId).toBe('org_acme_eu');
    expect(await screen.findByText('Acme Europe is now the active organization.')).toHaveAttribute(
      'role',
      'status',
    );
    // The switcher names it although Adam is not a member of it (a partner manages it).
    expect(
      await screen.findByRole('button', { name: 'Organization: Acme Europe' }),
    ).toBeInTheDocument();
  });

  it('calls onOpen instead when given; Enter on a row opens it', async () => {
    const api = msw.mock(as('usr_adam'));
    const onOpen = vi.fn();
    const user = userEvent.setup();
    render(<OrgTree onOpen={onOpen} />, orgkitWrapper());
    await user.click(await screen.findByRole('button', { name: 'Open Acme Asia' }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'org_acme_asia' }));
    screen.getByRole('treeitem', { name: named('Acme') }).focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(api.db.ambient?.activeOrgId).toBe('org_acme');
  });

  it('filters by name, keeping the ancestors of each match', async () => {
    msw.mock(as('usr_olivia'));
    const user = userEvent.setup();
    render(<OrgTree />, orgkitWrapper());
    const search = await screen.findByRole('searchbox', { name: 'Search organizations' });
    await user.type(search, 'paris');
    expect(rows()).toEqual(['1:Acme', '2:Acme Europe', '3:Acme Paris']);
    expect(screen.getByRole('treeitem', { name: named('Acme Paris') })).toHaveAttribute(
      'data-match',
    );
    expect(screen.getByRole('treeitem', { name: named('Acme Europe') })).not.toHaveAttribute(
      'data-match',
    );
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('treeitem', { name: named('Acme') })).toHaveFocus();
    await user.clear(search);
    await user.type(search, 'zzz');
    expect(screen.queryByRole('tree')).toBeNull();
    expect(screen.getByText('No organization matches “zzz”.')).toBeInTheDocument();
  });

  it('creates a client org under a node and moves an org, for a partner admin', async () => {
    const api = msw.mock(as('usr_adam'));
    const user = userEvent.setup();
    render(<OrgTree />, orgkitWrapper());
    await user.click(await screen.findByRole('button', { name: 'More actions for Acme Europe' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Create client organization' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'New organization under Acme Europe',
    });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveFocus());
    await user.type(name, 'Acme Madrid');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('treeitem', { name: named('Acme Madrid') })).toHaveAttribute(
      'aria-level',
      '3',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Acme Madrid was created.')).toBeInTheDocument();
    expect([...api.db.orgs.values()].find((o) => o.name === 'Acme Madrid')?.parentId).toBe(
      'org_acme_eu',
    );

    await user.click(screen.getByRole('button', { name: 'More actions for Acme Asia' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Move to…' }));
    const move = await screen.findByRole('dialog', { name: 'Move Acme Asia' });
    await user.selectOptions(
      within(move).getByRole('combobox', { name: 'New parent' }),
      'org_acme_eu',
    );
    await user.click(within(move).getByRole('button', { name: 'Move' }));
    expect(await screen.findByText('Acme Asia now sits under Acme Europe.')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('treeitem', { name: named('Acme Asia') })).toHaveAttribute(
        'aria-level',
        '3',
      ),
    );
    expect(api.db.orgs.get('org_acme_asia')?.parentId).toBe('org_acme_eu');
  });

  it('shows a client-org viewer only their org, without actions', async () => {
    msw.mock(as('usr_cleo', 'org_acme_eu'));
    render(<OrgTree />, orgkitWrapper());
    await screen.findByRole('tree');
    await waitFor(() => expect(rows()).toEqual(['1:Acme Europe', '2:Acme Berlin', '2:Acme Paris']));
    expect(screen.getByRole('button', { name: 'Open Acme Paris' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^More actions/ })).toBeNull();
  });

  it('disables an action the viewer lacks on that node, with the reason', async () => {
    // Mia is a member of Acme (no managed_orgs) but the owner of a client org below it.
    msw.mock({
      scenario: {
        ...as('usr_mia').scenario,
        memberships: [
          ...partnerTreeScenario.memberships,
          { orgId: 'org_acme_asia', userId: 'usr_mia', roles: ['owner'] },
        ],
      },
    });
    const user = userEvent.setup();
    render(<OrgTree orgId="org_acme_asia" />, orgkitWrapper());
    await user.click(await screen.findByRole('button', { name: 'More actions for Acme Asia' }));
    const create = await screen.findByRole('menuitem', { name: /^Create client organization/ });
    await waitFor(() => expect(create).not.toHaveAttribute('aria-disabled'));
    const move = screen.getByRole('menuitem', { name: /^Move to…/ });
    expect(move).toHaveAttribute('aria-disabled', 'true');
    expect(move).toHaveTextContent('There is no other organization to move it under.');
  });

  it('shows forbidden, signed-out and empty states', async () => {
    msw.mock(as('usr_bill'));
    const first = render(<OrgTree orgId="org_acme" />, orgkitWrapper());
    expect(
      await screen.findByText(
        'You do not have permission to see the organizations below this one.',
      ),
    ).toBeInTheDocument();
    first.unmount();

    msw.server.resetHandlers();
    msw.mock(as(null, null));
    const second = render(<OrgTree />, orgkitWrapper());
    expect(await screen.findByText('Sign in to continue.')).toBeInTheDocument();
    second.unmount();

    msw.server.resetHandlers();
    msw.mock({ scenario: { ...as('usr_olivia').scenario, memberships: [] } });
    render(<OrgTree />, orgkitWrapper());
    expect(
      await screen.findByText('You are not a member of any organization yet.'),
    ).toBeInTheDocument();
  });
});
