/**
 * @orgkit/sdk — a typed client for the Orgkit API, generated from the server's OpenAPI document.
 * Works in browsers, Node 20+ and edge runtimes (no Node-only imports).
 *
 * @packageDocumentation
 */
export {
  createOrgkitClient,
  type OrgkitClient,
  type OrgkitClientOptions,
  type OrgkitMethod,
  type OrgkitResult,
  type SuccessData,
  unwrap,
} from './client.js';
export type { components, operations, paths } from './generated/schema.js';
export { type PageItem, type PaginatedPath, paginate } from './paginate.js';
export {
  CLIENT_ERROR_CODES,
  type FieldProblem,
  isOrgkitError,
  OrgkitError,
  type Problem,
} from './problem.js';
export type { Schemas } from './schemas.js';
