import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useCan } from './use-can.js';
import {
  useCreateGroup,
  useDeleteGroup,
  useSetGroupMembers,
  useSetGroupRoles,
  useUpdateGroup,
} from './use-group-mutations.js';
import { useGroup, useGroups } from './use-groups.js';

describe('groups', () => {
  const msw = useMockServer();

  it('creates groups whose roles apply to their members', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_olivia', 'org_acme') });
    const { result } = renderHook(
      () => ({
        groups: useGroups(),
        create: useCreateGroup('org_acme'),
        members: useSetGroupMembers('org_acme'),
        roles: useSetGroupRoles('org_acme'),
        rename: useUpdateGroup('org_acme'),
        remove: useDeleteGroup('org_acme'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.groups.isSuccess).toBe(true));
    expect(result.current.groups.groups).toEqual([]);
    const ops = await act(() =>
      result.current.create.mutateAsync({ name: 'Ops', memberIds: ['usr_mia'], roles: ['viewer'] }),
    );
    expect(ops.members.map((m) => m.userId)).toEqual(['usr_mia']);
    await waitFor(() =>
      expect(result.current.groups.groups.map((g) => [g.name, g.memberCount])).toEqual([
        ['Ops', 1],
      ]),
    );

    const added = await act(() =>
      result.current.members.mutateAsync({ groupId: ops.id, userIds: ['usr_bill'], mode: 'add' }),
    );
    expect(added.members.map((m) => m.name)).toEqual(['Bill Board', 'Mia Member']);
    await act(() =>
      result.current.members
        .mutateAsync({ groupId: ops.id, userIds: ['usr_gina'] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.members.error?.status).toBe(422));
    await act(() =>
      result.current.roles
        .mutateAsync({ groupId: ops.id, roles: ['owner'] })
        .catch(() => undefined),
    );
    await waitFor(() =>
      expect(result.current.roles.error?.code).toBe('OWNER_ROLE_REQUIRES_TRANSFER'),
    );
    await act(() => result.current.rename.mutateAsync({ groupId: ops.id, name: 'Operations' }));
    await waitFor(() => expect(result.current.groups.groups[0]?.name).toBe('Operations'));
    await act(() => result.current.remove.mutateAsync({ groupId: ops.id }));
    await waitFor(() => expect(result.current.groups.groups).toEqual([]));
  });

  it('gives a member the group’s permissions', async () => {
    const api = msw.mock({
      scenario: {
        ...signedInAs(acmeScenario, 'usr_bill', 'org_acme'),
        groups: [
          { id: 'grp_ops', orgId: 'org_acme', name: 'Ops', memberIds: ['usr_bill'], roles: [] },
        ],
      },
    });
    const { result } = renderHook(
      () => ({ canReadMembers: useCan('members:read'), group: useGroup('org_acme', 'grp_ops') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.canReadMembers.status).toBe('success'));
    expect(result.current.canReadMembers.allowed).toBe(false);
    expect(result.current.group.error?.status).toBe(403); // bill may not read groups
    api.db.groups.get('grp_ops')!.roles = ['viewer'];
    api.db.changed();
    const again = renderHook(() => useCan('members:read'), orgkitWrapper());
    await waitFor(() => expect(again.result.current.allowed).toBe(true));
  });

  it('separates managing groups from assigning their roles', async () => {
    msw.mock({
      scenario: {
        ...signedInAs(acmeScenario, 'usr_vic', 'org_acme'),
        groups: [{ id: 'grp_ops', orgId: 'org_acme', name: 'Ops', memberIds: [], roles: [] }],
      },
    });
    const { result } = renderHook(
      () => ({ groups: useGroups(), roles: useSetGroupRoles('org_acme') }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.groups.groups).toHaveLength(1));
    await act(() =>
      result.current.roles
        .mutateAsync({ groupId: 'grp_ops', roles: ['viewer'] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.roles.error?.code).toBe('FORBIDDEN'));
  });
});
