import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { createOrgkitMockApi, type OrgkitMockApiOptions } from '../msw/create-orgkit-mock-api.js';
import { problemResponse } from '../msw/problem.js';
import type { OrgkitMockScenario } from '../msw/scenario.js';
import { acmeScenario, signedInAs } from '../msw/scenarios.js';

/**
 * The mock world of a story, made when the story renders: every render (a story page, each
 * preview of a Docs page, a reload) starts from the prepared data, so nothing one story changes
 * shows in another. Stories name it as `parameters.orgkit.world`.
 */
export type StoryWorld = () => RequestHandler[];

/**
 * A world over `scenario` (default Acme); `options` for a host's own catalog and roles (pass the
 * catalog to the provider too: `parameters.orgkit.catalog`).
 */
export function mockApi(
  scenario: OrgkitMockScenario = acmeScenario,
  options: Omit<OrgkitMockApiOptions, 'scenario'> = {},
): StoryWorld {
  return () => createOrgkitMockApi({ ...options, scenario }).handlers;
}

/** The world as one member of Acme sees it (a role's view). */
export function asUser(userId: string, activeOrgId: string | null = 'org_acme'): StoryWorld {
  return mockApi(signedInAs(acmeScenario, userId, activeOrgId));
}

/** Handlers placed before a world's own (the first match answers): one route answers otherwise. */
export function world(...parts: readonly (RequestHandler | StoryWorld)[]): StoryWorld {
  return () => parts.flatMap((part) => (typeof part === 'function' ? part() : [part]));
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
