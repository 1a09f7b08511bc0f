/**
 * Core benchmarks against peers measured in the same run (CASL and better-auth's access control).
 * Prints `BENCH <name> value=<n> unit=<u> peer=<p> peer_value=<n> ratio=<r>` lines.
 */
import { createMongoAbility, subject } from '@casl/ability';
import { createAccessControl } from 'better-auth/plugins/access';
import { checkResourceAccess, matchingGrants } from '../src/acl/check-resource-access.js';
import type { AclGrant, AclQuery } from '../src/acl/types.js';
import { defineCatalog } from '../src/catalog/define-catalog.js';
import { applyConditions, computePermissions } from '../src/evaluate/compute-permissions.js';
import type { AccessQuery } from '../src/evaluate/types.js';
import { AccessModel } from '../src/model/access-model.js';
import { wordsFor } from '../src/permission-set/bits.js';
import { PermissionSet } from '../src/permission-set/permission-set.js';
import { createRoleRegistry, type RoleRegistry } from '../src/roles/role-registry.js';
import { bigCatalog, prng, tenRoles } from './fixtures.js';
import { measure, report, sinkValue } from './harness.js';
import { previousApplyConditions, previousMatchingGrants, ScanningModel } from './previous.js';

const catalog = bigCatalog();
const rand = prng(1);

// ---------------------------------------------------------------- single permission check
{
  const held = catalog.permissions.filter(() => rand() < 0.3);
  const probes = Array.from(
    { length: 256 },
    () => catalog.permissions[Math.floor(rand() * catalog.size)]!,
  );
  const set = PermissionSet.of(catalog, held);
  const ability = createMongoAbility(
    held.map((p) => ({ action: p.split(':')[1]!, subject: p.split(':')[0]! })),
  );
  const statements = Object.fromEntries(
    [...catalog.resources.values()].map((r) => [r.resource, r.actions]),
  ) as Record<string, string[]>;
  const ac = createAccessControl(statements);
  const grouped: Record<string, string[]> = {};
  for (const p of held) {
    const [r, a] = p.split(':') as [string, string];
    const list = grouped[r] ?? [];
    list.push(a);
    grouped[r] = list;
  }
  const role = ac.newRole(grouped);
  const probeParts = probes.map((p) => p.split(':') as [string, string]);
  const probeRequests = probeParts.map(([r, a]) => ({ [r]: [a] }));
  const plain = new Set(held);
  const mask = probes.length - 1;

  // sanity: every evaluator answers the same before we time them
  for (let i = 0; i < probes.length; i++) {
    const want = plain.has(probes[i]!);
    const [r, a] = probeParts[i]!;
    if (
      set.has(probes[i]!) !== want ||
      ability.can(a, r) !== want ||
      role.authorize(probeRequests[i]!).success !== want
    ) {
      throw new Error(`evaluators disagree on ${probes[i]}`);
    }
  }
  const ours = measure((i) => set.has(probes[i & mask]!));
  const casl = measure((i) => {
    const [r, a] = probeParts[i & mask]!;
    return ability.can(a, r);
  });
  const betterAuth = measure((i) => role.authorize(probeRequests[i & mask]!).success);
  const setHas = measure((i) => plain.has(probes[i & mask]!));
  report('core.check.single', ours, 'ns/op', '@casl/ability.can', casl);
  report('core.check.single', ours, 'ns/op', 'better-auth.authorize', betterAuth);
  report('core.check.single', ours, 'ns/op', 'Set.has', setHas);
}

// ------------------------------------------- compile a member's effective permissions
{
  const roles = tenRoles(catalog);
  const orgs = ['o0', 'o1', 'o2', 'o3', 'o4', 'o5']; // o5 is the deepest, o0 the root
  const query: AccessQuery = {
    subject: { userId: 'u', status: 'active' },
    orgId: 'o5',
    ancestors: ['o4', 'o3', 'o2', 'o1', 'o0'],
    member: true,
    assignments: roles.map((r, i) => ({
      orgId: orgs[5 - (i % 6)]!,
      roleKey: r.key,
      source:
        i % 3 === 0 ? { kind: 'group' as const, groupId: `g${i}` } : { kind: 'direct' as const },
    })),
  };
  const registry = createRoleRegistry(catalog, roles);
  const warm = measure(() => computePermissions(registry, query).words[0]);
  const cold = measure(
    () => computePermissions(createRoleRegistry(catalog, roles), query).words[0],
  );
  // the peer: build a CASL ability from the same ten roles' rules (what a CASL app does per request)
  const rules = roles.flatMap((r) =>
    [...(r.self ?? []), ...(r.descendants ?? [])].map((e) => {
      const p = typeof e === 'string' ? e : e.permission;
      return { action: p.split(':')[1]!, subject: p.split(':')[0]! };
    }),
  );
  const casl = measure(() => createMongoAbility(rules).can('a1', 'r1'));
  report('core.compile.member', warm, 'ns/op', '@casl/ability.createMongoAbility', casl);
  report('core.compile.member.cold', cold, 'ns/op', '@casl/ability.createMongoAbility', casl);
  const serialized = JSON.stringify(computePermissions(registry, query));
  const caslRules = JSON.stringify(rules);
  report(
    'core.compile.member.payload',
    serialized.length,
    'bytes',
    '@casl/ability.rules-json',
    caslRules.length,
  );
}

