import { describe, expect, it } from 'vitest';
import { OrgkitDefinitionError } from '../errors/error-codes.js';
import { testCatalog } from '../test-support/fixtures.js';
import { defineCatalog } from './define-catalog.js';

describe('defineCatalog', () => {
  it('lists resource:action permissions in declaration order with stable indexes', () => {
    expect(testCatalog.permissions.slice(0, 5)).toEqual([
      'members:read',
      'members:invite',
      'members:remove',
      'roles:read',
      'roles:assign',
    ]);
    expect(testCatalog.indexOf('roles:assign')).toBe(4);
    expect(testCatalog.indexOf('roles:delete')).toBe(-1);
    expect(testCatalog.size).toBe(testCatalog.permissions.length);
  });

  it('adds <type>:all to ACL-controlled resources', () => {
    expect(testCatalog.has('directories:all')).toBe(true);
    expect(testCatalog.has('reports:all')).toBe(false);
    expect(testCatalog.resources.get('directories')).toMatchObject({
      acl: true,
      module: 'files',
      section: 'storage',
    });
  });

  it('keeps labels, modules and sections for each permission', () => {
    expect(testCatalog.info('members:invite')).toMatchObject({
      module: 'team',
      section: 'people',
      resource: 'members',
      action: 'invite',
      label: 'Invite',
    });
    expect(testCatalog.permissionsOf('tier')).toEqual(['tier:l1', 'tier:l2']);
  });

  it('rejects a resource declared in two sections', () => {
    expect(() =>
      defineCatalog({
        a: {
          sections: {
            x: { resources: { r: { actions: { read: 'R' } } } },
            y: { resources: { r: { actions: { read: 'R' } } } },
          },
        },
      }),
    ).toThrow(OrgkitDefinitionError);
  });

  it('rejects malformed keys and empty resources', () => {
    expect(() =>
      defineCatalog({
        a: { sections: { s: { resources: { 'Bad Key': { actions: { read: 'R' } } } } } },
      }),
    ).toThrow(/Invalid resource key/);
    expect(() =>
      defineCatalog({ a: { sections: { s: { resources: { r: { actions: { 'x:y': 'R' } } } } } } }),
    ).toThrow(/Invalid action/);
    expect(() =>
      defineCatalog({ a: { sections: { s: { resources: { r: { actions: {} } } } } } }),
    ).toThrow(/no action/);
  });

  it('fingerprints the permission list', () => {
    const a = defineCatalog({
      m: { sections: { s: { resources: { r: { actions: { read: 'R' } } } } } },
    });
    const b = defineCatalog({
      m: { sections: { s: { resources: { r: { actions: { read: 'R', write: 'W' } } } } } },
    });
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('reserved action names', () => {
  const withAction = (acl: boolean) =>
    defineCatalog({
      m: { sections: { s: { resources: { docs: { acl, actions: { read: 'R', all: 'All' } } } } } },
    });

  it('refuses an action named "all" on an ACL-controlled type (it would become the bypass)', () => {
    expect(() => withAction(true)).toThrow(OrgkitDefinitionError);
    expect(() => withAction(true)).toThrow(/"docs:all" uses a reserved name/);
  });

  it('refuses it on other types too, so making a type ACL-controlled never changes its meaning', () => {
    expect(() => withAction(false)).toThrow(/reserved name/);
  });
});
