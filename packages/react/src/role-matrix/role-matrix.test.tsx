import { portalCatalog } from '@orgkit/core/presets';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { RoleMatrix } from './role-matrix.js';
import { portalMockOptions } from './role-matrix-world.js';

const as = (userId: string) => ({ scenario: signedInAs(acmeScenario, userId, 'org_acme') });

async function createRole(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: 'New role' }));
  const dialog = await screen.findByRole('dialog', { name: 'New role' });
  await user.type(within(dialog).getByRole('textbox', { name: 'Role name' }), name);
  await user.click(within(dialog).getByRole('button', { name: 'Create role' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('RoleMatrix', () => {
  const msw = useMockServer();

  it('shows roles as columns and the catalog as grouped rows; presets are read-only', async () => {
    msw.mock();
    render(<RoleMatrix />, orgkitWrapper());
    const grid = await screen.findByRole('grid', { name: 'Roles and permissions' });
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.querySelector('[data-slot="orgkit-role-matrix-role-name"]')?.textContent);
    expect(headers.slice(1, 6)).toEqual(['Owner', 'Admin', 'Member', 'Billing contact', 'Viewer']);
    expect(within(grid).getByRole('columnheader', { name: 'Team' })).toBeInTheDocument();
    const cell = within(grid).getByRole('img', {
      name: 'Members · Remove members for Admin: Granted',
    });
    expect(cell).toBeInTheDocument();
    expect(
      within(grid).getByRole('img', { name: 'Members · Remove members for Viewer: Not granted' }),
    ).toBeInTheDocument();
    expect(within(grid).queryAllByRole('checkbox')).toHaveLength(0);
  });

  it('creates a custom role and edits it cell by cell', async () => {
    const api = msw.mock();
    const user = userEvent.setup();
    render(<RoleMatrix />, orgkitWrapper());
    await createRole(user, 'Support desk');
    const box = await screen.findByRole('checkbox', {
      name: 'Members · View members for Support desk',
    });
    expect(box).not.toBeChecked();
    await user.click(box);
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'Members · View members for Support desk' }),
      ).toBeChecked(),
    );
    const stored = api.db.model().registry.get('support_desk', 'org_acme');
    expect(stored?.self).toBeDefined();
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Saved.');
    // Keyboard: Enter toggles the focused cell back off.
    screen.getByRole('checkbox', { name: 'Members · View members for Support desk' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(
        screen.getByRole('checkbox', { name: 'Members · View members for Support desk' }),
      ).not.toBeChecked(),
    );
  });

  it('moves focus across the grid with arrow keys and keeps one tab stop', async () => {
    msw.mock();
    const user = userEvent.setup();
    render(<RoleMatrix />, orgkitWrapper());
    const grid = await screen.findByRole('grid');
    const stops = () => grid.querySelectorAll('[data-cell][tabindex="0"]');
    expect(stops()).toHaveLength(1);
    (stops()[0] as HTMLElement).focus();
    expect(document.activeElement).toHaveAttribute('data-cell', '0:0');
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-cell', '1:2');
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-cell', '1:4');
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toHaveAttribute('data-cell', '0:0');
    await user.keyboard('{ArrowUp}{ArrowLeft}{PageDown}');
    expect(document.activeElement).toHaveAttribute('data-cell', '10:0');
    expect(stops()).toHaveLength(1);
    expect(stops()[0]).toBe(document.activeElement);
  });

  it('marks conditional grants with a star and their condition, and exclusive modules', async () => {
    msw.mock(portalMockOptions);
    render(<RoleMatrix />, orgkitWrapper({ catalog: portalCatalog }));
    const grid = await screen.findByRole('grid');
    const star = within(grid).getByRole('img', {
      name: 'Flows · Create for L1 support team: Granted',
    });
    expect(star).toHaveTextContent('⭐');
    expect(star).toHaveAccessibleDescription(/^Only while also holding: /);
    expect(star.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      within(grid).getByText('A member holds at most one Portal role.', { exact: false }),
    ).toBeInTheDocument();
  });

  it('duplicates a role and deletes a custom role after confirmation', async () => {
    const api = msw.mock();
    const user = userEvent.setup();
    render(<RoleMatrix />, orgkitWrapper());
    await user.click(await screen.findByRole('button', { name: 'Actions for the role Viewer' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Duplicate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Duplicate' });
    expect(within(dialog).getByRole('textbox', { name: 'Role name' })).toHaveValue(
      'Copy of Viewer',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Key' })).toHaveValue('copy_of_viewer');
    await user.click(within(dialog).getByRole('button', { name: 'Create role' }));
    expect(
      await screen.findByRole('checkbox', { name: 'Members · View members for Copy of Viewer' }),
    ).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Actions for the role Copy of Viewer' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', {
      name: 'Delete the role Copy of Viewer?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Actions for the role Copy of Viewer' }),
      ).toBeNull(),
    );
    expect(api.db.model().registry.get('copy_of_viewer', 'org_acme')).toBeUndefined();
  });

  it('is read-only for viewers and forbidden without roles:read', async () => {
    msw.mock(as('usr_vic'));
    const { unmount } = render(<RoleMatrix />, orgkitWrapper());
    await screen.findByRole('grid');
    expect(await screen.findByText('Preset roles cannot be edited.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New role' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Actions for the role/ })).toBeNull();
    unmount();
    msw.server.resetHandlers();
    msw.mock(as('usr_bill'));
    render(<RoleMatrix />, orgkitWrapper());
    expect(
      await screen.findByText('You do not have permission to see the roles.'),
    ).toBeInTheDocument();
  });
});
