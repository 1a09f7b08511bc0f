/**
 * `@orgkit/testing` — test worlds for hosts of Orgkit: the real Orgkit app on in-memory PGlite,
 * seeded from a plain-data scenario once and cloned per world. Use the world directly
 * (`world.fetch`, `world.store`) or through MSW handlers (`@orgkit/testing/msw`).
 *
 * @packageDocumentation
 */
export type {
  MockAuditEventSeed,
  MockGrantSeed,
  MockGroupSeed,
  MockInvitationSeed,
  MockMembershipSeed,
  MockOrganizationSeed,
  MockResourceSeed,
  MockUserSeed,
  OrgkitMockScenario,
} from './scenario.js';
export { acmeScenario, signedInAs } from './scenarios.js';
export { DEFAULT_MOCK_PASSWORD, seedScenario } from './seed-scenario.js';
export {
  createOrgkitTestWorld,
  type OrgkitTestWorld,
  type OrgkitTestWorldOptions,
  prepareOrgkitWorlds,
} from './world.js';
