import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define-catalog.js';
import { AccessModel } from '../model/access-model.js';
import { createRoleRegistry } from '../roles/role-registry.js';
import { testCatalog, testPresets } from '../test-support/fixtures.js';
import { computePermissions } from './compute-permissions.js';

// root ─ partner ─ client ─ sub ; other is a separate tree
function model() {
  return new AccessModel(testCatalog, testPresets, {
    orgs: [
      { id: 'root', parentId: null },
      { id: 'partner', parentId: 'root' },
      { id: 'client', parentId: 'partner' },
      { id: 'sub', parentId: 'client' },
      { id: 'other', parentId: null },
    ],
    users: [
      { id: 'ann', status: 'active' },
      { id: 'bob', status: 'active' },
      { id: 'off', status: 'disabled' },
      { id: 'inv', status: 'invited' },
      { id: 'root-admin', status: 'active', platformAdmin: true },
    ],
    memberships: [
      { orgId: 'partner', userId: 'ann', roles: ['manager'] },
      { orgId: 'client', userId: 'bob', roles: ['viewer'] },
      { orgId: 'client', userId: 'off', roles: ['admin'] },
      { orgId: 'client', userId: 'inv', roles: ['admin'] },
    ],
  });
}

describe('computePermissions', () => {
  it('gives a member the self set of their roles, including extended roles', () => {
    const m = model();
    expect(m.permissions('ann', 'partner').list()).toEqual([
      'members:read',
      'members:invite',
      'roles:read',
      'directories:read',
      'reports:read',
    ]);
    expect(m.permissions('bob', 'client').has('members:invite')).toBe(false);
  });

  it('applies the descendants set in every org below, and nothing in unrelated orgs', () => {
    const m = model();
    expect(m.permissions('ann', 'client').list()).toEqual(['members:read', 'reports:read']);
    expect(m.permissions('ann', 'sub').list()).toEqual(['members:read', 'reports:read']);
    expect(m.permissions('ann', 'root').size).toBe(0);
    expect(m.permissions('ann', 'other').size).toBe(0);
  });

  it('denies everything to non-active users, whatever their roles', () => {
    const m = model();
    expect(m.permissions('off', 'client').size).toBe(0);
    expect(m.permissions('inv', 'client').size).toBe(0);
    expect(m.permissions('nobody', 'client').size).toBe(0);
  });

  it('gives platform admins every permission in every org', () => {
    const m = model();
    expect(m.permissions('root-admin', 'other').size).toBe(testCatalog.size);
  });

  it('unions direct roles and group roles; group roles also flow down', () => {
    const m = model();
    m.upsertGroup({ id: 'g1', orgId: 'client', name: 'Leads', roles: ['l2'], memberIds: ['bob'] });
    m.setMembership({ orgId: 'client', userId: 'bob', roles: ['viewer', 'manager'] });
    const perms = m.permissions('bob', 'client');
    expect(perms.has('tier:l2')).toBe(true);
    expect(perms.has('members:invite')).toBe(true);
    // manager's export requires tier:l2, which the group gives: the condition holds
    expect(perms.has('reports:export')).toBe(true);
    m.upsertGroup({
      id: 'g2',
      orgId: 'partner',
      name: 'Partner admins',
      roles: ['admin'],
      memberIds: ['bob'],
    });
    m.setMembership({ orgId: 'partner', userId: 'bob', roles: [] });
    // in sub: admin's descendants set from the partner group, manager's from client
    expect(m.permissions('bob', 'sub').list()).toEqual([
      'members:read',
      'members:invite',
      'members:remove',
      'reports:read',
    ]);
  });

  it('does not grant a conditional permission while its requirement is missing', () => {
    const m = model();
    m.setMembership({ orgId: 'partner', userId: 'ann', roles: ['manager', 'l1'] });
    expect(m.permissions('ann', 'partner').has('reports:export')).toBe(false);
    m.setMembership({ orgId: 'partner', userId: 'ann', roles: ['manager', 'l2'] });
    expect(m.permissions('ann', 'partner').has('reports:export')).toBe(true);
  });

  it('evaluates chained conditions to a fixpoint and leaves unanchored cycles denied', () => {
    const registry = createRoleRegistry(testCatalog, [
      {
        key: 'chain',
        name: 'Chain',
        self: [
          { permission: 'reports:export', requires: 'members:remove' },
          { permission: 'members:remove', requires: ['members:invite'] },
          'members:invite',
          { permission: 'roles:assign', requires: 'roles:read' },
          { permission: 'roles:read', requires: 'roles:assign' },
        ],
      },
    ]);
    const perms = computePermissions(registry, {
      subject: { userId: 'u', status: 'active' },
      orgId: 'o',
      ancestors: [],
      member: true,
      assignments: [{ orgId: 'o', roleKey: 'chain', source: { kind: 'direct' } }],
    });
    expect(perms.list()).toEqual(['members:invite', 'members:remove', 'reports:export']);
  });

  it('ignores roles held in orgs that are neither the org nor its ancestors, and unknown roles', () => {
    const registry = createRoleRegistry(testCatalog, testPresets);
    const perms = computePermissions(registry, {
      subject: { userId: 'u', status: 'active' },
      orgId: 'o',
      ancestors: ['p'],
      member: true,
      assignments: [
        { orgId: 'elsewhere', roleKey: 'admin', source: { kind: 'direct' } },
        { orgId: 'o', roleKey: 'no-such-role', source: { kind: 'direct' } },
        { orgId: 'o', roleKey: 'viewer', source: { kind: 'direct' } },
      ],
    });
    expect(perms.list()).toEqual([
      'members:read',
      'roles:read',
      'directories:read',
      'reports:read',
    ]);
  });

  it('gives a non-member nothing from self roles but keeps inherited ones', () => {
    const registry = createRoleRegistry(testCatalog, testPresets);
    const base = {
      subject: { userId: 'u', status: 'active' as const },
      orgId: 'o',
      ancestors: ['p'],
      member: false,
    };
    expect(
      computePermissions(registry, {
        ...base,
        assignments: [{ orgId: 'o', roleKey: 'admin', source: { kind: 'direct' } }],
      }).size,
    ).toBe(0);
    expect(
      computePermissions(registry, {
        ...base,
        assignments: [{ orgId: 'p', roleKey: 'viewer', source: { kind: 'direct' } }],
      }).size,
    ).toBe(0);
    expect(
      computePermissions(registry, {
        ...base,
        assignments: [{ orgId: 'p', roleKey: 'admin', source: { kind: 'direct' } }],
      }).list(),
    ).toEqual(['members:read', 'members:invite', 'members:remove']);
  });

  it('custom roles are per org and shadow nothing outside it', () => {
    const m = model();
    m.setCustomRoles([
      {
        key: 'auditor',
        name: 'Auditor',
        kind: 'custom',
        orgId: 'client',
        extends: 'viewer',
        self: ['reports:export'],
        remove: { self: ['directories:read'] },
      },
    ]);
    m.setMembership({ orgId: 'client', userId: 'bob', roles: ['auditor'] });
    m.setMembership({ orgId: 'other', userId: 'bob', roles: ['auditor'] });
    expect(m.permissions('bob', 'client').list()).toEqual([
      'members:read',
      'roles:read',
      'reports:read',
      'reports:export',
    ]);
    expect(m.permissions('bob', 'other').size).toBe(0);
  });
});

