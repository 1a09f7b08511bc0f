import { describe, expect, it } from 'vitest';
import { AccessModel } from '../model/access-model.js';
import { testCatalog, testPresets } from '../test-support/fixtures.js';
import { describeExplanation } from './explain.js';

function model() {
  return new AccessModel(testCatalog, testPresets, {
    orgs: [
      { id: 'partner', parentId: null },
      { id: 'client', parentId: 'partner' },
    ],
    users: [
      { id: 'ann', status: 'active' },
      { id: 'bob', status: 'active' },
      { id: 'off', status: 'disabled' },
      { id: 'root', status: 'active', platformAdmin: true },
    ],
    memberships: [
      { orgId: 'partner', userId: 'ann', roles: ['admin'] },
      { orgId: 'client', userId: 'bob', roles: ['manager', 'l1'] },
      { orgId: 'client', userId: 'off', roles: ['admin'] },
    ],
    groups: [{ id: 'g1', orgId: 'client', name: 'Readers', roles: ['viewer'], memberIds: ['bob'] }],
    resources: [
      { type: 'directories', id: 'top', orgId: 'client', parent: null },
      {
        type: 'directories',
        id: 'mid',
        orgId: 'client',
        parent: { type: 'directories', id: 'top' },
      },
      {
        type: 'directories',
        id: 'leaf',
        orgId: 'client',
        parent: { type: 'directories', id: 'mid' },
      },
    ],
    grants: [
      {
        orgId: 'client',
        resource: { type: 'directories', id: 'top' },
        principal: { kind: 'group', id: 'g1' },
        actions: ['read'],
      },
    ],
  });
}

describe('explain', () => {
  it('names each role granting a permission: direct and through which group', () => {
    const e = model().explain('bob', 'client', 'members:read');
    expect(e.allowed).toBe(true);
    expect(e.reasons).toEqual([
      expect.objectContaining({
        kind: 'role',
        roleKey: 'manager',
        scope: 'self',
        source: { kind: 'direct' },
      }),
      expect.objectContaining({
        kind: 'role',
        roleKey: 'viewer',
        source: { kind: 'group', groupId: 'g1', groupName: 'Readers' },
      }),
    ]);
  });

  it('names the ancestor org a role is inherited from', () => {
    const e = model().explain('ann', 'client', 'members:remove');
    expect(e.allowed).toBe(true);
    expect(e.reasons).toEqual([
      expect.objectContaining({
        kind: 'role',
        roleKey: 'admin',
        orgId: 'partner',
        scope: 'descendants',
      }),
    ]);
  });

  it('reports the unmet condition and what is missing', () => {
    const e = model().explain('bob', 'client', 'reports:export');
    expect(e.allowed).toBe(false);
    expect(e.reasons).toEqual([
      expect.objectContaining({
        kind: 'condition-unmet',
        roleKey: 'manager',
        missing: ['tier:l2'],
      }),
    ]);
    expect(describeExplanation(e).join('\n')).toContain('also requires tier:l2');
  });

  it('explains denials for inactive users, non-members, unknown permissions and missing roles', () => {
    const m = model();
    expect(m.explain('off', 'client', 'members:read').reasons).toEqual([
      { kind: 'inactive', status: 'disabled' },
    ]);
    expect(m.explain('bob', 'partner', 'members:read').reasons).toEqual([
      { kind: 'not-member', orgId: 'partner' },
    ]);
    expect(m.explain('bob', 'client', 'nope:nope' as 'members:read').reasons).toEqual([
      { kind: 'unknown-permission' },
    ]);
    expect(m.explain('bob', 'client', 'roles:assign').reasons).toEqual([
      { kind: 'no-role-grants' },
    ]);
    expect(m.explain('root', 'client', 'roles:assign')).toMatchObject({
      allowed: true,
      reasons: [{ kind: 'platform-admin' }],
    });
  });

  it('points at the ACL grant on an ancestor resource, or says none applies', () => {
    const m = model();
    const ok = m.explain('bob', 'client', 'directories:read', { type: 'directories', id: 'leaf' });
    expect(ok.allowed).toBe(true);
    expect(ok.reasons).toContainEqual({
      kind: 'acl-grant',
      resource: { type: 'directories', id: 'top' },
      principal: { kind: 'group', id: 'g1' },
      inherited: true,
    });
    m.setGrants('client', { type: 'directories', id: 'top' }, []);
    const denied = m.explain('bob', 'client', 'directories:read', {
      type: 'directories',
      id: 'leaf',
    });
    expect(denied.allowed).toBe(false);
    expect(denied.reasons).toContainEqual({
      kind: 'acl-no-grant',
      resource: { type: 'directories', id: 'leaf' },
    });
  });

  it('always agrees with allowed()', () => {
    const m = model();
    for (const user of ['ann', 'bob', 'off', 'root', 'ghost']) {
      for (const org of ['partner', 'client']) {
        for (const p of testCatalog.permissions) {
          expect(m.explain(user, org, p).allowed).toBe(m.allowed(user, org, p));
          if (p.startsWith('directories:')) {
            const r = { type: 'directories', id: 'leaf' };
            expect(m.explain(user, org, p, r).allowed).toBe(m.allowed(user, org, p, r));
          }
        }
      }
    }
  });
});
