import { OrgkitProvider, TeamTable } from '@orgkit/react';
import { acmeScenario, createOrgkitMockApi } from '@orgkit/react/msw';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The host's own component test: Orgkit's API mocked in memory by @orgkit/react/msw.
const server = setupServer(
  ...createOrgkitMockApi({ scenario: acmeScenario, baseUrl: 'http://api.test' }).handlers,
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('shows the members of the active org from the mocked API', async () => {
  render(
    <OrgkitProvider baseUrl="http://api.test" queryClient={new QueryClient()} orgId="org_acme">
      <TeamTable />
    </OrgkitProvider>,
  );
  expect(await screen.findByText('Adam Admin')).toBeTruthy();
  expect(screen.getByText('Vic Viewer')).toBeTruthy();
});
