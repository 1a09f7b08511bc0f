import { createOrgkitApp, type OrgkitApp, openDatabase } from '@orgkit/server';
import { afterAll, beforeAll } from 'vitest';

/** A fetch over the in-process app that keeps cookies like one browser profile. */
export interface CookieFetch {
  (input: Request): Promise<Response>;
  readonly cookies: Map<string, string>;
}

export function cookieFetch(app: OrgkitApp): CookieFetch {
  const cookies = new Map<string, string>();
  const fetcher = (async (input: Request) => {
    const request = new Request(input);
    // like a real fetch: an aborted signal rejects before anything is sent
    if (request.signal.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    if (cookies.size > 0) {
      request.headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await app.fetch(request);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      if (value === '' || attrs.some((a) => /max-age=0/i.test(a))) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }) as CookieFetch;
  Object.defineProperty(fetcher, 'cookies', { value: cookies });
  return fetcher;
}

/** Starts the real server app on an in-memory PGlite for the test file. */
export function useInProcessServer(
  options: Partial<Omit<Parameters<typeof createOrgkitApp>[0], 'database'>> = {},
): { readonly app: OrgkitApp } {
  const state = {} as { app: OrgkitApp };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    close = () => database.close();
    state.app = createOrgkitApp({
      database,
      logger: false,
      baseUrl: 'http://orgkit.test',
      auth: { passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 } },
      rateLimits: { enabled: false },
      ...options,
    });
  });
  afterAll(async () => {
    await close?.();
  });
  return state;
}
