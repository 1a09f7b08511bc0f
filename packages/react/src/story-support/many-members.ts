import type { MockMembershipSeed, MockUserSeed, OrgkitMockScenario } from '../msw/scenario.js';
import { acmeScenario } from '../msw/scenarios.js';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Linus',
  'Margaret',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Torvalds',
  'Hamilton',
];
const ROLES = ['member', 'viewer', 'admin', 'billing_contact'] as const;

/**
 * Acme with `count` extra members (deterministic names, roles, statuses, join and last-active
 * dates): the world of the ManyRows stories, the paging tests and the render benchmark.
 */
export function manyMembersScenario(count: number): OrgkitMockScenario {
  const users: MockUserSeed[] = [];
  const memberships: MockMembershipSeed[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const id = `usr_m${String(i).padStart(5, '0')}`;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
    users.push({
      id,
      email: `m${i}@acme.test`,
      name,
      // Invited users and every thirteenth member have never been active.
      ...(i % 97 === 0 ? { status: 'invited' } : {}),
      ...(i % 97 === 0 || i % 13 === 0
        ? {}
        : {
            lastActiveAt: new Date(
              start + i * 3_600_000 + ((i * 7919) % 600) * 86_400_000,
            ).toISOString(),
          }),
    });
    memberships.push({
      orgId: 'org_acme',
      userId: id,
      roles: [ROLES[i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : i % 11 === 0 ? 3 : 0]!],
      ...(i % 53 === 0 ? { status: 'disabled' as const } : {}),
      joinedAt: new Date(start + i * 3_600_000).toISOString(),
    });
  }
  return {
    ...acmeScenario,
    users: [...acmeScenario.users, ...users],
    memberships: [...acmeScenario.memberships, ...memberships],
  };
}
