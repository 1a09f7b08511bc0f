import { render, screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { problemResponse } from '../msw/problem.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { PermissionGate } from './permission-gate.js';

describe('PermissionGate', () => {
  const msw = useMockServer();

  it('shows its children to a viewer holding the permission', async () => {
    msw.mock();
    render(<PermissionGate permission="members:remove">secret</PermissionGate>, orgkitWrapper());
    expect(screen.getByRole('status')).toHaveTextContent('Checking permissions…');
    expect(await screen.findByText('secret')).toBeInTheDocument();
  });

  it('explains a denial', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_vic', 'org_acme') });
    render(<PermissionGate permission="members:remove">secret</PermissionGate>, orgkitWrapper());
    expect(await screen.findByText('You do not have permission to do this.')).toBeInTheDocument();
    expect(screen.queryByText('secret')).not.toBeInTheDocument();
  });

  it('reports a failed check', async () => {
    msw.mock(
      {},
      http.get(`${TEST_BASE_URL}/v1/me/permissions`, () =>
        problemResponse(500, 'INTERNAL', 'Something went wrong on our side.'),
      ),
    );
    render(<PermissionGate permission="members:remove">secret</PermissionGate>, orgkitWrapper());
    expect(await screen.findByRole('alert')).toHaveTextContent('The request failed.');
  });
});
