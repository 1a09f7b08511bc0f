import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-codes.js';
import { AccessModel } from '../model/access-model.js';
import { checkRoleAssignment } from '../roles/validate-role.js';
import { portalCatalog as catalog, portalRoles, workspacesRoles } from './portal.js';

const roles = [...portalRoles, ...workspacesRoles];

function tree() {
  // partner → client → client-sub
  return new AccessModel(catalog, roles, {
    orgs: [
      { id: 'partner', parentId: null, kind: 'partner' },
      { id: 'client', parentId: 'partner', kind: 'client' },
      { id: 'client-sub', parentId: 'client' },
    ],
    users: [
      { id: 'pa', status: 'active' },
      { id: 'sup', status: 'active' },
    ],
    memberships: [
      { orgId: 'partner', userId: 'pa', roles: ['portal_org_admin'] },
      { orgId: 'client', userId: 'sup', roles: ['portal_l1'] },
    ],
  });
}

describe('portal levels, workspaces levels and descending permissions', () => {
  it('one role defines different access in the org itself and in the orgs depending on it', () => {
    const m = tree();
    expect(m.allowed('pa', 'partner', 'flows:create')).toBe(true);
    expect(m.allowed('pa', 'partner', 'portal_users:delete')).toBe(true);
    for (const org of ['client', 'client-sub']) {
      expect(m.allowed('pa', org, 'flows:read')).toBe(true);
      expect(m.allowed('pa', org, 'flows:create')).toBe(false);
      expect(m.allowed('pa', org, 'portal_users:delete')).toBe(false);
    }
    // only descending: nothing upwards
    expect(m.allowed('sup', 'partner', 'flows:read')).toBe(false);
  });

  it('⭐: an L1 support member creates flows only while also holding L1 in Workspaces', () => {
    const m = tree();
    expect(m.allowed('sup', 'client', 'flows:read')).toBe(true);
    expect(m.allowed('sup', 'client', 'flows:create')).toBe(false);
    m.setMembership({ orgId: 'client', userId: 'sup', roles: ['portal_l1', 'ws_l1_ro'] });
    expect(m.allowed('sup', 'client', 'flows:create')).toBe(false);
    m.setMembership({ orgId: 'client', userId: 'sup', roles: ['portal_l1', 'ws_l1'] });
    expect(m.allowed('sup', 'client', 'flows:create')).toBe(true);
    expect(m.allowed('sup', 'client', 'updates:delete')).toBe(true);
    expect(m.explain('sup', 'client', 'flows:create').reasons).toContainEqual(
      expect.objectContaining({
        kind: 'role',
        roleKey: 'portal_l1',
        requires: ['workspace_level:l1'],
      }),
    );
  });

  it('⭐⭐: L2 support needs L2 in Workspaces, L1 does not satisfy it', () => {
    const m = tree();
    m.setMembership({ orgId: 'client', userId: 'sup', roles: ['portal_l2', 'ws_l1'] });
    expect(m.allowed('sup', 'client', 'flows:refresh')).toBe(false);
    m.setMembership({ orgId: 'client', userId: 'sup', roles: ['portal_l2', 'ws_l2'] });
    expect(m.allowed('sup', 'client', 'flows:refresh')).toBe(true);
  });

  it('read-only variants hold no write action', () => {
    const m = tree();
    for (const key of ['portal_org_admin_ro', 'portal_l1_ro', 'portal_l2_ro', 'portal_l3_ro']) {
      m.setMembership({ orgId: 'client', userId: 'sup', roles: [key, 'ws_l2'] });
      const writes = m
        .permissions('sup', 'client')
        .list()
        .filter((p) => catalog.info(p)?.module === 'portal' && !p.endsWith(':read'));
      expect(writes, key).toEqual([]);
    }
    m.setMembership({ orgId: 'client', userId: 'sup', roles: ['ws_l1_ro'] });
    expect(m.allowed('sup', 'client', 'sessions:view')).toBe(true);
    expect(m.allowed('sup', 'client', 'sessions:execute')).toBe(false);
  });

  it('levels are exclusive per module: one Portal level and one Workspaces level', () => {
    const registry = tree().registry;
    expect(
      checkRoleAssignment(registry, 'client', ['portal_l1', 'ws_l1', 'analyzer_access'], 'members')
        .ok,
    ).toBe(true);
    expect(
      checkRoleAssignment(registry, 'client', ['portal_l1', 'portal_l2'], 'members'),
    ).toMatchObject({
      code: ErrorCode.EXCLUSIVE_ROLE_CONFLICT,
    });
    expect(checkRoleAssignment(registry, 'client', ['ws_l1', 'ws_l2_ro'], 'members')).toMatchObject(
      {
        code: ErrorCode.EXCLUSIVE_ROLE_CONFLICT,
      },
    );
  });

  it('billing sees billing only', () => {
    const m = tree();
    m.setMembership({ orgId: 'client', userId: 'sup', roles: ['portal_billing'] });
    expect(m.allowed('sup', 'client', 'portal_billing:read')).toBe(true);
    expect(m.allowed('sup', 'client', 'flows:read')).toBe(false);
  });
});
