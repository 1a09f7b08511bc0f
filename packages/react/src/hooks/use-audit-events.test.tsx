import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useAuditEvents } from './use-audit-events.js';
import { useOrgChildren } from './use-org-children.js';
import { useOrganization } from './use-organization.js';
import { useRemoveMember } from './use-remove-member.js';

describe('useAuditEvents', () => {
  const msw = useMockServer();

  it('lists the active org’s log newest first and refreshes after a mutation', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ log: useAuditEvents(), remove: useRemoveMember('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.log.isSuccess).toBe(true));
    expect(result.current.log.events.map((e) => e.action)).toEqual([
      'member.roles_updated',
      'invitation.created',
    ]);
    await act(() => result.current.remove.mutateAsync({ userId: 'usr_vic' }));
    await waitFor(() => expect(result.current.log.events[0]?.action).toBe('member.removed'));
    expect(result.current.log.events[0]).toMatchObject({
      actorId: 'usr_olivia',
      targetId: 'usr_vic',
      description: 'Member vic@acme.test removed',
    });
  });

  it('filters by action prefix and reads a user’s own log', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({
        invitations: useAuditEvents({ orgId: 'org_acme' }, { action: 'invitation' }),
        mine: useAuditEvents({ userId: 'usr_olivia' }),
        someoneElse: useAuditEvents({ userId: 'usr_adam' }),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.someoneElse.isError).toBe(true));
    await waitFor(() => expect(result.current.mine.isSuccess).toBe(true));
    expect(result.current.invitations.events.map((e) => e.action)).toEqual(['invitation.created']);
    expect(result.current.mine.events.map((e) => e.actorId)).toEqual(['usr_olivia']);
    // someone else's log answers like a user nobody has, so ids cannot be probed
    await waitFor(() => expect(result.current.someoneElse.error?.code).toBe('NOT_FOUND'));
  });

  it('is forbidden without audit_log:read', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_mia', 'org_acme') });
    const { result } = renderHook(() => useAuditEvents(), orgkitWrapper());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.status).toBe(403);
  });
});

describe('useOrganization and useOrgChildren', () => {
  const msw = useMockServer();
  it('reads an organization and its managed children', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({ org: useOrganization('org_acme'), tree: useOrgChildren('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.tree.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.org.isSuccess).toBe(true));
    expect(result.current.org.data).toMatchObject({ name: 'Acme', kind: 'partner' });
    expect(result.current.tree.children.map((o) => [o.name, o.kind])).toEqual([
      ['Acme Europe', 'client'],
    ]);
  });
});
