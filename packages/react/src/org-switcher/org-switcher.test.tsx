import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { fr } from '../locale/fr.js';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { OrgSwitcher } from './org-switcher.js';

describe('OrgSwitcher', () => {
  const msw = useMockServer();

  it('shows the active organization and switches with the keyboard', async () => {
    const api = msw.mock();
    const onValueChange = vi.fn();
    render(<OrgSwitcher onValueChange={onValueChange} />, orgkitWrapper());
    const trigger = await screen.findByRole('button', { name: 'Organization: Acme' });
    expect(trigger).toHaveAttribute('data-state', 'closed');
    const user = userEvent.setup();
    trigger.focus();
    await user.keyboard('{Enter}');
    const items = await screen.findAllByRole('menuitemradio');
    expect(items.map((i) => i.textContent)).toEqual([
      'AcmePartner · Owner',
      'Acme EuropeClient · under Acme',
      'GlobexOrganization · Member',
    ]);
    expect(items[1]).toHaveAttribute('data-depth', '1');
    expect(items[0]).toHaveAttribute('aria-checked', 'true');
    await user.click(items[2]!);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Organization: Globex' })).toBeInTheDocument(),
    );
    expect(onValueChange).toHaveBeenCalledWith('org_globex');
    expect(api.db.ambient?.activeOrgId).toBe('org_globex');
  });

  it('lists the clients a partner manages and switches into one', async () => {
    const api = msw.mock();
    render(<OrgSwitcher />, orgkitWrapper());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Organization: Acme' }));
    await user.click(await screen.findByRole('menuitemradio', { name: /Acme Europe/ }));
    await screen.findByRole('button', { name: 'Organization: Acme Europe' });
    expect(api.db.ambient?.activeOrgId).toBe('org_acme_eu');
  });

  it('filters by name as you type and says when nothing matches', async () => {
    msw.mock();
    render(<OrgSwitcher defaultOpen search />, orgkitWrapper());
    const user = userEvent.setup();
    await screen.findByRole('menuitemradio', { name: /Globex/ });
    const search = screen.getByRole('searchbox', { name: 'Search organizations' });
    await user.type(search, 'eur');
    expect(screen.getAllByRole('menuitemradio').map((i) => i.textContent)).toEqual([
      'Acme EuropeClient · under Acme',
    ]);
    // the popup is a dialog holding the field and a menu of the organizations
    expect(search.closest('[role="dialog"]')).toHaveAccessibleName('Organization: Acme');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitemradio', { name: /Acme Europe/ })).toHaveFocus();
    await user.clear(search);
    await user.type(search, 'zz');
    expect(screen.queryAllByRole('menuitemradio')).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('No organization matches “zz”.');
  });

  it('creates an organization only when the server allows it, then switches to it', async () => {
    const denied = msw.mock();
    const first = render(<OrgSwitcher defaultOpen />, orgkitWrapper());
    await screen.findByRole('menuitemradio', { name: /Globex/ });
    expect(screen.queryByRole('menuitem', { name: 'Create organization' })).toBeNull();
    expect(denied.db.orgs.size).toBe(3);
    first.unmount();

    const api = msw.mock({ scenario: { ...acmeScenario, selfServe: true } });
    render(<OrgSwitcher defaultOpen />, orgkitWrapper());
    const user = userEvent.setup();
    await user.click(await screen.findByRole('menuitem', { name: 'Create organization' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an organization' });
    await user.type(within(dialog).getByLabelText('Name'), 'Initech');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await screen.findByRole('button', { name: 'Organization: Initech' });
    const created = [...api.db.orgs.values()].find((o) => o.name === 'Initech');
    expect(created).toBeDefined();
    expect(api.db.ambient?.activeOrgId).toBe(created!.id);
  });

  it('asks a user in several organizations to choose', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_olivia', null) });
    render(<OrgSwitcher />, orgkitWrapper());
    expect(await screen.findByText('Choose an organization')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Organization: Select an organization' }),
    ).toBeEnabled();
  });

  it('shows loading, empty, error and signed-out states from the locale', async () => {
    msw.mock({ scenario: { ...acmeScenario, memberships: [] } });
    const { unmount } = render(<OrgSwitcher />, orgkitWrapper());
    expect(screen.getByRole('button', { name: 'Organization: Loading…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(
      await screen.findByText('You are not a member of any organization yet.'),
    ).toBeInTheDocument();
    unmount();

    msw.server.resetHandlers();
    msw.mock(
      {},
      http.get(`${TEST_BASE_URL}/v1/me/organizations`, () =>
        problemResponse(500, 'INTERNAL', 'Something went wrong on our side.'),
      ),
    );
    const second = render(<OrgSwitcher />, orgkitWrapper({ locale: fr }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Vos organisations n’ont pas pu être chargées.',
    );
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
    second.unmount();

    msw.server.resetHandlers();
    msw.mock({ scenario: signedInAs(acmeScenario, null) });
    render(<OrgSwitcher />, orgkitWrapper());
    expect(await screen.findByText('Sign in to continue.')).toBeInTheDocument();
  });
});
