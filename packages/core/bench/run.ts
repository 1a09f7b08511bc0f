/**
 * Core benchmarks against peers measured in the same run (CASL and better-auth's access control).
 * Prints `BENCH <name> value=<n> unit=<u> peer=<p> peer_value=<n> ratio=<r>` lines.
 */
import { createMongoAbility, subject } from '@casl/ability';
import { createAccessControl } from 'better-auth/plugins/access';
import { checkResourceAccess } from '../src/acl/check-resource-access.js';
import type { AclGrant, AclQuery } from '../src/acl/types.js';
import { defineCatalog } from '../src/catalog/define-catalog.js';
import { computePermissions } from '../src/evaluate/compute-permissions.js';
import type { AccessQuery } from '../src/evaluate/types.js';
import { PermissionSet } from '../src/permission-set/permission-set.js';
import { createRoleRegistry } from '../src/roles/role-registry.js';
import { bigCatalog, prng, tenRoles } from './fixtures.js';
import { measure, report, sinkValue } from './harness.js';

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

if (sinkValue() === -1) console.log('unreachable');
