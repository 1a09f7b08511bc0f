import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-codes.js';
import { checkRoleEscalation } from '../invariants/escalation.js';
import { checkMembershipPolicy } from '../invariants/membership-policy.js';
import { canRemoveMember, planOwnershipTransfer } from '../invariants/ownership.js';
import { AccessModel } from '../model/access-model.js';
import { checkRoleAssignment } from '../roles/validate-role.js';
import { rpaCatalog as catalog, rpaRoles } from './rpa.js';

function team() {
  return new AccessModel(catalog, rpaRoles, {
    orgs: [
      { id: 'team', parentId: null },
      { id: 'team2', parentId: null },
    ],
    users: ['olga', 'adam', 'mia', 'bill'].map((id) => ({ id, status: 'active' as const })),
    memberships: [
      { orgId: 'team', userId: 'olga', roles: ['owner'] },
      { orgId: 'team', userId: 'adam', roles: ['admin'] },
      { orgId: 'team', userId: 'mia', roles: ['member', 'orchestrator_analyst'] },
      { orgId: 'team', userId: 'bill', roles: ['billing_contact'] },
      { orgId: 'team2', userId: 'mia', roles: ['admin'] },
    ],
  });
}

describe('team roles and product roles', () => {
  it('Owner and Admin invite, change roles and grant products; only the Owner transfers', () => {
    const m = team();
    for (const user of ['olga', 'adam']) {
      expect(m.allowed(user, 'team', 'invitations:create')).toBe(true);
      expect(m.allowed(user, 'team', 'members:update')).toBe(true);
      expect(m.allowed(user, 'team', 'members:remove')).toBe(true);
    }
    expect(m.allowed('olga', 'team', 'organization:transfer_ownership')).toBe(true);
    expect(m.allowed('adam', 'team', 'organization:transfer_ownership')).toBe(false);
    // an Admin can grant a product role; escalation guard agrees
    expect(
      checkRoleEscalation(m.permissions('adam', 'team'), [
        m.registry.get('orchestrator_admin', 'team')!,
      ]).ok,
    ).toBe(true);
  });

  it('an Admin cannot remove the Owner; on transfer the former Owner becomes Admin', () => {
    expect(canRemoveMember({ userId: 'olga', roles: ['owner'] }).ok).toBe(false);
    const plan = planOwnershipTransfer(
      'olga',
      { userId: 'olga', roles: ['owner'] },
      { userId: 'adam', roles: ['admin'] },
    );
    expect(plan.plan).toEqual({
      previousOwner: { userId: 'olga', roles: ['admin'] },
      newOwner: { userId: 'adam', roles: ['owner'] },
    });
  });

  it('a Member has no rights over the team; a Billing contact sees billing', () => {
    const m = team();
    expect(m.allowed('mia', 'team', 'members:read')).toBe(true);
    expect(m.allowed('mia', 'team', 'invitations:create')).toBe(false);
    expect(m.allowed('mia', 'team', 'members:update')).toBe(false);
    expect(m.allowed('bill', 'team', 'billing:read')).toBe(true);
    expect(m.allowed('bill', 'team', 'members:read')).toBe(false);
  });

  it('Orchestrator Analyst monitors but cannot publish; product roles are exclusive per product', () => {
    const m = team();
    expect(m.allowed('mia', 'team', 'dashboards:read')).toBe(true);
    expect(m.allowed('mia', 'team', 'bots:publish')).toBe(false);
    expect(
      checkRoleAssignment(
        m.registry,
        'team',
        ['member', 'orchestrator_admin', 'orchestrator_analyst'],
        'members',
      ),
    ).toMatchObject({
      code: ErrorCode.EXCLUSIVE_ROLE_CONFLICT,
    });
  });

  it('a user can be in several teams with different roles', () => {
    const m = team();
    expect(checkMembershipPolicy('multiple', ['team'], 'team2').ok).toBe(true);
    expect(m.allowed('mia', 'team2', 'members:update')).toBe(true);
    expect(m.allowed('mia', 'team', 'members:update')).toBe(false);
  });
});
