import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { problemResponse } from '../msw/problem.js';
import { signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { ResourceAccess } from './resource-access.js';
import { projectsCatalog, projectsMockOptions, projectsScenario } from './resource-access-world.js';

const as = (userId: string) => ({
  scenario: signedInAs(projectsScenario, userId, 'org_acme'),
  ...projectsMockOptions,
});
const wrapper = () => orgkitWrapper({ catalog: projectsCatalog });
const grantsOn = (api: { db: { grants: readonly unknown[] } }, id: string) =>
  (api.db.grants as { resource: { id: string }; principal: unknown; actions?: string[] }[])
    .filter((g) => g.resource.id === id)
    .map(({ principal, actions }) => ({ principal, actions }));

async function openDialog(user: ReturnType<typeof userEvent.setup>, name = 'Apollo API') {
  await user.click(await screen.findByRole('button', { name: /^Share / }));
  return screen.findByRole('dialog', { name: `Share ${name}` });
}

describe('ResourceAccess', () => {
  const msw = useMockServer();

  it('shares a project with a group: search, pick, choose access, save', async () => {
    const api = msw.mock(as('usr_olivia'));
    const onSaved = vi.fn();
    const user = userEvent.setup();
    render(
      <ResourceAccess
        type="projects"
        resourceId="apollo-api"
        resourceName="Apollo API"
        onSaved={onSaved}
      />,
      wrapper(),
    );
    // Nothing loads for a closed dialog (a list with a Share button per row).
    // named after its resource, so a list with a button per row stays unambiguous
    expect(await screen.findByRole('button', { name: 'Share Apollo API' })).toHaveTextContent(
      /^Share$/,
    );
    expect(msw.log.calls.filter((c) => c.includes('/resources/'))).toEqual([]);
    const dialog = await openDialog(user);
    const combobox = await within(dialog).findByRole('combobox', {
      name: 'Add people, groups or e-mail addresses',
    });
    await waitFor(() => expect(combobox).toHaveFocus());

    const direct = within(dialog).getByRole('list', { name: 'Who has access' });
    const mia = within(direct).getByRole('group', { name: 'Access of Mia Member' });
    expect(within(mia).getByRole('checkbox', { name: 'Open' })).toBeChecked();
    expect(within(mia).getByRole('checkbox', { name: 'Edit' })).toBeChecked();
    expect(within(mia).getByRole('checkbox', { name: 'Delete' })).not.toBeChecked();
    const inherited = within(dialog).getByRole('list', { name: 'Inherited access' });
    expect(
      within(inherited)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Supportfrom projects apolloGroupOpen',
      'Sam Sharerfrom projects apolloMemberOpen',
      'alerts@acme.testfrom projects apolloE-mailNotified only, no access',
    ]);

    await user.type(combobox, 'eng');
    const option = await within(dialog).findByRole('option', { name: /^Engineering/ });
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await user.click(option);
    expect(combobox).toHaveValue('');
    const engineering = within(direct).getByRole('group', { name: 'Access of Engineering' });
    expect(within(engineering).getByRole('checkbox', { name: 'Open' })).toBeChecked();
    await user.click(within(engineering).getByRole('checkbox', { name: 'Edit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Access saved.')).toBeInTheDocument();
    expect(grantsOn(api, 'apollo-api')).toEqual([
      { principal: { kind: 'user', id: 'usr_mia' }, actions: ['read', 'update'] },
      { principal: { kind: 'group', id: 'grp_engineering' }, actions: ['read', 'update'] },
    ]);
    expect(onSaved).toHaveBeenCalledOnce();
    // Saved: the row stays, and Adam (in Engineering) is now notified.
    expect(
      within(direct).getByRole('group', { name: 'Access of Engineering' }),
    ).toBeInTheDocument();
    const recipients = within(dialog).getByRole('list', { name: 'Notified about changes' });
    await waitFor(() => expect(recipients).toHaveTextContent('Adam Admin'));
  });

  it('works from the keyboard; e-mail addresses are notified only; Escape closes step by step', async () => {
    const api = msw.mock(as('usr_olivia'));
    const user = userEvent.setup();
    render(<ResourceAccess type="projects" resourceId="zeus" />, wrapper());
    const dialog = await openDialog(user, 'zeus');
    expect(within(dialog).getByText('Nobody has been given access yet.')).toBeInTheDocument();
    const combobox = within(dialog).getByRole('combobox');
    await waitFor(() => expect(combobox).toHaveFocus());
    await user.keyboard('a');
    // Groups match at once; members once the search has answered.
    await within(dialog).findByRole('option', { name: /^Adam Admin/ });
    await user.keyboard('{ArrowDown}');
    const highlighted = within(dialog).getByRole('option', { selected: true });
    expect(combobox).toHaveAttribute('aria-activedescendant', highlighted.id);
    const name = highlighted.querySelector(
      '[data-slot="orgkit-resource-access-name"]',
    )!.textContent;
    await user.keyboard('{Enter}');
    const direct = within(dialog).getByRole('list', { name: 'Who has access' });
    expect(within(direct).getByRole('group', { name: `Access of ${name}` })).toBeInTheDocument();

    await user.type(combobox, 'ops@example.com');
    await within(dialog).findByRole('option', { name: /^Notify ops@example.com/ });
    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{Enter}');
    const row = within(direct).getByText('ops@example.com').closest('li')!;
    expect(row).toHaveTextContent('Notified only, no access');
    expect(within(row).queryByRole('checkbox')).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Remove ops@example.com' }));
    expect(within(direct).queryByText('ops@example.com')).toBeNull();
    expect(combobox).toHaveFocus();
    await user.type(combobox, 'ops@example.com{ArrowDown}{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('Access saved.');
    expect(grantsOn(api, 'zeus').map((g) => g.principal)).toEqual([
      expect.objectContaining({ kind: 'user' }),
      { kind: 'email', email: 'ops@example.com' },
    ]);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: /^Share / })).toHaveFocus();
  });

  it('shows the server’s refusal: nobody gives access they lack (escalation guard)', async () => {
    msw.mock(as('usr_sam'));
    const user = userEvent.setup();
    render(<ResourceAccess type="projects" resourceId="apollo" />, wrapper());
    const dialog = await openDialog(user, 'apollo');
    const combobox = await within(dialog).findByRole('combobox');
    await user.type(combobox, 'Engineering');
    await user.click(await within(dialog).findByRole('option', { name: /^Engineering/ }));
    const engineering = within(dialog).getByRole('group', { name: 'Access of Engineering' });
    await user.click(within(engineering).getByRole('checkbox', { name: 'Edit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Not saved: You cannot give access you do not have on this projects: update.',
    );
    // The edit is kept for fixing.
    await user.click(within(engineering).getByRole('checkbox', { name: 'Edit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Access saved.')).toBeInTheDocument();
  });

  it('marks the rows a validation problem names, and refuses a row without any action', async () => {
    msw.mock(
      as('usr_olivia'),
      http.put(
        `${TEST_BASE_URL}/v1/organizations/org_acme/resources/projects/apollo-api/grants`,
        () =>
          problemResponse(422, 'VALIDATION_FAILED', 'Some grants are invalid.', {
            errors: [
              {
                in: 'json',
                path: 'grants.0.principal.id',
                message: 'not a member of this organization',
                code: 'unknown_user',
              },
            ],
          }),
      ),
    );
    const user = userEvent.setup();
    render(<ResourceAccess type="projects" resourceId="apollo-api" defaultOpen />, wrapper());
    const dialog = await screen.findByRole('dialog');
    const mia = await within(dialog).findByRole('group', { name: 'Access of Mia Member' });
    await user.click(within(mia).getByRole('checkbox', { name: 'Open' }));
    await user.click(within(mia).getByRole('checkbox', { name: 'Edit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(mia).toHaveAccessibleDescription('Choose at least one action.');
    await user.click(within(mia).getByRole('checkbox', { name: 'Open' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Not saved: Some grants are invalid.',
    );
    expect(mia).toHaveAccessibleDescription('not a member of this organization');
    await user.click(within(dialog).getByRole('button', { name: 'Discard changes' }));
    expect(within(mia).getByRole('checkbox', { name: 'Edit' })).toBeChecked();
  });

  it('is read-only, saying why, without access:manage', async () => {
    msw.mock(as('usr_vic'));
    render(<ResourceAccess type="projects" resourceId="apollo-api" variant="inline" />, wrapper());
    const region = await screen.findByRole('region', { name: 'Share apollo-api' });
    expect(
      await within(region).findByText(
        'You can see who has access; sharing needs the “access:manage” permission.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Share / })).toBeNull();
    expect(within(region).queryByRole('combobox')).toBeNull();
    const mia = within(region).getByRole('group', { name: 'Access of Mia Member' });
    expect(within(mia).getByRole('checkbox', { name: 'Edit' })).toBeDisabled();
    expect(within(region).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(within(region).queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('shows forbidden and not-registered states', async () => {
    msw.mock(as('usr_mia'));
    const first = render(
      <ResourceAccess type="projects" resourceId="apollo" variant="inline" />,
      wrapper(),
    );
    expect(
      await screen.findByText('You do not have permission to see who can access this.'),
    ).toBeInTheDocument();
    first.unmount();

    msw.server.resetHandlers();
    msw.mock(as('usr_olivia'));
    render(<ResourceAccess type="projects" resourceId="nope" variant="inline" />, wrapper());
    expect(
      await screen.findByText('This resource is not registered with Orgkit.'),
    ).toBeInTheDocument();
  });
});
