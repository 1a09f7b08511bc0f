import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../lib/register.js';
import { aclCatalog, aclPresets, aclScenario } from '../msw/contract/acl-scenario.js';
import { useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useCan } from './use-can.js';
import { useResources } from './use-resource-grants.js';
import { useDeleteResource, useRegisterResource, useResource } from './use-resource-registry.js';

const options = { catalog: aclCatalog, presets: aclPresets };
const as = (userId: string) => ({ ...aclScenario, signedInAs: userId, activeOrgId: 'org_acme' });

describe('registering resources', () => {
  const msw = useMockServer();

  it('registers a tree, reads it back, refreshes listings and checks, and deletes leaves', async () => {
    msw.mock({ scenario: as('usr_olivia'), ...options });
    const { result } = renderHook(
      () => ({
        register: useRegisterResource('org_acme'),
        remove: useDeleteResource('org_acme'),
        list: useResources('org_acme', 'directories'),
        child: useResource('org_acme', 'directories', 'child'),
        canRead: useCan('directories:read' as Permission, {
          resource: { type: 'directories', id: 'child' },
        }),
      }),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(result.current.list.data?.items).toEqual([]);
    await act(() => result.current.register.mutateAsync({ type: 'directories', id: 'top' }));
    await act(() =>
      result.current.register.mutateAsync({ type: 'directories', id: 'child', parentId: 'top' }),
    );
    await waitFor(() =>
      expect(result.current.list.data?.items.map((r) => r.id)).toEqual(['child', 'top']),
    );
    await waitFor(() => expect(result.current.child.data?.ancestors).toEqual(['top']));
    await waitFor(() => expect(result.current.canRead.allowed).toBe(true));
    await act(() => result.current.remove.mutateAsync({ type: 'directories', id: 'child' }));
    await waitFor(() => expect(result.current.list.data?.items.map((r) => r.id)).toEqual(['top']));
  });

  it('surfaces the server’s refusal to members without access:manage', async () => {
    msw.mock({ scenario: as('usr_ursula'), ...options });
    const { result } = renderHook(
      () => useRegisterResource('org_acme'),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await act(() =>
      result.current.mutateAsync({ type: 'directories', id: 'mine' }).catch(() => undefined),
    );
    await waitFor(() => expect(result.current.error?.status).toBe(403));
  });
});
