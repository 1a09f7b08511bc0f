import { describe, expect, it } from 'vitest';
import { AccessModel } from '../model/access-model.js';
import {
  monitoringCatalog as catalog,
  type MonitoringPermission,
  monitoringRoles,
} from './monitoring.js';

const monitor = { type: 'monitors', id: 'm1' };

function org(role: string) {
  return new AccessModel(catalog, monitoringRoles, {
    orgs: [{ id: 'o', parentId: null }],
    users: [{ id: 'u', status: 'active' }],
    memberships: [{ orgId: 'o', userId: 'u', roles: [`monitoring_${role}`] }],
    resources: [{ ...monitor, orgId: 'o', parent: null }],
  });
}

// "Effective permissions per role", as profile → representative permission
const profileProbe: Record<string, MonitoringPermission> = {
  full_control: 'organization:delete',
  full_access: 'monitors:all',
  create_modify: 'tasks:update',
  execution: 'tasks:execute',
  user_admin: 'members:create',
  view: 'output_logs:read',
};
const expected: Record<string, string[]> = {
  root: ['full_control', 'full_access', 'create_modify', 'execution', 'user_admin', 'view'],
  owner: ['full_access', 'create_modify', 'execution', 'user_admin'],
  admin: ['full_access', 'create_modify', 'execution'],
  user: ['view', 'execution'],
  viewer: ['view'],
  manager: ['user_admin', 'view', 'execution'],
};

describe('permission profiles composed into roles', () => {
  for (const [role, profiles] of Object.entries(expected)) {
    it(`${role} has exactly the profiles ${profiles.join(', ')}`, () => {
      const m = org(role);
      const has = Object.entries(profileProbe)
        .filter(([, p]) => m.allowed('u', 'o', p))
        .map(([profile]) => profile)
        .sort();
      // root's Full Control contains every permission, hence every probe
      const want =
        role === 'root'
          ? Object.keys(profileProbe).sort()
          : [...profiles, ...(profiles.includes('full_access') ? ['view'] : [])].sort();
      expect(has).toEqual([...new Set(want)].sort());
    });
  }

  it('a viewer sees a monitor only once added to its ACL; Full Access sees all', () => {
    const m = org('viewer');
    expect(m.allowed('u', 'o', 'monitors:read', monitor)).toBe(false);
    m.setGrants('o', monitor, [
      { resource: monitor, principal: { kind: 'user', id: 'u' }, actions: ['read', 'update'] },
    ]);
    expect(m.allowed('u', 'o', 'monitors:read', monitor)).toBe(true);
    // the ACL makes the resource visible; what one may do still follows the role
    expect(m.allowed('u', 'o', 'monitors:update', monitor)).toBe(false);
    expect(org('admin').allowed('u', 'o', 'monitors:read', monitor)).toBe(true);
  });

  it('e-mail addresses on an ACL are notified, never given access', () => {
    const m = org('viewer');
    m.setGrants('o', monitor, [
      {
        resource: monitor,
        principal: { kind: 'email', email: 'oncall@example.com' },
        actions: ['read'],
      },
      { resource: monitor, principal: { kind: 'user', id: 'u' }, actions: ['read'] },
    ]);
    expect(m.notificationRecipients('o', monitor)).toEqual({
      userIds: ['u'],
      emails: ['oncall@example.com'],
    });
    m.upsertUser({ id: 'oncall@example.com', status: 'active' });
    expect(m.allowed('oncall@example.com', 'o', 'monitors:read', monitor)).toBe(false);
  });
});
