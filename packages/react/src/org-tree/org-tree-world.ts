import type { MockOrganizationSeed, OrgkitMockScenario } from '../msw/scenario.js';
import { acmeScenario } from '../msw/scenarios.js';

/**
 * Acme, a partner, managing Acme Europe (with two sub-orgs) and Acme Asia; Globex stands alone.
 * Cleo is a viewer in the client org Acme Europe only (the client-org view).
 */
export const partnerTreeScenario: OrgkitMockScenario = {
  ...acmeScenario,
  users: [
    ...acmeScenario.users,
    { id: 'usr_cleo', email: 'cleo@client.test', name: 'Cleo Client' },
  ],
  organizations: [
    ...acmeScenario.organizations,
    { id: 'org_acme_paris', name: 'Acme Paris', parentId: 'org_acme_eu', kind: 'client' },
    { id: 'org_acme_berlin', name: 'Acme Berlin', parentId: 'org_acme_eu', kind: 'client' },
    { id: 'org_acme_asia', name: 'Acme Asia', parentId: 'org_acme', kind: 'client' },
  ],
  memberships: [
    ...acmeScenario.memberships,
    { orgId: 'org_acme_eu', userId: 'usr_cleo', roles: ['viewer'] },
  ],
};

/** Acme managing `count` client orgs ("Client 001"…), every tenth with two sub-orgs. */
export function manyClientsScenario(count: number): OrgkitMockScenario {
  const orgs: MockOrganizationSeed[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `org_client_${String(i).padStart(3, '0')}`;
    orgs.push({
      id,
      name: `Client ${String(i).padStart(3, '0')}`,
      parentId: 'org_acme',
      kind: 'client',
    });
    if (i % 10 === 0) {
      for (const site of ['North', 'South']) {
        orgs.push({
          id: `${id}_${site.toLowerCase()}`,
          name: `Client ${i} ${site}`,
          parentId: id,
          kind: 'client',
        });
      }
    }
  }
  return { ...acmeScenario, organizations: [...acmeScenario.organizations, ...orgs] };
}
