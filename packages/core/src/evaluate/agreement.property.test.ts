import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRoleEscalation } from '../invariants/escalation.js';
import { AccessModel } from '../model/access-model.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import { ReferenceWorld, referencePermissions } from '../reference/reference-evaluator.js';
import { checkExclusiveLevels } from '../roles/validate-role.js';
import { propertyRuns, PROPERTY_TIMEOUT as TIMEOUT } from '../test-support/property-runs.js';
import { randomWorld, rng } from '../test-support/random-world.js';

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

// Worlds per property; `pnpm --filter @orgkit/core soak` runs many more (ORGKIT_PROPERTY_RUNS).
const RUNS = propertyRuns(600);

describe('compiled evaluator vs the reference evaluator written from the rules', () => {
  it(
    'agrees on effective permissions for every user × org, and the wire form round-trips',
    () => {
      fc.assert(
        fc.property(seed, (s) => {
          const { catalog, presets, world, userIds, orgIds } = randomWorld(s);
          const model = new AccessModel(catalog, presets, world);
          const reference = new ReferenceWorld(catalog, presets, world);
          for (const u of userIds) {
            for (const o of orgIds) {
              const expected = [...reference.permissions(u, o)].sort();
              const actual = model.permissions(u, o);
              expect(actual.list().sort()).toEqual(expected);
              const wire = PermissionSet.fromJSON(catalog, JSON.parse(JSON.stringify(actual)));
              expect(wire?.list()).toEqual(actual.list());
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'agrees on allowed() with resources of several orgs, and explain() agrees too',
    () => {
      fc.assert(
        fc.property(seed, (s) => {
          const { catalog, presets, world, userIds, orgIds } = randomWorld(s);
          const model = new AccessModel(catalog, presets, world);
          const reference = new ReferenceWorld(catalog, presets, world);
          const r = rng(s ^ 0x5bd1e995);
          const checks = world.resources.length === 0 ? 0 : 40;
          for (let i = 0; i < checks; i++) {
            const record = r.pick(world.resources);
            // a bare ref is a resource of the org asked about; a record names its own org
            const resource = r.chance(0.7) ? { type: record.type, id: record.id } : record;
            const permission = r.chance(0.9)
              ? r.pick(catalog.permissionsOf(record.type))
              : r.pick(catalog.permissions);
            const u = r.pick(userIds);
            const o = r.chance(0.6) ? record.orgId : r.pick(orgIds);
            const expected = reference.allowed(u, o, permission, resource);
            expect(model.allowed(u, o, permission, resource)).toBe(expected);
            expect(model.explain(u, o, permission, resource).allowed).toBe(expected);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'explain() agrees with allowed() without a resource, and never throws',
    () => {
      fc.assert(
        fc.property(seed, (s) => {
          const { catalog, presets, world, userIds, orgIds } = randomWorld(s);
          const model = new AccessModel(catalog, presets, world);
          const reference = new ReferenceWorld(catalog, presets, world);
          const r = rng(s ^ 0x2545f491);
          for (let i = 0; i < 20; i++) {
            const u = r.pick(userIds);
            const o = r.pick(orgIds);
            const p = r.pick(catalog.permissions);
            const expected = reference.allowed(u, o, p);
            expect(model.allowed(u, o, p)).toBe(expected);
            const why = model.explain(u, o, p);
            expect(why.allowed).toBe(expected);
            expect(why.reasons.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('exclusive levels', () => {
  it(
    'allow at most one role per exclusive module, a role without a module being its base’s',
    () => {
      fc.assert(
        fc.property(seed, seed, (s, pick) => {
          const { catalog, presets, world, orgIds } = randomWorld(s);
          const model = new AccessModel(catalog, presets, world);
          const r = rng(pick);
          const orgId = r.pick(orgIds);
          const custom = world.customRoles.filter((c) => c.orgId === orgId);
          const keys = r.some([...presets.map((p) => p.key), ...custom.map((c) => c.key)], 0.4);
          // the plain way: follow extends until a role names a module; a broken chain names none
          const moduleOf = (key: string): string | undefined => {
            const seen: string[] = [];
            let org: string | null = orgId;
            let k: string | undefined = key;
            while (k !== undefined && !seen.includes(`${org}|${k}`)) {
              seen.push(`${org}|${k}`);
              const c =
                org === null
                  ? undefined
                  : world.customRoles.find((x) => x.orgId === org && x.key === k);
              const spec = c ?? presets.find((p) => p.key === k);
              if (!spec) return undefined;
              if (spec.module !== undefined) return spec.module;
              if (!c) org = null;
              k = spec.extends;
            }
            return undefined;
          };
          const byModule = new Map<string, Set<string>>();
          for (const k of keys) {
            const m = moduleOf(k);
            if (m === undefined || !catalog.modules.get(m)?.exclusiveRoles) continue;
            byModule.set(m, (byModule.get(m) ?? new Set()).add(k));
          }
          const conflict = [...byModule.values()].some((set) => set.size > 1);
          expect(checkExclusiveLevels(model.registry, orgId, keys).ok).toBe(!conflict);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('escalation guard', () => {
  it(
    'never lets a granted role exceed the granter’s permissions',
    () => {
      fc.assert(
        fc.property(seed, seed, (s, pick) => {
          const { catalog, presets, world, userIds, orgIds } = randomWorld(s);
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
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
