import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aclScenario } from '../msw/contract/acl-scenario.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useAllOrganizations } from './use-all-organizations.js';
import { useCan } from './use-can.js';
import { useOrgTree } from './use-org-tree.js';
import { useOrganization } from './use-organization.js';
import {
  useCreateOrganization,
  useDeleteOrganization,
  useMoveOrganization,
  useUpdateOrganization,
} from './use-organization-mutations.js';
import { useOrganizations } from './use-organizations.js';

const asUser = (userId: string) => ({
  ...aclScenario,
  signedInAs: userId,
  activeOrgId: 'org_acme',
});
const names = (nodes: { name: string; children: unknown[] }[]): unknown =>
  nodes.map((n) => [n.name, names(n.children as { name: string; children: unknown[] }[])]);

describe('organization hierarchy', () => {
  const msw = useMockServer();

  it('shows the tree below an org and the partner view, and follows moves', async () => {
    msw.mock({ scenario: asUser('usr_olivia') });
    const { result } = renderHook(
      () => ({
        tree: useOrgTree('org_acme'),
        forest: useOrgTree(),
        move: useMoveOrganization('org_paris'),
        create: useCreateOrganization(),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.tree.isSuccess).toBe(true));
    expect(names([result.current.tree.data!.root])).toEqual([
      [
        'Acme',
        [
          [
            'Acme Europe',
            [
              ['Acme Berlin', []],
              ['Acme Paris', []],
            ],
          ],
        ],
      ],
    ]);
    await waitFor(() => expect(result.current.forest.isSuccess).toBe(true));
    expect(result.current.forest.data?.roots.map((r) => r.name)).toEqual(['Acme']);

    await act(() => result.current.move.mutateAsync({ parentId: 'org_acme' }));
    await waitFor(() =>
      expect(names([result.current.tree.data!.root])).toEqual([
        [
          'Acme',
          [
            ['Acme Europe', [['Acme Berlin', []]]],
            ['Acme Paris', []],
          ],
        ],
      ]),
    );
    await act(() => result.current.create.mutateAsync({ name: 'Acme Asia', parentId: 'org_acme' }));
    await waitFor(() =>
      expect(result.current.tree.data?.root.children.map((c) => c.name)).toEqual([
        'Acme Asia',
        'Acme Europe',
        'Acme Paris',
      ]),
    );
    await act(() => result.current.move.mutateAsync({ parentId: null }).catch(() => undefined));
    await waitFor(() => expect(result.current.move.error?.code).toBe('FORBIDDEN'));
  });

  it('refuses what the caller may not do', async () => {
    msw.mock({ scenario: asUser('usr_ursula') });
    const { result } = renderHook(
      () => ({
        tree: useOrgTree('org_acme'),
        all: useAllOrganizations(),
        remove: useDeleteOrganization('org_acme'),
        canDelete: useCan('organization:delete'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.tree.isError).toBe(true));
    await waitFor(() => expect(result.current.tree.error?.status).toBe(403));
    await waitFor(() => expect(result.current.all.isError).toBe(true));
    await waitFor(() => expect(result.current.all.error?.status).toBe(403));
    await waitFor(() => expect(result.current.canDelete.status).toBe('success'));
    expect(result.current.canDelete.allowed).toBe(false);
    await act(() => result.current.remove.mutateAsync().catch(() => undefined));
    await waitFor(() => expect(result.current.remove.error?.status).toBe(403));
  });

  it('renames an organization everywhere it is shown, and refuses a taken slug', async () => {
    msw.mock({ scenario: asUser('usr_olivia') });
    const { result } = renderHook(
      () => ({
        org: useOrganization('org_eu'),
        mine: useOrganizations(),
        tree: useOrgTree('org_acme'),
        update: useUpdateOrganization('org_eu'),
        updateAcme: useUpdateOrganization('org_acme'),
      }),
      orgkitWrapper(),
    );
    await waitFor(() => expect(result.current.org.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.tree.isSuccess).toBe(true));
    await act(() => result.current.update.mutateAsync({ name: 'Acme EMEA' }));
    expect(result.current.org.data?.name).toBe('Acme EMEA');
    await waitFor(() =>
      expect(result.current.tree.data?.root.children.map((c) => c.name)).toEqual(['Acme EMEA']),
    );
    await act(() => result.current.updateAcme.mutateAsync({ name: 'Acme Group' }));
    await waitFor(() =>
      expect(result.current.mine.organizations.map((m) => m.organization.name)).toEqual([
        'Acme Group',
      ]),
    );
    await act(() => result.current.update.mutateAsync({ slug: 'acme' }).catch(() => undefined));
    await waitFor(() => expect(result.current.update.error?.code).toBe('SLUG_TAKEN'));
  });

  it('lists every top-level organization to a platform admin', async () => {
    msw.mock({ scenario: asUser('usr_pat') });
    const { result } = renderHook(() => useAllOrganizations(), orgkitWrapper());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.organizations.map((o) => o.name)).toEqual(['Acme']);
  });
});