// ----------------------------------------------------- ACL check on a 10-deep directory tree
{
  const aclCatalog = defineCatalog({
    m: {
      sections: {
        s: { resources: { directories: { acl: true, actions: { read: 'Read', write: 'Write' } } } },
      },
    },
  });
  const registry = createRoleRegistry(aclCatalog, []);
  const perms = PermissionSet.of(aclCatalog, ['directories:read', 'directories:write']);
  const chain = Array.from({ length: 10 }, (_, i) => ({ type: 'directories', id: `d${9 - i}` })); // leaf first
  // grants on other branches and for other principals, plus the one that matters, on the root
  const grants: AclGrant[] = [
    ...Array.from({ length: 20 }, (_, i) => ({
      resource: { type: 'directories', id: `x${i}` },
      principal: { kind: 'user' as const, id: 'u' },
      actions: ['read'],
    })),
    ...chain.slice(1).map((ref, i) => ({
      resource: ref,
      principal: { kind: 'user' as const, id: `other${i}` },
      actions: ['read'],
    })),
    {
      resource: { type: 'directories', id: 'd0' },
      principal: { kind: 'group', id: 'g1' },
      actions: ['read'],
    },
  ];
  const acl: AclQuery = { chain, grants, userId: 'u', groupIds: ['g0', 'g1'], orgId: 'o' };
  if (!checkResourceAccess(registry, perms, 'directories:read', acl))
    throw new Error('ACL bench fixture is wrong');
  const ours = measure(() => checkResourceAccess(registry, perms, 'directories:read', acl));
  const grantedIds = grants
    .filter(
      (g) =>
        (g.principal.kind === 'user' && g.principal.id === 'u') ||
        (g.principal.kind === 'group' && acl.groupIds.includes(g.principal.id)),
    )
    .map((g) => g.resource.id);
  const ability = createMongoAbility([
    { action: 'read', subject: 'Directory', conditions: { ancestorIds: { $in: grantedIds } } },
  ]);
  const dir = subject('Directory', { id: 'd9', ancestorIds: chain.map((c) => c.id) });
  if (!ability.can('read', dir)) throw new Error('CASL ACL fixture is wrong');
  const casl = measure(() => ability.can('read', dir));
  report('core.acl.check.depth10', ours, 'ns/op', '@casl/ability.can+conditions', casl);
}

// ------------------------------------------ AccessModel with 10,000 unrelated groups
{
  const small = defineCatalog({
    m: { sections: { s: { resources: { docs: { actions: { read: 'Read', write: 'Write' } } } } } },
  });
  const presets = [{ key: 'reader', name: 'Reader', self: ['docs:read' as const] }];
  const world = {
    orgs: [
      { id: 'root', parentId: null },
      { id: 'o', parentId: 'root' },
    ],
    users: [{ id: 'u', status: 'active' as const }],
    memberships: [
      { orgId: 'o', userId: 'u', roles: [] },
      { orgId: 'root', userId: 'u', roles: [] },
    ],
  };
  const mine = [{ id: 'mine', orgId: 'o', name: 'Mine', roles: ['reader'], memberIds: ['u'] }];
  const others = Array.from({ length: 10_000 }, (_, i) => ({
    id: `g${i}`,
    orgId: i % 2 === 0 ? 'o' : `x${i}`,
    name: `G${i}`,
    roles: ['reader'],
    memberIds: [`other${i}`, `other${i + 1}`],
  }));
  const groups = [...others, ...mine];
  const indexed = new AccessModel(small, presets, { ...world, groups });
  const scanning = new ScanningModel(small, presets, { ...world, groups });
  scanning.allGroups = groups;
  const bare = new AccessModel(small, presets, { ...world, groups: mine });
  for (const m of [indexed, scanning, bare]) {
    if (!m.allowed('u', 'o', 'docs:read')) throw new Error('group bench fixture is wrong');
  }
  const ours = measure(() => indexed.allowed('u', 'o', 'docs:read'));
  const before = measure(() => scanning.allowed('u', 'o', 'docs:read'));
  const ceiling = measure(() => bare.allowed('u', 'o', 'docs:read'));
  report('core.model.check.10k-groups', ours, 'ns/op', 'previous.scan-every-group', before);
  report(
    'core.model.check.10k-groups',
    ours,
    'ns/op',
    'same-model-without-the-10k-groups',
    ceiling,
  );
}

