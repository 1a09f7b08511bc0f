import type { OrgkitMockScenario } from '../msw/scenario.js';
import { acmeScenario } from '../msw/scenarios.js';

/** Acme with two groups (roles given through groups). */
export const groupsScenario: OrgkitMockScenario = {
  ...acmeScenario,
  groups: [
    {
      id: 'grp_support',
      orgId: 'org_acme',
      name: 'Support',
      description: 'First-line support',
      roles: ['viewer'],
      memberIds: ['usr_mia', 'usr_vic'],
    },
    {
      id: 'grp_finance',
      orgId: 'org_acme',
      name: 'Finance',
      roles: ['billing_contact'],
      memberIds: ['usr_bill'],
    },
  ],
};
