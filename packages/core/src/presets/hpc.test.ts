import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-codes.js';
import { AccessModel } from '../model/access-model.js';
import { checkRoleAssignment } from '../roles/validate-role.js';
import {
  checkSettingWritable,
  resolveSettings,
  settingsChain,
} from '../settings/resolve-settings.js';
import type { SettingOverride } from '../settings/types.js';
import { hpcCatalog as catalog, hpcRoles, hpcSettings } from './hpc.js';

function platform() {
  return new AccessModel(catalog, hpcRoles, {
    orgs: [
      { id: 'partner', parentId: null, kind: 'partner' },
      { id: 'lab', parentId: 'partner', kind: 'client' },
    ],
    users: ['pat', 'gina', 'sam', 'uma'].map((id) => ({ id, status: 'active' as const })),
    memberships: [
      { orgId: 'partner', userId: 'pat', roles: [] },
      { orgId: 'lab', userId: 'gina', roles: [] },
      { orgId: 'lab', userId: 'sam', roles: [] },
      { orgId: 'lab', userId: 'uma', roles: [] },
    ],
    groups: [
      {
        id: 'p-admins',
        orgId: 'partner',
        name: 'Partner admins',
        roles: ['org:admin'],
        memberIds: ['pat'],
      },
      {
        id: 'lab-groupers',
        orgId: 'lab',
        name: 'Group managers',
        roles: ['org:groups'],
        memberIds: ['gina'],
      },
      {
        id: 'lab-settings',
        orgId: 'lab',
        name: 'Settings',
        roles: ['org:settings'],
        memberIds: ['sam'],
      },
      { id: 'lab-users', orgId: 'lab', name: 'Users', roles: ['org:users'], memberIds: ['uma'] },
    ],
  });
}

describe('roles through groups, partners managing orgs, settings waterfall', () => {
  it('roles cannot be assigned to individual users, only to groups', () => {
    const registry = platform().registry;
    expect(checkRoleAssignment(registry, 'lab', ['org:users'], 'members')).toMatchObject({
      code: ErrorCode.ROLE_NOT_ASSIGNABLE,
    });
    expect(checkRoleAssignment(registry, 'lab', ['org:users', 'org:groups'], 'groups').ok).toBe(
      true,
    );
  });

  it('org:groups manages groups but cannot assign or remove their roles; org:admin can', () => {
    const m = platform();
    expect(m.allowed('gina', 'lab', 'groups:create')).toBe(true);
    expect(m.allowed('gina', 'lab', 'groups:update')).toBe(true);
    expect(m.allowed('gina', 'lab', 'groups:assign_roles')).toBe(false);
    expect(m.allowed('pat', 'partner', 'groups:assign_roles')).toBe(true);
  });

  it('org:settings manages settings; org:users manages users; neither does the other', () => {
    const m = platform();
    expect(m.allowed('sam', 'lab', 'settings:update')).toBe(true);
    expect(m.allowed('sam', 'lab', 'members:create')).toBe(false);
    expect(m.allowed('uma', 'lab', 'members:create')).toBe(true);
    expect(m.allowed('uma', 'lab', 'settings:update')).toBe(false);
  });

  it('a partner org admin reaches the managed org’s settings, users, groups and billing', () => {
    const m = platform();
    for (const p of [
      'settings:update',
      'members:create',
      'groups:update',
      'billing:read',
      'billing_multipliers:set',
      'instance_types:configure',
    ] as const) {
      expect(m.allowed('pat', 'lab', p), p).toBe(true);
    }
    expect(m.allowed('pat', 'lab', 'organization:delete')).toBe(false);
    expect(m.allowed('gina', 'partner', 'groups:read')).toBe(false);
  });

  it('settings waterfall: inherited from above, overridden below, locks honoured', () => {
    const overrides: SettingOverride[] = [
      {
        key: 'allowed_instance_types',
        scope: { level: 'org', id: 'partner' },
        value: ['small', 'medium', 'gpu'],
      },
      {
        key: 'billing_multiplier',
        scope: { level: 'org', id: 'partner' },
        value: 1.5,
        locked: true,
      },
      {
        key: 'allowed_instance_types',
        scope: { level: 'group', id: 'lab-users' },
        value: ['small'],
      },
      { key: 'billing_multiplier', scope: { level: 'org', id: 'lab' }, value: 0.5 },
      { key: 'theme', scope: { level: 'user', id: 'uma' }, value: 'dark' },
    ];
    const chain = settingsChain({
      orgPath: ['partner', 'lab'],
      groupIds: ['lab-users'],
      userId: 'uma',
    });
    const s = resolveSettings(hpcSettings, chain, overrides);
    expect(s.allowed_instance_types).toMatchObject({
      value: ['small'],
      source: { level: 'group', id: 'lab-users' },
    });
    expect(s.billing_multiplier).toMatchObject({
      value: 1.5,
      lockedBy: { level: 'org', id: 'partner' },
    });
    expect(s.theme).toMatchObject({ value: 'dark', source: { level: 'user', id: 'uma' } });
    expect(s.login_banner).toMatchObject({ value: '', isDefault: true });
    const labOnly = resolveSettings(
      hpcSettings,
      settingsChain({ orgPath: ['partner', 'lab'] }),
      overrides,
    );
    expect(labOnly.allowed_instance_types).toMatchObject({
      value: ['small', 'medium', 'gpu'],
      source: { level: 'org', id: 'partner' },
    });
    expect(
      checkSettingWritable('billing_multiplier', { level: 'org', id: 'lab' }, chain, overrides).ok,
    ).toBe(false);
  });
});