// ------------------------- explain() vs allowed(), 1,000-deep org and resource trees, 10k grants
{
  const deep = defineCatalog({
    m: {
      sections: {
        s: {
          resources: {
            dirs: { acl: true, actions: { read: 'Read', write: 'Write' } },
            reports: { actions: { read: 'Read' } },
          },
        },
      },
    },
  });
  const presets = [
    {
      key: 'reader',
      name: 'Reader',
      self: ['dirs:read' as const],
      descendants: ['reports:read' as const],
    },
  ];
  const depth = 1000;
  const orgs = Array.from({ length: depth }, (_, i) => ({
    id: `o${i}`,
    parentId: i === 0 ? null : `o${i - 1}`,
  }));
  const leafOrg = `o${depth - 1}`;
  const memberships = orgs.map((o) => ({ orgId: o.id, userId: 'u', roles: ['reader'] }));
  const resources = Array.from({ length: depth }, (_, i) => ({
    type: 'dirs',
    id: `d${i}`,
    orgId: leafOrg,
    parent: i === 0 ? null : { type: 'dirs', id: `d${i - 1}` },
  }));
  const grants = Array.from({ length: 10_000 }, (_, i) => ({
    orgId: leafOrg,
    resource: { type: 'dirs', id: `d${i % depth}` },
    principal: { kind: 'user' as const, id: i === 9_999 ? 'u' : `other${i}` },
    actions: ['read'],
  }));
  const model = new AccessModel(deep, presets, {
    orgs,
    users: [{ id: 'u', status: 'active' }],
    memberships,
    resources,
    grants,
  });
  const leaf = { type: 'dirs', id: `d${depth - 1}` };
  if (
    !model.allowed('u', leafOrg, 'dirs:read', leaf) ||
    !model.explain('u', leafOrg, 'dirs:read', leaf).allowed
  )
    throw new Error('explain bench fixture is wrong');
  const allowed = measure(() => model.allowed('u', leafOrg, 'dirs:read', leaf), { samples: 7 });
  const explained = measure(() => model.explain('u', leafOrg, 'dirs:read', leaf).allowed, {
    samples: 7,
  });
  const acl = model.aclQuery('u', leafOrg, leaf);
  const registry = model.registry as RoleRegistry;
  const aclPartNow = measure(() => matchingGrants(registry, 'read', 'dirs', acl).length, {
    samples: 7,
  });
  const aclPartBefore = measure(() => previousMatchingGrants(registry, 'read', 'dirs', acl), {
    samples: 5,
    batchMs: 200,
  });
  report('core.explain.deep1000.grants10k', explained, 'ns/op', 'allowed-same-check', allowed);
  report(
    'core.explain.acl-part.deep1000',
    aclPartNow,
    'ns/op',
    'previous.chain-x-grants',
    aclPartBefore,
  );
}

// ------------------------------------------------ ⭐ fixpoint, a 1,000-long chain of conditions
{
  const n = 1000;
  const actions = Object.fromEntries(Array.from({ length: n + 1 }, (_, i) => [`p${i}`, `P${i}`]));
  const chainCatalog = defineCatalog({ m: { sections: { s: { resources: { c: { actions } } } } } });
  // worst order: p1000 needs p999 … p1 needs p0; listed last-first, so each pass adds one
  const self = [
    'c:p0' as string,
    ...Array.from({ length: n }, (_, k) => {
      const i = n - k;
      return { permission: `c:p${i}`, requires: `c:p${i - 1}` };
    }),
  ];
  const registry = createRoleRegistry(chainCatalog, [{ key: 'chain', name: 'Chain', self }]);
  const role = registry.get('chain', null)!;
  const run = (apply: typeof applyConditions) => {
    const words = role.self.unconditional.slice();
    apply(words, role.self.conditional);
    return words[wordsFor(n + 1) - 1]!;
  };
  if (run(applyConditions) !== run(previousApplyConditions)) throw new Error('fixpoints disagree');
  const ours = measure(() => run(applyConditions), { samples: 9 });
  const before = measure(() => run(previousApplyConditions), { samples: 5, batchMs: 200 });
  report('core.fixpoint.chain1000', ours, 'ns/op', 'previous.pass-until-stable', before);
}

if (sinkValue() === -1) console.log('unreachable');
