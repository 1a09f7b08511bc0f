import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors/error-codes.js';
import { PermissionSet } from '../permission-set/permission-set.js';
import { createRoleRegistry } from '../roles/role-registry.js';
import { testCatalog, testPresets } from '../test-support/fixtures.js';
import { checkEscalation, checkRoleEscalation } from './escalation.js';
import { checkMembershipPolicy } from './membership-policy.js';
import {
  canChangeRoles,
  canDisableMember,
  canRemoveMember,
  checkSingleOwner,
  planOwnershipTransfer,
} from './ownership.js';

const owner = { userId: 'o', roles: ['owner'] };
const admin = { userId: 'a', roles: ['admin', 'billing_contact'] };
const member = { userId: 'm', roles: ['member'] };

describe('ownership', () => {
  it('requires exactly one owner', () => {
    expect(checkSingleOwner([owner, admin, member]).ok).toBe(true);
    expect(checkSingleOwner([admin, member])).toMatchObject({
      ok: false,
      code: ErrorCode.OWNER_REQUIRED,
      owners: [],
    });
    expect(checkSingleOwner([owner, { userId: 'x', roles: ['owner'] }])).toMatchObject({
      ok: false,
      owners: ['o', 'x'],
    });
  });

  it('nobody removes, disables or demotes the owner', () => {
    expect(canRemoveMember(owner)).toMatchObject({
      ok: false,
      code: ErrorCode.OWNER_CANNOT_BE_REMOVED,
    });
    expect(canDisableMember(owner)).toMatchObject({
      ok: false,
      code: ErrorCode.OWNER_CANNOT_BE_DISABLED,
    });
    expect(canChangeRoles(owner, ['admin'])).toMatchObject({
      ok: false,
      code: ErrorCode.OWNER_CANNOT_BE_DEMOTED,
    });
    expect(canRemoveMember(admin).ok).toBe(true);
    expect(canDisableMember(member).ok).toBe(true);
    expect(canChangeRoles(owner, ['owner', 'billing_contact']).ok).toBe(true);
  });

  it('the owner role is given only by transfer', () => {
    expect(canChangeRoles(admin, ['owner'])).toMatchObject({
      ok: false,
      code: ErrorCode.OWNER_ROLE_REQUIRES_TRANSFER,
    });
  });

  it('only the owner transfers; the old owner becomes Admin and keeps other roles', () => {
    expect(planOwnershipTransfer('a', owner, member)).toMatchObject({
      ok: false,
      code: ErrorCode.ONLY_OWNER_CAN_TRANSFER,
    });
    expect(planOwnershipTransfer('o', owner, undefined)).toMatchObject({
      ok: false,
      code: ErrorCode.TRANSFER_TARGET_INVALID,
    });
    expect(planOwnershipTransfer('o', owner, owner)).toMatchObject({
      ok: false,
      code: ErrorCode.TRANSFER_TARGET_INVALID,
    });
    expect(planOwnershipTransfer('o', owner, { ...member, status: 'disabled' })).toMatchObject({
      ok: false,
    });
    const result = planOwnershipTransfer(
      'o',
      { userId: 'o', roles: ['owner', 'billing_contact'] },
      admin,
    );
    expect(result.ok).toBe(true);
    expect(result.plan?.previousOwner.roles).toEqual(['billing_contact', 'admin']);
    expect(result.plan?.newOwner.roles).toEqual(['owner', 'billing_contact']);
    if (result.plan)
      expect(checkSingleOwner([result.plan.previousOwner, result.plan.newOwner]).ok).toBe(true);
  });
});

describe('escalation guard', () => {
  const registry = createRoleRegistry(testCatalog, testPresets);
  it('allows giving a subset of what the actor holds', () => {
    const actor = PermissionSet.of(testCatalog, ['members:read', 'members:invite', 'roles:read']);
    expect(checkEscalation(actor, PermissionSet.of(testCatalog, ['members:read'])).ok).toBe(true);
  });

  it('refuses more, listing what is missing', () => {
    const actor = PermissionSet.of(testCatalog, ['members:read']);
    expect(
      checkEscalation(actor, PermissionSet.of(testCatalog, ['members:read', 'roles:assign'])),
    ).toMatchObject({
      ok: false,
      code: ErrorCode.PERMISSION_ESCALATION,
      missing: ['roles:assign'],
    });
  });

  it('counts a role’s descendants and conditional grants as given', () => {
    const viewerPlus = PermissionSet.of(testCatalog, [
      'members:read',
      'members:invite',
      'roles:read',
      'directories:read',
      'reports:read',
    ]);
    const manager = registry.get('manager', null)!;
    expect(checkRoleEscalation(viewerPlus, [manager])).toMatchObject({
      ok: false,
      missing: ['reports:export'],
    });
    const admin = registry.get('admin', null)!;
    const almostAll = PermissionSet.of(
      testCatalog,
      testCatalog.permissions.filter((p) => p !== 'members:remove'),
    );
    expect(checkRoleEscalation(almostAll, [admin])).toMatchObject({
      ok: false,
      missing: ['members:remove'],
    });
    expect(checkRoleEscalation(PermissionSet.full(testCatalog), [admin, manager]).ok).toBe(true);
  });
});

describe('membership policy', () => {
  it('single: one org per user; multiple: any number', () => {
    expect(checkMembershipPolicy('single', [], 'a').ok).toBe(true);
    expect(checkMembershipPolicy('single', ['a'], 'a').ok).toBe(true);
    expect(checkMembershipPolicy('single', ['a'], 'b')).toMatchObject({
      ok: false,
      code: ErrorCode.MEMBERSHIP_LIMIT,
    });
    expect(checkMembershipPolicy('multiple', ['a', 'c'], 'b').ok).toBe(true);
  });
});
