import { describe, expect, it } from 'vitest';
import { toMember } from '../routes/members/schemas.js';
import type { MemberRecord } from '../store/members.js';
import type { User } from '../store/users.js';
import { memberRoles } from './decisions.js';

const record = (user: User['status'], membership: MemberRecord['status']): MemberRecord => ({
  user: {
    id: 'usr_1',
    email: 'a@example.test',
    name: 'A',
    status: user,
    lastActiveAt: null,
  } as User,
  orgId: 'org_1',
  status: membership,
  joinedAt: new Date('2026-01-01T00:00:00Z'),
  roles: ['member'],
});

describe('effective member status', () => {
  it.each([
    ['active', 'active', 'active'],
    ['invited', 'active', 'invited'],
    ['disabled', 'active', 'disabled'],
    ['active', 'disabled', 'disabled'],
    ['invited', 'disabled', 'disabled'],
    ['disabled', 'disabled', 'disabled'],
  ] as const)(
    'user %s, membership %s: %s for the API and for ownership rules alike',
    (u, m, want) => {
      expect(toMember(record(u, m)).status).toBe(want);
      expect(memberRoles(record(u, m)).status).toBe(want);
    },
  );
});
