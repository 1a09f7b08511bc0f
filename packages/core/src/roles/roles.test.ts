import { describe, expect, it } from 'vitest';
import { ErrorCode, OrgkitDefinitionError } from '../errors/error-codes.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import { testCatalog, testPresets } from '../test-support/fixtures.js';
import { createRoleRegistry } from './role-registry.js';
import type { RoleDefinition } from './types.js';
import { checkExclusiveLevels, checkRoleAssignment, validateRoleSpec } from './validate-role.js';

const registry = createRoleRegistry(testCatalog, testPresets);
const selfOf = (key: string, org: string | null = null) =>
  new PermissionSet(testCatalog, registry.get(key, org)!.self.unconditional).list();

describe('role compilation', () => {
  it('expands *, resource:* and explicit permissions; remove takes away', () => {
    expect(selfOf('admin')).toEqual(testCatalog.permissions.filter((p) => p !== 'directories:all'));
    expect(
      new PermissionSet(testCatalog, registry.get('admin', null)!.descendants.unconditional).list(),
    ).toEqual(['members:read', 'members:invite', 'members:remove']);
  });

  it('extends a preset: inherits its permissions and adds its own', () => {
    expect(selfOf('manager')).toEqual([
      'members:read',
      'members:invite',
      'roles:read',
      'directories:read',
      'reports:read',
    ]);
    expect(registry.get('manager', null)!.self.conditional).toHaveLength(1);
  });

  it('lets a custom role extend a preset and remove some of its permissions', () => {
    const custom: RoleDefinition = {
      key: 'lite',
      name: 'Lite manager',
      kind: 'custom',
      orgId: 'o1',
      extends: 'manager',
      remove: { self: ['members:invite', 'reports:export'] },
    };
    const r = registry.withCustomRoles([custom]);
    const compiled = r.get('lite', 'o1')!;
    expect(new PermissionSet(testCatalog, compiled.self.unconditional).list()).toEqual([
      'members:read',
      'roles:read',
      'directories:read',
      'reports:read',
    ]);
    expect(compiled.self.conditional).toHaveLength(0);
    expect(r.get('lite', 'o2')).toBeUndefined();
  });

  it('detects cycles and unknown bases', () => {
    const a: RoleDefinition = { key: 'a', name: 'A', kind: 'custom', orgId: 'o', extends: 'b' };
    const b: RoleDefinition = { key: 'b', name: 'B', kind: 'custom', orgId: 'o', extends: 'a' };
    const r = registry.withCustomRoles([a, b]);
    expect(() => r.get('a', 'o')).toThrow(OrgkitDefinitionError);
    const lost: RoleDefinition = {
      key: 'c',
      name: 'C',
      kind: 'custom',
      orgId: 'o',
      extends: 'ghost',
    };
    expect(() => registry.withCustomRoles([lost]).get('c', 'o')).toThrow(/unknown role "ghost"/);
  });

  it('skips a conditional grant whose requirement is not in the catalog (deny by default)', () => {
    const r = createRoleRegistry(testCatalog, [
      {
        key: 'x',
        name: 'X',
        self: [{ permission: 'members:read', requires: 'ghost:read' as 'members:read' }],
      },
    ]);
    expect(r.get('x', null)!.self.conditional).toHaveLength(0);
  });
});

describe('validateRoleSpec', () => {
  it('accepts a well-formed custom role', () => {
    expect(
      validateRoleSpec(
        registry,
        { key: 'ops', name: 'Ops', extends: 'viewer', self: ['reports:*'] },
        'o1',
      ),
    ).toEqual({ ok: true });
  });

  it('lists every bad field', () => {
    const result = validateRoleSpec(
      registry,
      {
        key: 'Bad Key',
        name: 'x',
        module: 'nope',
        self: ['members:fly', { permission: 'reports:read', requires: 'tier:l9' }],
        remove: { self: ['ghost:*'] },
      },
      'o1',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(result.fields?.map((f) => f.path)).toEqual([
      'key',
      'module',
      'self[0]',
      'self[1].requires',
      'remove.self[0]',
    ]);
  });

  it('refuses preset keys and extends cycles through existing custom roles', () => {
    expect(validateRoleSpec(registry, { key: 'admin', name: 'Mine' }, 'o1').ok).toBe(false);
    const existing: RoleDefinition = {
      key: 'b',
      name: 'B',
      kind: 'custom',
      orgId: 'o1',
      extends: 'a',
    };
    const r = registry.withCustomRoles([existing]);
    const result = validateRoleSpec(r, { key: 'a', name: 'A', extends: 'b' }, 'o1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields?.[0]?.path).toBe('extends');
  });
});

describe('checkRoleAssignment', () => {
  it('allows several roles, at most one per exclusive module', () => {
    expect(checkRoleAssignment(registry, 'o', ['viewer', 'manager', 'l1'], 'members').ok).toBe(
      true,
    );
    const conflict = checkRoleAssignment(registry, 'o', ['l1', 'l2'], 'members');
    expect(conflict).toMatchObject({
      ok: false,
      code: ErrorCode.EXCLUSIVE_ROLE_CONFLICT,
      roles: ['l1', 'l2'],
    });
  });

  it('refuses unknown roles and roles assignable only to groups', () => {
    expect(checkRoleAssignment(registry, 'o', ['ghost'], 'members')).toMatchObject({
      ok: false,
      code: ErrorCode.UNKNOWN_ROLE,
    });
    expect(checkRoleAssignment(registry, 'o', ['group_only'], 'members')).toMatchObject({
      ok: false,
      code: ErrorCode.ROLE_NOT_ASSIGNABLE,
    });
    expect(checkRoleAssignment(registry, 'o', ['group_only'], 'groups').ok).toBe(true);
  });
});

describe('checkExclusiveLevels', () => {
  it('looks at the union of direct and group roles, whoever may hold them', () => {
    expect(checkExclusiveLevels(registry, 'o', ['viewer', 'l1', 'group_only', 'ghost']).ok).toBe(
      true,
    );
    expect(checkExclusiveLevels(registry, 'o', ['l1', 'l1']).ok).toBe(true);
    expect(checkExclusiveLevels(registry, 'o', ['l1', 'group_only', 'l2'])).toMatchObject({
      ok: false,
      code: ErrorCode.EXCLUSIVE_ROLE_CONFLICT,
      roles: ['l1', 'l2'],
    });
  });
});
