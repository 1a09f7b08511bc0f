import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define-catalog.js';
import { testCatalog } from '../test-support/fixtures.js';
import { PermissionSet } from './permission-set.js';

describe('PermissionSet', () => {
  it('answers has/hasAll/hasAny from its bits', () => {
    const set = PermissionSet.of(testCatalog, ['members:read', 'tier:l1', 'not:a-permission']);
    expect(set.has('members:read')).toBe(true);
    expect(set.has('members:invite')).toBe(false);
    expect(set.hasAll(['members:read', 'tier:l1'])).toBe(true);
    expect(set.hasAll(['members:read', 'tier:l2'])).toBe(false);
    expect(set.hasAny(['tier:l2', 'tier:l1'])).toBe(true);
    expect(set.list()).toEqual(['members:read', 'tier:l1']);
    expect(set.size).toBe(2);
  });

  it('full holds exactly every permission, empty none', () => {
    expect(PermissionSet.full(testCatalog).list()).toEqual(testCatalog.permissions);
    expect(PermissionSet.empty(testCatalog).size).toBe(0);
  });

  it('round-trips through JSON for any subset of a large catalog', () => {
    const actions = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`a${i}`, `A${i}`]));
    const resources = Object.fromEntries(
      Array.from({ length: 53 }, (_, i) => [`r${i}`, { actions }]),
    );
    const big = defineCatalog({ m: { sections: { s: { resources } } } });
    fc.assert(
      fc.property(fc.subarray([...big.permissions]), (perms) => {
        const set = PermissionSet.of(big, perms);
        const json = JSON.parse(JSON.stringify(set));
        const back = PermissionSet.fromJSON(big, json);
        expect(back?.list()).toEqual(set.list());
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a set compiled against another catalog or with corrupt bits', () => {
    const other = defineCatalog({
      m: { sections: { s: { resources: { r: { actions: { read: 'R' } } } } } },
    });
    const json = PermissionSet.full(other).toJSON();
    expect(PermissionSet.fromJSON(testCatalog, json)).toBeUndefined();
    const good = PermissionSet.full(testCatalog).toJSON();
    expect(
      PermissionSet.fromJSON(testCatalog, { ...good, bits: `${good.bits}AAAA` }),
    ).toBeUndefined();
    expect(PermissionSet.fromJSON(testCatalog, { ...good, bits: '!!' })).toBeUndefined();
  });

  it('covers, missing and intersect behave as set operations', () => {
    const a = PermissionSet.of(testCatalog, ['members:read', 'members:invite', 'roles:read']);
    const b = PermissionSet.of(testCatalog, ['members:read', 'roles:assign']);
    expect(a.covers(PermissionSet.of(testCatalog, ['members:read']))).toBe(true);
    expect(a.covers(b)).toBe(false);
    expect(a.missing(b)).toEqual(['roles:assign']);
    expect(a.intersect(b).list()).toEqual(['members:read']);
  });
});
