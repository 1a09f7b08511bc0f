import { describe, expect, it } from 'vitest';
import { AccessModel } from '../model/access-model.js';
import { testCatalog, testPresets } from '../test-support/fixtures.js';

const dir = (id: string) => ({ type: 'directories', id });

function model() {
  const m = new AccessModel(testCatalog, testPresets, {
    orgs: [{ id: 'o', parentId: null }],
    users: ['ann', 'bob', 'cid', 'dee'].map((id) => ({ id, status: 'active' as const })),
    memberships: [
      { orgId: 'o', userId: 'ann', roles: ['viewer'] },
      { orgId: 'o', userId: 'bob', roles: ['viewer'] },
      { orgId: 'o', userId: 'cid', roles: ['archivist'] },
      { orgId: 'o', userId: 'dee', roles: ['manager'] },
    ],
    groups: [{ id: 'team', orgId: 'o', name: 'Team', roles: [], memberIds: ['bob'] }],
  });
  // root / projects / alpha / drafts
  m.upsertResource({ ...dir('root'), orgId: 'o', parent: null });
  m.upsertResource({ ...dir('projects'), orgId: 'o', parent: dir('root') });
  m.upsertResource({ ...dir('alpha'), orgId: 'o', parent: dir('projects') });
  m.upsertResource({ ...dir('drafts'), orgId: 'o', parent: dir('alpha') });
  return m;
}

describe('resource ACLs', () => {
  it('denies by default: holding directories:read is not enough without a grant', () => {
    expect(model().allowed('ann', 'o', 'directories:read', dir('alpha'))).toBe(false);
  });

  it('a grant on a directory applies to it and its subdirectories, not its parents', () => {
    const m = model();
    m.setGrants('o', dir('projects'), [
      { resource: dir('projects'), principal: { kind: 'user', id: 'ann' }, actions: ['read'] },
    ]);
    expect(m.allowed('ann', 'o', 'directories:read', dir('projects'))).toBe(true);
    expect(m.allowed('ann', 'o', 'directories:read', dir('drafts'))).toBe(true);
    expect(m.allowed('ann', 'o', 'directories:read', dir('root'))).toBe(false);
    expect(m.allowed('bob', 'o', 'directories:read', dir('drafts'))).toBe(false);
  });

  it('grants to a group reach its members; the action must be granted and held', () => {
    const m = model();
    m.setGrants('o', dir('alpha'), [
      {
        resource: dir('alpha'),
        principal: { kind: 'group', id: 'team' },
        actions: ['read', 'write'],
      },
    ]);
    expect(m.allowed('bob', 'o', 'directories:read', dir('drafts'))).toBe(true);
    // the grant lists write, but viewer does not hold directories:write
    expect(m.allowed('bob', 'o', 'directories:write', dir('drafts'))).toBe(false);
    expect(m.allowed('bob', 'o', 'directories:delete', dir('drafts'))).toBe(false);
  });

  it('<type>:all bypasses the ACL ("access all directories")', () => {
    const m = model();
    expect(m.allowed('cid', 'o', 'directories:read', dir('drafts'))).toBe(true);
    expect(m.explain('cid', 'o', 'directories:read', dir('drafts')).reasons).toContainEqual({
      kind: 'acl-all',
      permission: 'directories:all',
    });
  });

  it('a grant may name a role: the role’s actions on that type apply', () => {
    const m = model();
    m.setGrants('o', dir('alpha'), [
      { resource: dir('alpha'), principal: { kind: 'user', id: 'dee' }, role: 'viewer' },
    ]);
    expect(m.allowed('dee', 'o', 'directories:read', dir('alpha'))).toBe(true);
  });

  it('e-mail principals are notified but never granted access', () => {
    const m = model();
    m.setGrants('o', dir('alpha'), [
      {
        resource: dir('alpha'),
        principal: { kind: 'email', email: 'Ops@Example.com' },
        actions: ['read'],
      },
      { resource: dir('alpha'), principal: { kind: 'group', id: 'team' }, actions: ['read'] },
    ]);
    m.setGrants('o', dir('projects'), [
      { resource: dir('projects'), principal: { kind: 'user', id: 'ann' }, actions: ['read'] },
    ]);
    expect(m.notificationRecipients('o', dir('drafts'))).toEqual({
      userIds: ['bob', 'ann'],
      emails: ['ops@example.com'],
    });
    expect(m.notificationRecipients('o', dir('root'))).toEqual({ userIds: [], emails: [] });
  });

  it('checks without a resource, or on non-ACL types, use the permission alone', () => {
    const m = model();
    expect(m.allowed('ann', 'o', 'reports:read', { type: 'reports', id: 'r1' })).toBe(true);
    expect(m.allowed('ann', 'o', 'directories:read')).toBe(true);
    // a permission about another type never applies to this resource
    expect(m.allowed('ann', 'o', 'reports:read', dir('alpha'))).toBe(false);
  });

  it('survives a cycle in resource parents', () => {
    const m = model();
    m.upsertResource({ ...dir('root'), orgId: 'o', parent: dir('drafts') });
    expect(m.allowed('ann', 'o', 'directories:read', dir('alpha'))).toBe(false);
  });
});

