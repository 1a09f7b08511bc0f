import type { OrgkitMockScenario } from '../scenario.js';

/** The world both backends start from in the contract test (nobody signed in). */
export const contractScenario: OrgkitMockScenario = {
  users: [
    {
      id: 'usr_olivia',
      email: 'olivia@acme.test',
      name: 'Olivia Owner',
      password: 'olivia-password',
    },
    { id: 'usr_adam', email: 'adam@acme.test', name: 'Adam Admin', password: 'adam-password' },
    { id: 'usr_mia', email: 'mia@acme.test', name: 'Mia Member', password: 'mia-password' },
    { id: 'usr_vic', email: 'vic@acme.test', name: 'Vic Viewer', password: 'vic-password' },
    { id: 'usr_bill', email: 'bill@acme.test', name: 'Bill Board', password: 'bill-password' },
    { id: 'usr_gina', email: 'gina@globex.test', name: 'Gina Globex', password: 'gina-password' },
    {
      id: 'usr_pat',
      email: 'pat@platform.test',
      name: 'Pat Platform',
      password: 'pat-password',
      platformAdmin: true,
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
    { id: 'org_globex', name: 'Globex', slug: 'globex', kind: 'standard' },
  ],
  memberships: [
    { orgId: 'org_acme', userId: 'usr_olivia', roles: ['owner'] },
    { orgId: 'org_acme', userId: 'usr_adam', roles: ['admin'] },
    { orgId: 'org_acme', userId: 'usr_mia', roles: ['member'] },
    { orgId: 'org_acme', userId: 'usr_vic', roles: ['viewer'] },
    { orgId: 'org_acme', userId: 'usr_bill', roles: ['billing_contact'] },
    { orgId: 'org_globex', userId: 'usr_gina', roles: ['owner'] },
    { orgId: 'org_globex', userId: 'usr_olivia', roles: ['member'] },
  ],
  signedInAs: null,
};
