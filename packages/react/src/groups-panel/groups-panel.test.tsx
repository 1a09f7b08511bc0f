import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { GroupsPanel } from './groups-panel.js';
import { groupsScenario } from './groups-world.js';

describe('GroupsPanel', () => {
  const msw = useMockServer();

  it('shows a group’s members and roles, adds and removes members, assigns roles', async () => {
    const api = msw.mock({ scenario: groupsScenario });
    const user = userEvent.setup();
    render(<GroupsPanel />, orgkitWrapper());
    await user.click(await screen.findByRole('button', { name: /^Support/ }));
    const detail = await screen.findByRole('region', { name: 'Support' });
    expect(await within(detail).findByText('Mia Member')).toBeInTheDocument();
    await user.click(
      within(detail).getByRole('button', { name: 'Remove Vic Viewer from the group' }),
    );
    await waitFor(() => expect(within(detail).queryByText('Vic Viewer')).toBeNull());
    await user.selectOptions(
      within(detail).getByRole('combobox', { name: 'Add a member' }),
      'usr_adam',
    );
    await user.click(within(detail).getByRole('button', { name: 'Add' }));
    expect(await within(detail).findByText('Adam Admin')).toBeInTheDocument();
    const roles = within(detail).getByRole('group', { name: 'Roles given to its members' });
    expect(within(roles).getByRole('checkbox', { name: 'Viewer' })).toBeChecked();
    await user.click(within(roles).getByRole('checkbox', { name: 'Member' }));
    await waitFor(() =>
      expect(api.db.groups.get('grp_support')?.roles).toEqual(['viewer', 'member']),
    );
  });

  it('creates and deletes groups', async () => {
    msw.mock({ scenario: groupsScenario });
    const user = userEvent.setup();
    render(<GroupsPanel />, orgkitWrapper());
    await user.type(await screen.findByRole('textbox', { name: 'Group name' }), 'Ops');
    await user.click(screen.getByRole('button', { name: 'Create group' }));
    const detail = await screen.findByRole('region', { name: 'Ops' });
    expect(within(detail).getByText('This group has no members.')).toBeInTheDocument();
    await user.click(within(detail).getByRole('button', { name: 'Delete group' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete the group Ops?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Ops/ })).toBeNull());
  });

  it('is read-only for a viewer', async () => {
    msw.mock({ scenario: signedInAs(groupsScenario, 'usr_vic', 'org_acme') });
    const user = userEvent.setup();
    render(<GroupsPanel />, orgkitWrapper());
    await user.click(await screen.findByRole('button', { name: /^Finance/ }));
    const detail = await screen.findByRole('region', { name: 'Finance' });
    await within(detail).findByText('Bill Board');
    expect(screen.queryByRole('textbox', { name: 'Group name' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(within(detail).queryByRole('button', { name: 'Delete group' })).toBeNull();
    expect(within(detail).getByRole('checkbox', { name: 'Billing contact' })).toBeDisabled();
  });
});
