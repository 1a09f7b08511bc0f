import { act, renderHook, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Permission } from '../lib/register.js';
import { aclCatalog, aclPresets, aclScenario } from '../msw/contract/acl-scenario.js';
import { problemResponse } from '../msw/problem.js';
import type { OrgkitMockScenario } from '../msw/scenario.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { orgkitWrapper } from '../test-support/wrapper.js';
import { useCan } from './use-can.js';
import { useExplain } from './use-explain.js';
import {
  useReplaceGrants,
  useResourceGrants,
  useResourceRecipients,
  useResources,
} from './use-resource-grants.js';

const world = (userId: string): OrgkitMockScenario => ({
  ...aclScenario,
  signedInAs: userId,
  activeOrgId: 'org_acme',
  resources: [
    { orgId: 'org_acme', type: 'directories', id: 'root' },
    { orgId: 'org_acme', type: 'directories', id: 'docs', parentId: 'root' },
    { orgId: 'org_acme', type: 'directories', id: 'secret' },
  ],
  grants: [
    {
      orgId: 'org_acme',
      type: 'directories',
      resourceId: 'root',
      principal: { kind: 'user', id: 'usr_ursula' },
      actions: ['read'],
    },
    {
      orgId: 'org_acme',
      type: 'directories',
      resourceId: 'docs',
      principal: { kind: 'email', email: 'ops@acme.test' },
      role: 'user',
    },
  ],
});

const p = (permission: string) => permission as Permission;
const dir = (id: string) => ({ type: 'directories', id });
const options = { catalog: aclCatalog, presets: aclPresets };

describe('useCan on resources', () => {
  const msw = useMockServer();

  it('asks the server once for every grant-dependent check of a render', async () => {
    msw.mock({ scenario: world('usr_ursula'), ...options });
    const { result } = renderHook(
      () => ({
        readDocs: useCan(p('directories:read'), { resource: dir('docs') }),
        readSecret: useCan(p('directories:read'), { resource: dir('secret') }),
        createDocs: useCan(p('directories:create'), { resource: dir('docs') }),
        deleteDocs: useCan(p('directories:delete'), { resource: dir('docs') }),
        agents: useCan(p('agents:run')),
      }),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    expect(result.current.readDocs).toMatchObject({ allowed: false, status: 'pending' });
    await waitFor(() => expect(result.current.readSecret.status).toBe('success'));
    await waitFor(() => expect(result.current.createDocs.status).toBe('success'));
    expect(result.current.readDocs.allowed).toBe(true); // granted on root, inherited
    expect(result.current.readSecret.allowed).toBe(false);
    expect(result.current.createDocs.allowed).toBe(false); // no grant gives create
    expect(result.current.deleteDocs).toMatchObject({ allowed: false, status: 'success' }); // not even held
    expect(result.current.agents.allowed).toBe(true);
    expect(msw.log.count('POST /v1/organizations/org_acme/access/check')).toBe(1);
  });

  it('needs no request with "access all directories"', async () => {
    msw.mock({ scenario: world('usr_alice'), ...options });
    const { result } = renderHook(
      () => useCan(p('directories:read'), { resource: dir('secret') }),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.allowed).toBe(true);
    expect(msw.log.count('POST /v1/organizations/org_acme/access/check')).toBe(0);
  });

  it('reports a failed batch as an error on each check', async () => {
    msw.mock(
      { scenario: world('usr_ursula'), ...options },
      http.post(`${TEST_BASE_URL}/v1/organizations/:orgId/access/check`, () =>
        problemResponse(500, 'INTERNAL', 'Something went wrong on our side.'),
      ),
    );
    const { result } = renderHook(
      () => useCan(p('directories:read'), { resource: dir('docs') }),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current).toMatchObject({ allowed: false });
    expect(result.current.error?.code).toBe('INTERNAL');
  });
});

describe('resource grants', () => {
  const msw = useMockServer();

  it('lists grants with inherited ones and recipients, and sharing refreshes checks', async () => {
    msw.mock({ scenario: world('usr_olivia'), ...options });
    const { result } = renderHook(
      () => ({
        grants: useResourceGrants('org_acme', dir('docs')),
        recipients: useResourceRecipients('org_acme', dir('docs')),
        share: useReplaceGrants('org_acme', dir('docs')),
      }),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await waitFor(() => expect(result.current.grants.isSuccess).toBe(true));
    expect(
      result.current.grants.data?.map((g) => [g.principal, g.inheritedFrom?.id ?? null]),
    ).toEqual([
      [{ kind: 'email', email: 'ops@acme.test' }, null],
      [{ kind: 'user', id: 'usr_ursula' }, 'root'],
    ]);
    await waitFor(() => expect(result.current.recipients.isSuccess).toBe(true));
    expect(result.current.recipients.data).toEqual({
      users: [{ id: 'usr_ursula', email: 'ursula@acme.test', name: 'Ursula User' }],
      emails: ['ops@acme.test'],
    });
    await act(() =>
      result.current.share.mutateAsync({
        grants: [{ principal: { kind: 'user', id: 'usr_sam' }, actions: ['read', 'update'] }],
      }),
    );
    await waitFor(() =>
      expect(result.current.grants.data?.[0]?.principal).toEqual({ kind: 'user', id: 'usr_sam' }),
    );
    await act(() =>
      result.current.share
        .mutateAsync({ grants: [{ principal: { kind: 'user', id: 'usr_pat' }, actions: ['fly'] }] })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.share.error?.code).toBe('VALIDATION_FAILED'));
    expect(result.current.share.error?.fieldErrors.map((e) => e.path)).toEqual([
      'grants.0.principal.id',
      'grants.0.actions',
    ]);
  });

  it('refuses sharing more than one may (escalation guard)', async () => {
    msw.mock({ scenario: world('usr_sam'), ...options });
    const { result } = renderHook(
      () => useReplaceGrants('org_acme', dir('docs')),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await act(() =>
      result.current
        .mutateAsync({
          grants: [{ principal: { kind: 'user', id: 'usr_ursula' }, actions: ['delete'] }],
        })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.error?.status).toBe(403));
  });

  it('lists the directories one may open; "access all directories" sees them all', async () => {
    const api = msw.mock({ scenario: world('usr_ursula'), ...options });
    const { result } = renderHook(
      () => useResources('org_acme', 'directories'),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items.map((r) => r.id)).toEqual(['docs', 'root']);
    api.signInAs('usr_alice', 'org_acme');
    const all = renderHook(
      () => useResources('org_acme', 'directories'),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await waitFor(() =>
      expect(all.result.current.data?.items.map((r) => r.id)).toEqual(['docs', 'root', 'secret']),
    );
  });

  it('explains a decision', async () => {
    msw.mock({ scenario: world('usr_ursula'), ...options });
    const { result } = renderHook(
      () => useExplain('org_acme', p('directories:read'), { resource: dir('docs') }),
      orgkitWrapper({ catalog: aclCatalog }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.allowed).toBe(true);
    expect(result.current.data?.summary[0]).toMatch(/^Allowed/);
  });
});
