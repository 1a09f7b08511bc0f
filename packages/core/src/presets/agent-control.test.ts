import { describe, expect, it } from 'vitest';
import { checkMembershipPolicy } from '../invariants/membership-policy.js';
import { AccessModel } from '../model/access-model.js';
import { checkRoleAssignment } from '../roles/validate-role.js';
import { agentControlCatalog as catalog, agentControlRoles as roles } from './agent-control.js';

const dir = (id: string) => ({ type: 'directories', id });

function acc() {
  const m = new AccessModel(catalog, roles, {
    orgs: [
      { id: 'acme', parentId: null },
      { id: 'globex', parentId: null },
    ],
    users: [
      { id: 'root', status: 'active', platformAdmin: true },
      { id: 'admin', status: 'active' },
      { id: 'user', status: 'active' },
      { id: 'multi', status: 'active' },
      { id: 'osa', status: 'active' },
    ],
    memberships: [
      { orgId: 'acme', userId: 'root', roles: ['super_admin', 'reporting'] },
      { orgId: 'acme', userId: 'admin', roles: ['admin'] },
      { orgId: 'acme', userId: 'user', roles: ['user'] },
      { orgId: 'acme', userId: 'multi', roles: ['user', 'supporter_admin', 'reporting'] },
      { orgId: 'acme', userId: 'osa', roles: ['org_super_admin'] },
    ],
  });
  m.upsertResource({ ...dir('repo'), orgId: 'acme', parent: null });
  m.upsertResource({ ...dir('team-a'), orgId: 'acme', parent: dir('repo') });
  return m;
}

describe('agent control center roles', () => {
  it('a User may create directories and agents but not delete any directory or agent', () => {
    const m = acc();
    expect(m.allowed('user', 'acme', 'directories:create')).toBe(true);
    expect(m.allowed('user', 'acme', 'agents:create')).toBe(true);
    expect(m.allowed('user', 'acme', 'directories:delete')).toBe(false);
    expect(m.allowed('user', 'acme', 'agents:delete')).toBe(false);
  });

  it('Super User = User plus ticketing; Supporter Admin = Supporter plus deleting tickets', () => {
    const m = acc();
    m.setMembership({ orgId: 'acme', userId: 'user', roles: ['super_user'] });
    expect(m.allowed('user', 'acme', 'tickets:create')).toBe(true);
    expect(m.allowed('user', 'acme', 'agents:create')).toBe(true);
    expect(m.allowed('user', 'acme', 'tickets:delete')).toBe(false);
    expect(m.allowed('multi', 'acme', 'tickets:delete')).toBe(true);
  });

  it('Admin has everything in the org minus Server Admin: servers and clusters read-only', () => {
    const m = acc();
    for (const p of [
      'members:create',
      'members:disable',
      'members:reset_password',
      'access:manage',
      'api_keys:manage',
      'audit_log:read',
      'directories:delete',
    ] as const) {
      expect(m.allowed('admin', 'acme', p)).toBe(true);
    }
    expect(m.allowed('admin', 'acme', 'servers:read')).toBe(true);
    expect(m.allowed('admin', 'acme', 'servers:manage')).toBe(false);
    expect(m.allowed('admin', 'acme', 'clusters:manage')).toBe(false);
    expect(m.allowed('admin', 'acme', 'platform_orgs:create')).toBe(false);
    expect(m.allowed('admin', 'globex', 'members:read')).toBe(false);
  });

  it('Super Admin acts across organizations; Org Super Admin only in its own', () => {
    const m = acc();
    expect(m.allowed('root', 'globex', 'members:create')).toBe(true);
    expect(m.allowed('root', 'globex', 'platform_orgs:delete')).toBe(true);
    expect(m.allowed('osa', 'acme', 'servers:manage')).toBe(true);
    expect(m.allowed('osa', 'acme', 'platform_orgs:create')).toBe(false);
    expect(m.allowed('osa', 'globex', 'members:read')).toBe(false);
  });

  it('Reporting takes effect only along with the Super Admin role', () => {
    const m = acc();
    expect(m.allowed('multi', 'acme', 'ticket_alerts:receive')).toBe(false);
    expect(m.explain('multi', 'acme', 'ticket_alerts:receive').reasons).toContainEqual(
      expect.objectContaining({
        kind: 'condition-unmet',
        roleKey: 'reporting',
        missing: ['platform_orgs:create'],
      }),
    );
    m.setMembership({ orgId: 'acme', userId: 'multi', roles: ['super_admin', 'reporting'] });
    expect(m.allowed('multi', 'acme', 'ticket_alerts:receive')).toBe(true);
  });

  it('directory privileges: without "Access all directories" only granted subdirectories are open', () => {
    const m = acc();
    expect(m.allowed('user', 'acme', 'directories:read', dir('team-a'))).toBe(false);
    m.setGrants('acme', dir('team-a'), [
      {
        resource: dir('team-a'),
        principal: { kind: 'user', id: 'user' },
        actions: ['read', 'create'],
      },
    ]);
    expect(m.allowed('user', 'acme', 'directories:read', dir('team-a'))).toBe(true);
    expect(m.allowed('user', 'acme', 'directories:read', dir('repo'))).toBe(false);
    m.setMembership({ orgId: 'acme', userId: 'user', roles: ['user', 'all_directories'] });
    expect(m.allowed('user', 'acme', 'directories:read', dir('repo'))).toBe(true);
  });

  it('a user belongs to one organization, and may hold several roles', () => {
    expect(checkMembershipPolicy('single', ['acme'], 'globex').ok).toBe(false);
    expect(
      checkRoleAssignment(
        acc().registry,
        'acme',
        ['user', 'supporter', 'consumer_admin', 'server_admin'],
        'members',
      ).ok,
    ).toBe(true);
  });
});