describe('long chains of conditions', () => {
  const n = 60;
  const actions = Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, `P${i}`]));
  const catalog = defineCatalog({ m: { sections: { s: { resources: { c: { actions } } } } } });
  const chain = (anchored: boolean) =>
    createRoleRegistry(catalog, [
      {
        key: 'chain',
        name: 'Chain',
        self: [
          ...(anchored ? ['c:p0'] : []),
          // listed last-first: p40 needs p39 … p1 needs p0, so every pass adds only one
          ...Array.from({ length: 40 }, (_, k) => ({
            permission: `c:p${40 - k}`,
            requires: `c:p${39 - k}`,
          })),
          // p50 needs p40 and p45; p45 and p46 need each other (an unanchored cycle)
          { permission: 'c:p50', requires: ['c:p40', 'c:p45'] },
          { permission: 'c:p45', requires: 'c:p46' },
          { permission: 'c:p46', requires: 'c:p45' },
          { permission: 'c:p51', requires: ['c:p40', 'c:p40'] },
        ],
      },
    ]);
  const query = {
    subject: { userId: 'u', status: 'active' as const },
    orgId: 'o',
    ancestors: [],
    member: true,
    assignments: [{ orgId: 'o', roleKey: 'chain', source: { kind: 'direct' as const } }],
  };

  it('reaches the end of the chain and leaves the unanchored cycle denied', () => {
    const held = computePermissions(chain(true), query);
    expect(held.list()).toEqual([...Array.from({ length: 41 }, (_, i) => `c:p${i}`), 'c:p51']);
  });

  it('grants nothing of the chain without its anchor', () => {
    expect(computePermissions(chain(false), query).size).toBe(0);
  });
});
