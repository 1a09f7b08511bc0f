import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { ApiKeys } from './api-keys.js';

describe('ApiKeys', () => {
  const msw = useMockServer();

  it('creates a key, shows its secret once, lists it and revokes it after confirmation', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const user = userEvent.setup();
    render(<ApiKeys />, orgkitWrapper());
    expect(await screen.findByText('You have no API keys yet.')).toBeInTheDocument();
    await user.type(await screen.findByRole('textbox', { name: 'Key name' }), 'CI deploys');
    expect(screen.getByRole('checkbox', { name: 'Only for this organization' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const secret = await screen.findByRole('alert');
    expect(within(secret).getByRole('heading', { name: 'Your new API key' })).toBeInTheDocument();
    const value = secret.querySelector('code')?.textContent ?? '';
    expect(value).toMatch(/^ok_/);
    const table = await screen.findByRole('table', { name: 'API keys' });
    const row = within(table).getByText('CI deploys').closest('tr')!;
    expect(row).toHaveTextContent('Active');
    // The list never carries the secret.
    expect(table.textContent).not.toContain(value);
    await user.click(within(secret).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText(value)).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Revoke CI deploys' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke the key CI deploys?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('table')).getByText('CI deploys').closest('tr'),
      ).toHaveTextContent('Revoked'),
    );
  });

  it('hides creation without api_keys:create', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_vic', 'org_acme') });
    render(<ApiKeys />, orgkitWrapper());
    expect(
      await screen.findByText('You do not have permission to create API keys.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Key name' })).toBeNull();
  });
});
