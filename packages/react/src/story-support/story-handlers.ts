import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { createOrgkitMockApi, type OrgkitMockApiOptions } from '../msw/create-orgkit-mock-api.js';
import { problemResponse } from '../msw/problem.js';
import type { OrgkitMockScenario } from '../msw/scenario.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';

/**
 * The mock API of a story: a fresh world per story file; `options` for a host's own catalog and
 * roles (pass the catalog to the provider too: `parameters.orgkit.catalog`).
 */
export function mockApi(
  scenario: OrgkitMockScenario = acmeScenario,
  options: Omit<OrgkitMockApiOptions, 'scenario'> = {},
): RequestHandler[] {
  return createOrgkitMockApi({ ...options, scenario }).handlers;
}

/** The world as one member of Acme sees it (a role's view). */
export function asUser(userId: string, activeOrgId: string | null = 'org_acme'): RequestHandler[] {
  return mockApi(signedInAs(acmeScenario, userId, activeOrgId));
}

/** `GET path` never answers: the component's loading state. */
export function pending(path: string): RequestHandler {
  return http.get(`*${path}`, async () => {
    await delay('infinite');
    return HttpResponse.json({});
  });
}

/** `GET path` fails with a 500 problem: the component's error state. */
export function failing(path: string): RequestHandler {
  return http.get(`*${path}`, () =>
    problemResponse(500, 'INTERNAL', 'Something went wrong on our side.'),
  );
}
