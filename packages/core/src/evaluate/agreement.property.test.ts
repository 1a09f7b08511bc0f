import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRoleEscalation } from '../invariants/escalation.js';
import { AccessModel } from '../model/access-model.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import { referenceAllowed, referencePermissions } from '../reference/reference-evaluator.js';
import { randomWorld } from '../test-support/random-world.js';

describe('compiled evaluator vs plain reference evaluator', () => {
  it('agrees on effective permissions for every user × org in random worlds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const { catalog, presets, world, userIds, orgIds } = randomWorld(seed);
        const model = new AccessModel(catalog, presets, world);
        for (const u of userIds) {
          for (const o of orgIds) {
            const expected = [...referencePermissions(catalog, presets, world, u, o)].sort();
            expect(model.permissions(u, o).list().sort()).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on allowed() with ACL-controlled resources, and explain() agrees too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const { catalog, presets, world, userIds, orgIds } = randomWorld(seed);
        const model = new AccessModel(catalog, presets, world);
        for (const res of world.resources) {
          for (const p of catalog.permissionsOf(res.type)) {
            for (const u of userIds) {
              for (const o of orgIds) {
                const ref = { type: res.type, id: res.id };
                const expected = referenceAllowed(catalog, presets, world, u, o, p, ref);
                expect(model.allowed(u, o, p, ref)).toBe(expected);
                expect(model.explain(u, o, p, ref).allowed).toBe(expected);
              }
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('escalation guard', () => {
  it('never lets a granted role exceed the granter’s permissions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (seed, pick) => {
          const { catalog, presets, world, userIds, orgIds } = randomWorld(seed);
          const model = new AccessModel(catalog, presets, world);
          const actor = model.permissions(
            userIds[pick % userIds.length]!,
            orgIds[pick % orgIds.length]!,
          );
          const keys = presets.map((p) => p.key).filter((_, i) => (pick >> i) & 1);
          const roles = keys.map((k) => model.registry.get(k, null)!);
          const result = checkRoleEscalation(actor, roles);
          // everything any of these roles can give, computed the plain way from a world where a
          // fresh member holds exactly them in a fresh org and in a child of it
          const probe = {
            ...world,
            orgs: [...world.orgs, { id: 'px', parentId: null }, { id: 'py', parentId: 'px' }],
            users: [...world.users, { id: 'probe', status: 'active' as const }],
            memberships: [
              { orgId: 'px', userId: 'probe', roles: keys },
              { orgId: 'py', userId: 'probe', roles: [] },
            ],
            groups: [],
          };
          const reachable = new Set([
            ...referencePermissions(catalog, presets, probe, 'probe', 'px'),
            ...referencePermissions(catalog, presets, probe, 'probe', 'py'),
          ]);
          if (result.ok) {
            for (const p of reachable) expect(actor.has(p)).toBe(true);
          } else {
            expect(result.missing?.length).toBeGreaterThan(0);
            for (const p of result.missing ?? []) expect(actor.has(p)).toBe(false);
          }
          // the guard is never weaker than the plain check on what the roles can actually give
          expect(actor.covers(PermissionSet.of(catalog, reachable)) || !result.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
