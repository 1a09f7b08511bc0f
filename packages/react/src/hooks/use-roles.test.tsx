import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useCan } from './use-can.js';
import { useMembers } from './use-members.js';
import { useCreateRole, useDeleteRole, useUpdateRole } from './use-role-mutations.js';
import { usePermissionCatalog, useRole, useRoles } from './use-roles.js';
import { useUpdateMember } from './use-update-member.js';

describe('roles', () => {
  const msw = useMockServer();

  it('lists presets with what they resolve to, and the catalog with labels', async () => {
    msw.mock();
    const { result } = renderHook(
      () => ({
        roles: useRoles(),
        admin: useRole('org_acme', 'admin'),
        catalog: usePermissionCatalog(),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.roles.isSuccess).toBe(true));
    expect(result.current.roles.data?.map((r) => [r.key, r.kind, r.holders.members])).toEqual([
      ['owner', 'preset', 1],
      ['admin', 'preset', 1],
      ['member', 'preset', 2],
      ['billing_contact', 'preset', 1],
      ['viewer', 'preset', 1],
    ]);
    await waitFor(() => expect(result.current.admin.isSuccess).toBe(true));
    expect(result.current.admin.data?.permissions.self.permissions).not.toContain(
      'organization:delete',
    );
    await waitFor(() => expect(result.current.catalog.isSuccess).toBe(true));
    expect(result.current.catalog.data?.modules.map((m) => m.module)).toEqual([
      'organization',
      'team',
    ]);
  });

  it('creates, edits and deletes a custom role, and holders’ permissions follow', async () => {
    const api = msw.mock({ scenario: signedInAs(acmeScenario, 'usr_adam', 'org_acme') });
    const { result } = renderHook(
      () => ({
        roles: useRoles(),
        create: useCreateRole('org_acme'),
        update: useUpdateRole('org_acme'),
        remove: useDeleteRole('org_acme'),
        assign: useUpdateMember('org_acme'),
        canExport: useCan('audit_log:export'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.roles.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.canExport.allowed).toBe(true));
    const created = await act(() =>
      result.current.create.mutateAsync({
        key: 'auditor',
        name: 'Auditor',
        self: ['audit_log:*', 'members:read'],
      }),
    );
    expect(created.permissions.self.permissions).toEqual([
      'members:read',
      'audit_log:read',
      'audit_log:export',
    ]);
    await waitFor(() => expect(result.current.roles.data?.at(-1)?.key).toBe('auditor'));
    await act(() => result.current.assign.mutateAsync({ userId: 'usr_vic', roles: ['auditor'] }));

    // Vic's own view (a separate client, as in Vic's browser).
    const asVic = async () => {
      api.signInAs('usr_vic', 'org_acme');
      const view = renderHook(() => useCan('audit_log:export'), orgkitWrapper());
      await waitFor(() => expect(view.result.current.status).toBe('success'));
      api.signInAs('usr_adam', 'org_acme');
      return view.result.current.allowed;
    };
    expect(await asVic()).toBe(true);

    // Editing a role refetches every cached permission set: whoever holds it sees the change.
    const fetched = msw.log.count('GET /v1/me/permissions');
    await act(() =>
      result.current.update.mutateAsync({ key: 'auditor', self: ['audit_log:read'] }),
    );
    await waitFor(() => expect(msw.log.count('GET /v1/me/permissions')).toBeGreaterThan(fetched));
    expect(await asVic()).toBe(false);

    await act(() => result.current.remove.mutateAsync({ key: 'auditor' }).catch(() => undefined));
    await waitFor(() => expect(result.current.remove.error?.code).toBe('ROLE_IN_USE'));
  });

  it('refuses presets, unknown permissions and escalation', async () => {
    msw.mock({ scenario: signedInAs(acmeScenario, 'usr_adam', 'org_acme') });
    const { result } = renderHook(
      () => ({ create: useCreateRole('org_acme'), update: useUpdateRole('org_acme') }),
      orgkitWrapper(),
    );
    await act(() =>
      result.current.update.mutateAsync({ key: 'admin', name: 'Boss' }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.update.error?.code).toBe('PRESET_ROLE_READONLY'));
    await act(() =>
      result.current.create
        .mutateAsync({ key: 'typo', name: 'Typo', self: ['members:raed'] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.create.error?.code).toBe('VALIDATION_FAILED'));
    expect(result.current.create.error?.fieldErrors[0]?.path).toBe('self.0');
    await act(() =>
      result.current.create
        .mutateAsync({ key: 'god', name: 'God', self: ['*'] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.create.error?.code).toBe('PERMISSION_ESCALATION'));
  });

  it('deletes a held role by reassigning its holders', async () => {
    msw.mock({
      scenario: {
        ...acmeScenario,
        memberships: acmeScenario.memberships.map((m) =>
          m.userId === 'usr_mia' ? { ...m, roles: ['auditor'] } : m,
        ),
      },
    });
    const { result } = renderHook(
      () => ({
        create: useCreateRole('org_acme'),
        remove: useDeleteRole('org_acme'),
        members: useMembers('org_acme', { role: 'viewer' }),
      }),
      orgkitWrapper(),
    );
    await act(() =>
      result.current.create.mutateAsync({
        key: 'auditor',
        name: 'Auditor',
        self: ['audit_log:read'],
      }),
    );
    await act(() => result.current.remove.mutateAsync({ key: 'auditor', reassignTo: 'viewer' }));
    await waitFor(() =>
      expect(result.current.members.members.map((m) => m.userId)).toEqual(['usr_mia', 'usr_vic']),
    );
  });
});
