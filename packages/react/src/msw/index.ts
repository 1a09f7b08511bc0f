/**
 * `@orgkit/react/msw` — MSW 2 handlers serving the Orgkit API from an in-memory world built on
 * `@orgkit/core`, so hosts' tests and stories run without a server.
 *
 * @packageDocumentation
 */
export {
  createOrgkitMockApi,
  type OrgkitMockApi,
  type OrgkitMockApiOptions,
} from './create-orgkit-mock-api.js';
export { DEFAULT_MOCK_PASSWORD, type MockAccess, MockDb } from './mock-db.js';
export { type MockFieldError, MockProblem, problemResponse } from './problem.js';
export type {
  MockAuditEventSeed,
  MockInvitationSeed,
  MockMembershipSeed,
  MockOrganizationSeed,
  MockUserSeed,
  OrgkitMockScenario,
} from './scenario.js';
export { acmeScenario, signedInAs } from './scenarios.js';
