import type { OrgkitMockScenario } from './scenario.js';

/**
 * A small partner organization with one member per preset role, a managed client org, a second
 * organization Olivia also belongs to (so she chooses an org), pending invitations and audit
 * history. Olivia (the owner) is signed in.
 */
export const acmeScenario: OrgkitMockScenario = {
  users: [
    {
      id: 'usr_olivia',
      email: 'olivia@acme.test',
      name: 'Olivia Owner',
      lastActiveAt: '2026-02-03T10:00:00.000Z',
    },
    {
      id: 'usr_adam',
      email: 'adam@acme.test',
      name: 'Adam Admin',
      lastActiveAt: '2026-02-02T16:30:00.000Z',
    },
    {
      id: 'usr_mia',
      email: 'mia@acme.test',
      name: 'Mia Member',
      lastActiveAt: '2026-01-28T08:15:00.000Z',
    },
    // Vic has never signed in.
    { id: 'usr_vic', email: 'vic@acme.test', name: 'Vic Viewer' },
    {
      id: 'usr_bill',
      email: 'bill@acme.test',
      name: 'Bill Board',
      lastActiveAt: '2026-01-12T14:00:00.000Z',
    },
    {
      id: 'usr_dana',
      email: 'dana@acme.test',
      name: 'Dana Disabled',
      lastActiveAt: '2026-01-07T11:00:00.000Z',
    },
    {
      id: 'usr_gina',
      email: 'gina@globex.test',
      name: 'Gina Globex',
      lastActiveAt: '2026-02-01T09:00:00.000Z',
    },
  ],
  organizations: [
    { id: 'org_acme', name: 'Acme', slug: 'acme', kind: 'partner' },
    {
      id: 'org_acme_eu',
      name: 'Acme Europe',
      slug: 'acme-eu',
      parentId: 'org_acme',
      kind: 'client',
    },
    { id: 'org_globex', name: 'Globex', slug: 'globex' },
  ],
  memberships: [
    {
      orgId: 'org_acme',
      userId: 'usr_olivia',
      roles: ['owner'],
      joinedAt: '2026-01-02T09:00:00.000Z',
    },
    {
      orgId: 'org_acme',
      userId: 'usr_adam',
      roles: ['admin'],
      joinedAt: '2026-01-03T09:00:00.000Z',
    },
    {
      orgId: 'org_acme',
      userId: 'usr_mia',
      roles: ['member'],
      joinedAt: '2026-01-04T09:00:00.000Z',
    },
    {
      orgId: 'org_acme',
      userId: 'usr_vic',
      roles: ['viewer'],
      joinedAt: '2026-01-05T09:00:00.000Z',
    },
    {
      orgId: 'org_acme',
      userId: 'usr_bill',
      roles: ['billing_contact'],
      joinedAt: '2026-01-06T09:00:00.000Z',
    },
    {
      orgId: 'org_acme',
      userId: 'usr_dana',
      roles: ['member'],
      status: 'disabled',
      joinedAt: '2026-01-07T09:00:00.000Z',
    },
    {
      orgId: 'org_globex',
      userId: 'usr_gina',
      roles: ['owner'],
      joinedAt: '2026-01-02T09:00:00.000Z',
    },
    {
      orgId: 'org_globex',
      userId: 'usr_olivia',
      roles: ['member'],
      joinedAt: '2026-01-08T09:00:00.000Z',
    },
  ],
  invitations: [
    {
      id: 'inv_new1',
      orgId: 'org_acme',
      email: 'nora@acme.test',
      inviterId: 'usr_olivia',
      createdAt: '2026-02-01T10:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
      token: 'tok_nora_invitation',
    },
    {
      id: 'inv_new2',
      orgId: 'org_acme',
      email: 'otto@acme.test',
      roles: ['viewer'],
      inviterId: 'usr_adam',
      createdAt: '2026-02-02T10:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
  ],
  auditEvents: [
    {
      orgId: 'org_acme',
      actorId: 'usr_olivia',
      action: 'member.roles_updated',
      targetType: 'user',
      targetId: 'usr_adam',
      description: 'Member adam@acme.test updated',
      createdAt: '2026-02-03T10:00:00.000Z',
    },
    {
      orgId: 'org_acme',
      actorId: 'usr_adam',
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: 'inv_new2',
      description: 'otto@acme.test invited with roles viewer',
      createdAt: '2026-02-02T10:00:00.000Z',
    },
  ],
  signedInAs: 'usr_olivia',
  activeOrgId: 'org_acme',
};

/** The same world, signed in as someone else (a role's view). */
export function signedInAs(
  scenario: OrgkitMockScenario,
  userId: string | null,
  activeOrgId: string | null = null,
): OrgkitMockScenario {
  return { ...scenario, signedInAs: userId, activeOrgId };
}