describe('ACL grants naming a role, and group grants across orgs', () => {
  function world() {
    return new AccessModel(testCatalog, testPresets, {
      orgs: [
        { id: 'top', parentId: null },
        { id: 'o', parentId: 'top' },
        { id: 'below', parentId: 'o' },
        { id: 'side', parentId: null },
      ],
      users: [{ id: 'eve', status: 'active' }],
      memberships: ['top', 'o', 'below', 'side'].map((orgId) => ({
        orgId,
        userId: 'eve',
        roles: orgId === 'o' ? ['editor', 'l2'] : [],
      })),
      customRoles: [
        {
          key: 'editor',
          name: 'Editor',
          kind: 'custom',
          orgId: 'o',
          self: ['directories:read', { permission: 'directories:write', requires: 'tier:l2' }],
        },
      ],
      groups: ['top', 'below', 'side'].map((orgId) => ({
        id: `${orgId}-g`,
        orgId,
        name: orgId,
        roles: [],
        memberIds: ['eve'],
      })),
      resources: [{ ...dir('d'), orgId: 'o', parent: null }],
    });
  }

  it('a role grant passes only the role’s unconditional actions, never its ⭐ ones', () => {
    const m = world();
    m.setGrants('o', dir('d'), [
      { resource: dir('d'), principal: { kind: 'user', id: 'eve' }, role: 'editor' },
    ]);
    expect(m.allowed('eve', 'o', 'directories:write')).toBe(true); // the condition holds
    expect(m.allowed('eve', 'o', 'directories:read', dir('d'))).toBe(true);
    expect(m.allowed('eve', 'o', 'directories:write', dir('d'))).toBe(false);
    m.setGrants('o', dir('d'), [
      { resource: dir('d'), principal: { kind: 'user', id: 'eve' }, actions: ['write'] },
    ]);
    expect(m.allowed('eve', 'o', 'directories:write', dir('d'))).toBe(true);
  });

  it('group grants count for groups of the resource’s org and its ancestors only', () => {
    const m = world();
    const grantTo = (groupId: string) =>
      m.setGrants('o', dir('d'), [
        { resource: dir('d'), principal: { kind: 'group', id: groupId }, actions: ['read'] },
      ]);
    grantTo('top-g');
    expect(m.allowed('eve', 'o', 'directories:read', dir('d'))).toBe(true);
    grantTo('below-g');
    expect(m.allowed('eve', 'o', 'directories:read', dir('d'))).toBe(false);
    grantTo('side-g');
    expect(m.allowed('eve', 'o', 'directories:read', dir('d'))).toBe(false);
  });
});
