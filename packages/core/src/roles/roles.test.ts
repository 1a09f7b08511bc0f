import { describe, expect, it } from 'vitest';
import { ErrorCode, OrgkitDefinitionError } from '../errors/error-codes.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import { type TestPermission, testCatalog, testPresets } from '../test-support/fixtures.js';
import { createRoleRegistry } from './role-registry.js';
import type { RoleDefinition, RoleSpec } from './types.js';
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

  it('a stored role in an extends cycle or on an unknown base gives nothing and says why', () => {
    const a: RoleDefinition = {
      key: 'a',
      name: 'A',
      kind: 'custom',
      orgId: 'o',
      extends: 'b',
      self: ['members:read'],
    };
    const b: RoleDefinition = { key: 'b', name: 'B', kind: 'custom', orgId: 'o', extends: 'a' };
    const r = registry.withCustomRoles([a, b]);
    const cyclic = r.get('a', 'o')!;
    expect(cyclic.problem?.code).toBe(ErrorCode.ROLE_CYCLE);
    expect(new PermissionSet(testCatalog, cyclic.self.unconditional).size).toBe(0);
    const lost: RoleDefinition = {
      key: 'c',
      name: 'C',
      kind: 'custom',
      orgId: 'o',
      extends: 'ghost',
      self: ['members:read'],
    };
    const dangling = registry.withCustomRoles([lost]).get('c', 'o')!;
    expect(dangling.problem).toMatchObject({ code: 'UNKNOWN_ROLE' });
    expect(dangling.problem?.message).toMatch(/unknown role "ghost"/);
    expect(new PermissionSet(testCatalog, dangling.self.unconditional).size).toBe(0);
  });

  it('skips a conditional grant whose requirement is not in the catalog (deny by default)', () => {
    const stored: RoleDefinition = {
      key: 'x',
      name: 'X',
      kind: 'custom',
      orgId: 'o',
      self: [{ permission: 'members:read', requires: 'ghost:read' }],
    };
    expect(registry.withCustomRoles([stored]).get('x', 'o')!.self.conditional).toHaveLength(0);
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

describe('remove takes away from everything the role gives', () => {
  it('strips the role’s own entries as well as inherited ones (the Admin preset relies on it)', () => {
    expect(selfOf('admin')).not.toContain('directories:all');
    const own: RoleDefinition = {
      key: 'no_export',
      name: 'No export',
      kind: 'custom',
      orgId: 'o',
      self: ['reports:*'],
      remove: { self: ['reports:export'] },
    };
    const compiled = registry.withCustomRoles([own]).get('no_export', 'o')!;
    expect(new PermissionSet(testCatalog, compiled.self.unconditional).list()).toEqual([
      'reports:read',
    ]);
  });

  it('refuses an own entry that the role’s remove cancels entirely (removal always wins)', () => {
    const result = validateRoleSpec(
      registry,
      {
        key: 'contradiction',
        name: 'C',
        self: ['reports:read', { permission: 'reports:export', requires: 'tier:l1' }],
        descendants: ['members:read'],
        remove: { self: ['reports:*'], descendants: ['members:read'] },
      },
      'o',
    );
    expect(result).toMatchObject({ ok: false, code: ErrorCode.VALIDATION_FAILED });
    if (result.ok) return;
    expect(result.fields?.map((f) => f.path)).toEqual(['self[0]', 'self[1]', 'descendants[0]']);
    expect(result.fields?.[0]?.message).toMatch(/removal always wins/);
  });
});

describe('presets are validated like custom roles', () => {
  const build = (presets: readonly RoleSpec<string>[]) => () =>
    createRoleRegistry(testCatalog, presets as readonly RoleSpec<TestPermission>[]);

  it('names the preset and the bad entry', () => {
    expect(build([{ key: 'x', name: 'X', self: ['members:raed'] }])).toThrow(
      /preset "x", self\[0\]: unknown permission "members:raed"/,
    );
    expect(
      build([{ key: 'x', name: 'X', self: [{ permission: 'members:read', requires: 'tier:l3' }] }]),
    ).toThrow(/preset "x", self\[0\]\.requires: unknown permission "tier:l3"/);
    expect(build([{ key: 'x', name: 'X', remove: { descendants: ['reports:delete'] } }])).toThrow(
      /preset "x", remove\.descendants\[0\]/,
    );
    expect(build([{ key: 'x', name: 'X', module: 'level' }])).toThrow(
      /preset "x", module: unknown module "level"/,
    );
    expect(build([{ key: 'x', name: 'X', extends: 'nobody' }])).toThrow(OrgkitDefinitionError);
    expect(build([{ key: 'x', name: 'X', extends: 'nobody' }])).toThrow(/preset "x", extends/);
  });

  it('refuses duplicate keys instead of letting the last one win', () => {
    expect(build([...testPresets, { key: 'viewer', name: 'Viewer 2' }])).toThrow(
      /preset "viewer": the key is declared twice/,
    );
  });

  it('refuses extends cycles among presets', () => {
    expect(
      build([
        { key: 'a', name: 'A', extends: 'b' },
        { key: 'b', name: 'B', extends: 'a' },
      ]),
    ).toThrow(/extends itself/);
  });
});

describe('a role extending an exclusive level inherits its module', () => {
  const senior: RoleDefinition = {
    key: 'senior_l2',
    name: 'Senior L2',
    kind: 'custom',
    orgId: 'o',
    extends: 'l2',
    self: ['reports:export'],
  };
  const r = registry.withCustomRoles([senior]);

  it('counts as a level of that module in the one-per-module check', () => {
    expect(checkExclusiveLevels(r, 'o', ['l1', 'senior_l2'])).toMatchObject({
      ok: false,
      code: ErrorCode.EXCLUSIVE_ROLE_CONFLICT,
      roles: ['l1', 'senior_l2'],
    });
    expect(checkRoleAssignment(r, 'o', ['senior_l2', 'viewer'], 'members').ok).toBe(true);
  });

  it('may not declare another module than its base’s exclusive one', () => {
    const result = validateRoleSpec(
      registry,
      { key: 'sneaky', name: 'S', extends: 'l2', module: 'team' },
      'o',
    );
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.fields).toEqual([
      expect.objectContaining({
        path: 'module',
        message: expect.stringMatching(/exclusive module "levels"/),
      }),
    ]);
  });
});

describe('the owner role and groups', () => {
  const withOwner = createRoleRegistry(testCatalog, [
    ...testPresets,
    { key: 'owner', name: 'Owner', self: ['*'] },
  ]);
  it('is never given to a group (exactly one member holds it)', () => {
    expect(checkRoleAssignment(withOwner, 'o', ['viewer', 'owner'], 'groups')).toMatchObject({
      ok: false,
      code: ErrorCode.OWNER_ROLE_REQUIRES_TRANSFER,
      roles: ['owner'],
    });
    expect(checkRoleAssignment(withOwner, 'o', ['owner'], 'members').ok).toBe(true);
  });
});
