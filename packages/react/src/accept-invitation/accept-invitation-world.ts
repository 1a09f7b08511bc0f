import type { OrgkitMockScenario } from '../msw/scenario.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';

/** Invitation links of every kind, for the AcceptInvitation stories and tests. */
export const invitationTokens = {
  /** nora@acme.test to Acme: no account yet. */
  newAccount: 'tok_nora_invitation',
  /** mia@acme.test (who has an account) to Globex, from Gina. */
  existingAccount: 'tok_mia_to_globex',
  expired: 'tok_late_expired',
  revoked: 'tok_rex_revoked',
  used: 'tok_una_used',
  /** bill@acme.test to Globex, from Olivia, who is only a Member there (may not invite). */
  inviterLostPermission: 'tok_bill_to_globex',
} as const;

/** Acme with an invitation link of each kind (signed out). */
export const acceptScenario: OrgkitMockScenario = signedInAs(
  {
    ...acmeScenario,
    invitations: [
      ...(acmeScenario.invitations ?? []),
      {
        id: 'inv_mia_globex',
        orgId: 'org_globex',
        email: 'mia@acme.test',
        roles: ['admin'],
        inviterId: 'usr_gina',
        createdAt: '2026-02-04T10:00:00.000Z',
        expiresAt: '2099-01-01T00:00:00.000Z',
        token: invitationTokens.existingAccount,
      },
      {
        id: 'inv_late',
        orgId: 'org_acme',
        email: 'late@acme.test',
        inviterId: 'usr_adam',
        createdAt: '2026-01-01T10:00:00.000Z',
        expiresAt: '2026-01-08T10:00:00.000Z',
        token: invitationTokens.expired,
      },
      {
        id: 'inv_rex',
        orgId: 'org_acme',
        email: 'rex@acme.test',
        inviterId: 'usr_adam',
        status: 'revoked',
        createdAt: '2026-02-01T10:00:00.000Z',
        expiresAt: '2099-01-01T00:00:00.000Z',
        token: invitationTokens.revoked,
      },
      {
        id: 'inv_una',
        orgId: 'org_acme',
        email: 'una@acme.test',
        inviterId: 'usr_olivia',
        status: 'accepted',
        createdAt: '2026-02-01T10:00:00.000Z',
        expiresAt: '2099-01-01T00:00:00.000Z',
        token: invitationTokens.used,
      },
      {
        id: 'inv_bill_globex',
        orgId: 'org_globex',
        email: 'bill@acme.test',
        roles: ['member'],
        inviterId: 'usr_olivia',
        createdAt: '2026-02-05T10:00:00.000Z',
        expiresAt: '2099-01-01T00:00:00.000Z',
        token: invitationTokens.inviterLostPermission,
      },
    ],
  },
  null,
);
