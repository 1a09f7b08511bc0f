import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { InviteDialog } from './invite-dialog.js';

const as = (userId: string) => ({ scenario: signedInAs(acmeScenario, userId, 'org_acme') });
/** The trigger once the permission check has answered. */
async function trigger(state: 'enabled' | 'disabled') {
  const get = () => screen.getByRole('button', { name: 'Invite people' });
  await waitFor(() =>
    state === 'enabled'
      ? expect(get()).not.toHaveAttribute('aria-disabled')
      : expect(get()).toHaveAccessibleDescription('You do not have permission to invite people.'),
  );
  return get();
}
const chips = () =>
  screen.queryAllByRole('listitem').filter((li) => li.getAttribute('data-slot') === 'orgkit-chip');

describe('InviteDialog', () => {
  const msw = useMockServer();

  it('turns pasted and typed addresses into validated chips, with keyboard editing', async () => {
    msw.mock();
    const user = userEvent.setup();
    render(<InviteDialog />, orgkitWrapper());
    await user.click(await trigger('enabled'));
    const dialog = await screen.findByRole('dialog', { name: 'Invite people' });
    const input = within(dialog).getByRole('textbox', { name: 'E-mail addresses' });
    expect(input).toHaveFocus();
    await user.click(input);
    await user.paste('ada@example.com, grace@example.com\nnot-an-address  alan@example.com');
    expect(chips().map((c) => c.firstChild?.textContent)).toEqual([
      'ada@example.com',
      'grace@example.com',
      'not-an-address',
    ]);
    expect(input).toHaveValue('alan@example.com');
    await user.keyboard('{Enter}');
    expect(chips()).toHaveLength(4);
    expect(chips()[2]).toHaveAttribute('data-invalid');
    expect(chips()[2]).toHaveTextContent('not-an-address is not a valid e-mail address');
    expect(input).toHaveAccessibleDescription(
      'Paste or type addresses separated by commas, spaces or new lines. 1 invalid addresses will not be sent.',
    );
    await user.type(input, 'edsger@example.com ');
    expect(chips()).toHaveLength(5);
    await user.keyboard('{Backspace}');
    expect(chips()).toHaveLength(4);
    await user.click(within(dialog).getByRole('button', { name: 'Remove not-an-address' }));
    expect(chips()).toHaveLength(3);
    expect(input).toHaveFocus();
  });

  it('sends with roles the viewer may grant and shows a result per address', async () => {
    const api = msw.mock(as('usr_adam'));
    const onSent = vi.fn();
    const user = userEvent.setup();
    render(<InviteDialog defaultOpen onSent={onSent} />, orgkitWrapper());
    const dialog = await screen.findByRole('dialog');
    const roles = await within(dialog).findByRole('group', { name: 'Roles' });
    await waitFor(() => expect(within(roles).getAllByRole('checkbox').length).toBeGreaterThan(0));
    const offered = within(roles)
      .getAllByRole('checkbox')
      .map((c) => c.closest('label')?.querySelector('span')?.textContent);
    expect(offered).not.toContain('Owner');
    expect(within(roles).getByRole('checkbox', { name: /^Member/ })).toBeChecked();
    await user.click(within(roles).getByRole('checkbox', { name: /^Viewer/ }));
    const input = within(dialog).getByRole('textbox', { name: 'E-mail addresses' });
    await user.click(input);
    await user.paste('new1@acme.test, mia@acme.test, bad@, new2@acme.test');
    await user.click(within(dialog).getByRole('button', { name: 'Send 4 invitations' }));
    const results = await within(dialog).findByRole('region', { name: 'Results' });
    const lines = within(results)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      'new1@acme.testInvited',
      'mia@acme.testAlready a member',
      'bad@Invalid address',
      'new2@acme.testInvited',
    ]);
    expect(onSent).toHaveBeenCalledOnce();
    const sent = api.db.invitations.filter((i) => i.email === 'new1@acme.test');
    expect(sent[0]?.roles).toEqual(['member', 'viewer']);
    // The new invitations appear in the pending list.
    const pending = within(dialog).getByRole('region', { name: 'Pending invitations' });
    expect(await within(pending).findByText('new2@acme.test')).toBeInTheDocument();
    await user.click(within(results).getByRole('button', { name: 'Invite more people' }));
    // The invalid address stays for fixing.
    expect(chips().map((c) => c.firstChild?.textContent)).toEqual(['bad@']);
  });

  it('resends and revokes pending invitations', async () => {
    const api = msw.mock();
    const user = userEvent.setup();
    render(<InviteDialog defaultOpen />, orgkitWrapper());
    const pending = await screen.findByRole('region', { name: 'Pending invitations' });
    expect(await within(pending).findByText('nora@acme.test')).toBeInTheDocument();
    await user.click(within(pending).getByRole('button', { name: 'Resend nora@acme.test' }));
    expect(
      await within(pending).findByText('The invitation to nora@acme.test was sent again.'),
    ).toBeInTheDocument();
    await user.click(within(pending).getByRole('button', { name: 'Revoke otto@acme.test' }));
    await waitFor(() => expect(within(pending).queryByText('otto@acme.test')).toBeNull());
    expect(api.db.invitations.find((i) => i.email === 'otto@acme.test')?.status).toBe('revoked');
  });

  it('keeps the trigger with its reason when the viewer may not invite', async () => {
    msw.mock(as('usr_mia'));
    const user = userEvent.setup();
    render(<InviteDialog />, orgkitWrapper());
    const button = await trigger('disabled');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
