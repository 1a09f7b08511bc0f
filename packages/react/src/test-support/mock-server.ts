import type { RequestHandler } from 'msw';
import { type SetupServerApi, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  createOrgkitMockApi,
  type OrgkitMockApi,
  type OrgkitMockApiOptions,
} from '../msw/create-orgkit-mock-api.js';

/** The origin tests point the provider at. */
export const TEST_BASE_URL = 'http://orgkit.test';

/** Every request the mock server saw, as `METHOD /path?query`. */
export interface RequestLog {
  readonly calls: string[];
  count(methodAndPath: string): number;
}

/**
 * Starts an MSW server for the test file (unhandled requests fail the test). Call `mock()` in a
 * test to serve a fresh scenario; extra handlers (failures) go first.
 */
export function useMockServer(): {
  readonly server: SetupServerApi;
  readonly log: RequestLog;
  mock(options?: OrgkitMockApiOptions, ...overrides: RequestHandler[]): OrgkitMockApi;
} {
  const server = setupServer();
  const calls: string[] = [];
  const log: RequestLog = {
    calls,
    count: (m) => calls.filter((c) => c === m || c.startsWith(`${m}?`)).length,
  };
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.pathname}${url.search}`);
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    calls.length = 0;
  });
  afterAll(() => server.close());
  return {
    server,
    log,
    mock(options = {}, ...overrides) {
      const api = createOrgkitMockApi({ baseUrl: TEST_BASE_URL, ...options });
      server.use(...overrides, ...api.handlers);
      return api;
    },
  };
}
