import { describe, expect, it } from 'vitest';
import { describeExplanation } from '../evaluate/explain.js';
import type { RoleDefinition } from '../roles/types.js';
import { testCatalog, testPresets } from '../test-support/fixtures.js';
import { AccessModel } from './access-model.js';

const dir = (id: string) => ({ type: 'directories', id });

// root ─ child ; "outsider" is listed in a root group without being a member of root
function tree() {
  return new AccessModel(testCatalog, testPresets, {
    orgs: [
      { id: 'root', parentId: null },
      { id: 'child', parentId: 'root' },
    ],
    users: [
      { id: 'outsider', status: 'active' },
      { id: 'insider', status: 'active' },
    ],
    memberships: [
      { orgId: 'child', userId: 'outsider', roles: [] },
      { orgId: 'root', userId: 'insider', roles: [] },
    ],
    groups: [
      {
        id: 'admins',
        orgId: 'root',
        name: 'Admins',
        roles: ['admin'],
        memberIds: ['outsider', 'insider'],
      },
    ],
  });
}

describe('group roles apply only to members of the group’s org', () => {
  it('a non-member listed in a group gets nothing from it in the org', () => {
    const m = tree();
    expect(m.permissions('outsider', 'root').size).toBe(0);
    expect(m.permissions('insider', 'root').has('members:remove')).toBe(true);
  });

  it('nor its descendants permissions in the orgs below', () => {
    const m = tree();
    expect(m.permissions('outsider', 'child').size).toBe(0);
    expect(m.allowed('outsider', 'child', 'members:remove')).toBe(false);
    expect(m.permissions('insider', 'child').list()).toEqual([
      'members:read',
      'members:invite',
      'members:remove',
    ]);
  });

  it('nor do ACL grants to the group reach them', () => {
    const m = tree();
    m.setMembership({ orgId: 'root', userId: 'reader', roles: ['viewer'] });
    m.upsertUser({ id: 'reader', status: 'active' });
    m.upsertGroup({ id: 'readers', orgId: 'root', name: 'R', roles: [], memberIds: ['outsider'] });
    m.setGrants('child', dir('d'), [
      { resource: dir('d'), principal: { kind: 'group', id: 'readers' }, actions: ['read'] },
    ]);
    m.setMembership({ orgId: 'child', userId: 'outsider', roles: ['viewer'] });
    expect(m.aclQuery('outsider', 'child', dir('d')).groupIds).toEqual([]);
    expect(m.allowed('outsider', 'child', 'directories:read', dir('d'))).toBe(false);
    m.setMembership({ orgId: 'root', userId: 'outsider', roles: [] });
    expect(m.allowed('outsider', 'child', 'directories:read', dir('d'))).toBe(true);
  });

  it('keeps its member index right across group edits and membership removal', () => {
    const m = tree();
    m.upsertGroup({ id: 'admins', orgId: 'root', name: 'A', roles: ['admin'], memberIds: [] });
    expect(m.permissions('insider', 'root').size).toBe(0);
    m.upsertGroup({
      id: 'admins',
      orgId: 'root',
      name: 'A',
      roles: ['admin'],
      memberIds: ['insider'],
    });
    expect(m.groupsOf('insider', 'child').map((g) => g.id)).toEqual(['admins']);
    m.removeMembership('root', 'insider');
    expect(m.groupsOf('insider', 'root')).toEqual([]);
    m.setMembership({ orgId: 'root', userId: 'insider', roles: [] });
    expect(m.permissions('insider', 'root').size).toBe(0);
    m.upsertGroup({
      id: 'admins',
      orgId: 'root',
      name: 'A',
      roles: ['admin'],
      memberIds: ['insider'],
    });
    m.removeGroup('admins');
    expect(m.groupsOf('insider', 'root')).toEqual([]);
  });
});

// two unrelated orgs with a resource of the same type and id each
function twoOrgs() {
  return new AccessModel(testCatalog, testPresets, {
    orgs: [
      { id: 'a', parentId: null },
      { id: 'b', parentId: null },
    ],
    users: [
      { id: 'ann', status: 'active' },
      { id: 'bob', status: 'active' },
    ],
    memberships: [
      { orgId: 'a', userId: 'ann', roles: ['archivist'] },
      { orgId: 'a', userId: 'bob', roles: ['viewer'] },
      { orgId: 'b', userId: 'bob', roles: ['viewer'] },
    ],
    groups: [{ id: 'a-team', orgId: 'a', name: 'A team', roles: [], memberIds: ['bob'] }],
    resources: [
      { ...dir('root'), orgId: 'a', parent: null },
      { ...dir('root'), orgId: 'b', parent: null },
      { ...dir('docs'), orgId: 'b', parent: dir('root') },
    ],
    grants: [
      {
        orgId: 'b',
        resource: dir('root'),
        principal: { kind: 'group', id: 'a-team' },
        actions: ['read'],
      },
      {
        orgId: 'b',
        resource: dir('root'),
        principal: { kind: 'user', id: 'bob' },
        actions: ['write'],
      },
    ],
  });
}

