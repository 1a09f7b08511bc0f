/**
 * `@orgkit/testing/msw` — MSW 2 handlers that answer every Orgkit request with the real app of a
 * test world (see {@link createOrgkitTestWorld}): the server's routes, rules, errors and
 * audit, on in-memory PGlite, in Node (`setupServer`) and in a browser (`setupWorker`, stories).
 *
 * @packageDocumentation
 */
import { delay, type HttpHandler, http } from 'msw';
import {
  createOrgkitTestWorld,
  type OrgkitTestWorld,
  type OrgkitTestWorldOptions,
} from './world.js';

/** Options of {@link createOrgkitTestApi}. */
export interface OrgkitTestApiOptions extends OrgkitTestWorldOptions {
  /**
   * Origin the client calls (the provider's `baseUrl`), e.g. `http://localhost:3000`. Default:
   * any origin.
   */
  readonly baseUrl?: string;
  /** Latency of every response: milliseconds, `'real'` (random, like a network) or `'infinite'`. */
  readonly latency?: number | 'real' | 'infinite';
}

/** MSW handlers over one test world, which starts on the first request (or {@link ready}). */
export interface OrgkitTestApi {
  /** Pass to `setupServer(...)`, `setupWorker(...)` or a story's `parameters.msw.handlers`. */
  readonly handlers: HttpHandler[];
  /** The world behind the handlers, once its database is ready. */
  ready(): Promise<OrgkitTestWorld>;
}

/**
 * Serves the Orgkit API from a test world: each request is passed to the real app's `fetch`.
 * Creating it is synchronous (a story's handlers are declared up front); the world's database
 * is cloned from the scenario's, built once, when first needed.
 *
 * @example
 * const api = createOrgkitTestApi({ scenario: acmeScenario });
 * const server = setupServer(...api.handlers);
 */
export function createOrgkitTestApi(options: OrgkitTestApiOptions = {}): OrgkitTestApi {
  let world: Promise<OrgkitTestWorld> | undefined;
  const ready = () => {
    world ??= createOrgkitTestWorld(options);
    return world;
  };
  const origin = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const serve = async ({ request }: { request: Request }) => {
    if (options.latency !== undefined) await delay(options.latency);
    return (await ready()).fetch(request);
  };
  return {
    handlers: [http.all(`${origin}/v1/*`, serve), http.all(`${origin}/dev/*`, serve)],
    ready,
  };
}

export type { OrgkitTestWorld, OrgkitTestWorldOptions } from './world.js';