describe('resources are identified by (org, type, id)', () => {
  it('directories:all in org A does not open org B’s resource', () => {
    const m = twoOrgs();
    const bDocs = { ...dir('docs'), orgId: 'b' };
    expect(m.allowed('ann', 'a', 'directories:read', bDocs)).toBe(false);
    expect(m.explain('ann', 'a', 'directories:read', bDocs)).toMatchObject({
      allowed: false,
      reasons: expect.arrayContaining([
        { kind: 'resource-other-org', resource: dir('docs'), resourceOrgId: 'b' },
      ]),
    });
    // the same id asked about in org A is org A's own resource
    expect(m.allowed('ann', 'a', 'directories:read', { ...dir('root'), orgId: 'a' })).toBe(true);
  });

  it('org B’s grants to org A’s groups count in neither org', () => {
    const m = twoOrgs();
    expect(m.allowed('bob', 'b', 'directories:read', dir('docs'))).toBe(false);
    expect(m.allowed('bob', 'a', 'directories:read', dir('root'))).toBe(false);
    expect(m.allowed('bob', 'a', 'directories:read', dir('docs'))).toBe(false);
  });

  it('two orgs’ resources with equal ids stay two records with their own trees and grants', () => {
    const m = twoOrgs();
    expect(m.aclQuery('bob', 'b', dir('docs')).chain).toEqual([dir('docs'), dir('root')]);
    expect(m.aclQuery('bob', 'a', dir('docs')).chain).toEqual([dir('docs')]);
    expect(m.grantsOn('a', dir('root'))).toEqual([]);
    expect(m.grantsOn('b', dir('root'))).toHaveLength(2);
    expect(m.toWorld().resources).toHaveLength(3);
    m.setGrants('a', dir('root'), []);
    expect(m.grantsOn('b', dir('root'))).toHaveLength(2);
  });
});

describe('checks never throw on stored roles with a broken extends', () => {
  const broken: RoleDefinition[] = [
    {
      key: 'lost',
      name: 'Lost',
      kind: 'custom',
      orgId: 'o',
      extends: 'gone',
      self: ['reports:read'],
    },
    {
      key: 'ping',
      name: 'Ping',
      kind: 'custom',
      orgId: 'o',
      extends: 'pong',
      self: ['reports:read'],
    },
    { key: 'pong', name: 'Pong', kind: 'custom', orgId: 'o', extends: 'ping' },
  ];
  function model(roles: string[]) {
    return new AccessModel(testCatalog, testPresets, {
      orgs: [{ id: 'o', parentId: null }],
      users: [{ id: 'u', status: 'active' }],
      memberships: [{ orgId: 'o', userId: 'u', roles }],
      customRoles: broken,
      resources: [{ ...dir('d'), orgId: 'o', parent: null }],
      grants: [
        { orgId: 'o', resource: dir('d'), principal: { kind: 'user', id: 'u' }, role: 'ping' },
      ],
    });
  }

  it('a role extending a role that no longer exists contributes nothing', () => {
    const m = model(['lost', 'viewer']);
    expect(m.allowed('u', 'o', 'reports:read')).toBe(true); // from viewer
    expect(m.allowed('u', 'o', 'reports:export')).toBe(false);
    const alone = model(['lost']);
    expect(alone.permissions('u', 'o').size).toBe(0);
    expect(alone.allowed('u', 'o', 'reports:read')).toBe(false);
    const why = alone.explain('u', 'o', 'reports:read');
    expect(why.allowed).toBe(false);
    expect(why.reasons).toContainEqual(
      expect.objectContaining({ kind: 'role-invalid', roleKey: 'lost', problem: 'UNKNOWN_ROLE' }),
    );
    expect(describeExplanation(why)).toContain(
      '- role "lost" held directly gives nothing: Role "lost" extends unknown role "gone"',
    );
  });

  it('a role in an extends cycle contributes nothing, in checks, ACL role grants and explain', () => {
    const m = model(['ping', 'viewer']);
    expect(m.permissions('u', 'o').list()).toEqual([
      'members:read',
      'roles:read',
      'directories:read',
      'reports:read',
    ]);
    expect(m.allowed('u', 'o', 'directories:read', dir('d'))).toBe(false);
    const why = m.explain('u', 'o', 'directories:read', dir('d'));
    expect(why.allowed).toBe(false);
    expect(why.reasons).toContainEqual(
      expect.objectContaining({ kind: 'role-invalid', roleKey: 'ping', problem: 'ROLE_CYCLE' }),
    );
  });
});
