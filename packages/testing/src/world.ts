import type { Catalog, RoleSpec, SettingsSpec } from '@orgkit/core';
import { createFastPasswordHasher } from '@orgkit/server/fast-password-hasher';
import {
  createAccess,
  createOrgkitApp,
  generateToken,
  type OrgkitApp,
  pgliteDatabase,
  type Store,
  sha256,
} from '@orgkit/server/portable';
import type { MiddlewareHandler } from 'hono';
import {
  acquireDatabase,
  type PooledDatabase,
  releaseDatabase,
  restore,
  snapshot,
  truncateAll,
} from './database-pool.js';
import type { OrgkitMockScenario } from './scenario.js';
import { acmeScenario } from './scenarios.js';
import { seedScenario } from './seed-scenario.js';

/** Options of {@link createOrgkitTestWorld}. */
export interface OrgkitTestWorldOptions {
  /** The world to start from. Default {@link acmeScenario}. */
  readonly scenario?: OrgkitMockScenario;
  /** The host's catalog and presets, when they differ from Orgkit's. */
  readonly catalog?: Catalog<string>;
  readonly presets?: readonly RoleSpec<string>[];
  /** The declared setting keys, when they differ from the server's defaults. */
  readonly settings?: SettingsSpec;
  /** Public URL of the app in mailed links (the server's `baseUrl`). Default `http://localhost:3000`. */
  readonly appUrl?: string;
  /** Clock of the app, for deterministic timestamps. */
  readonly now?: () => Date;
}

/**
 * One world: the real Orgkit app over its own in-memory database, and one browser's cookie jar
 * (the scenario's signed-in user to begin with).
 */
export interface OrgkitTestWorld {
  /** The app itself (`app.fetch(request)` bypasses the cookie jar). */
  readonly app: OrgkitApp;
  /** The server's store over this world's database: read or change the world directly. */
  readonly store: Store;
  /**
   * Sends `request` as the world's browser: its cookies are added (a request's own cookies of
   * the same name lose), an unsafe request without `Origin` gets the request's own origin (as a
   * browser's same-origin request does), and cookies the app sets update the jar.
   */
  fetch(request: Request): Promise<Response>;
  /** Makes the browser signed in as `userId` with a new session (null: signed out). */
  signInAs(userId: string | null, activeOrgId?: string | null): Promise<void>;
  /** Puts the world back as it started: the scenario's data and signed-in user. */
  reset(): Promise<void>;
  /** Ends the world; its database goes back to the pool for the next world. */
  close(): Promise<void>;
}

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;
const SESSION_COOKIE = 'orgkit_session';
const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

let hasher: ReturnType<typeof createFastPasswordHasher> | undefined;
const HASHER = () => {
  hasher ??= createFastPasswordHasher();
  return hasher;
};

/** Fills the live tables with the scenario: seeded through the store once, restored after. */
async function startScenario(pooled: PooledDatabase, scenario: OrgkitMockScenario) {
  const schema = pooled.snapshots.get(scenario);
  if (schema) {
    await restore(pooled.client, schema);
    return;
  }
  await truncateAll(pooled.client);
  const app = createOrgkitApp({
    database: pgliteDatabase(pooled.client),
    passwordHasher: HASHER(),
    logger: false,
  });
  await seedScenario(app.deps.store, scenario, app.deps.passwords);
  pooled.snapshots.set(scenario, await snapshot(pooled.client));
}

/**
 * Starts a world: the scenario's data (seeded through the server's store once, then restored
 * from a snapshot, so each world starts from the same state and none sees another's changes)
 * behind the real app. Close a world to give its database to the next one.
 *
 * @example
 * const world = await createOrgkitTestWorld({ scenario: acmeScenario });
 * const me = await world.fetch(new Request('http://localhost:3000/v1/me'));
 */
export async function createOrgkitTestWorld(
  options: OrgkitTestWorldOptions = {},
): Promise<OrgkitTestWorld> {
  const scenario = options.scenario ?? acmeScenario;
  const jar = new Map<string, string>();
  // A browser drops Set-Cookie from a Response it constructs, so the jar learns cookies as the
  // app sets them (Node and browsers alike), not from the response.
  const rememberCookies: MiddlewareHandler = async (c, next) => {
    const header = c.header;
    c.header = ((name: string, value?: string, options?: { append?: boolean }) => {
      if (value !== undefined && name.toLowerCase() === 'set-cookie') remember(value);
      return header(name, value, options);
    }) as typeof c.header;
    await next();
  };
  const remember = (cookie: string) => {
    const [pair = '', ...attributes] = cookie.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1);
    const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (expired) jar.delete(name);
    else jar.set(name, value);
  };
  const pooled = await acquireDatabase();
  try {
    await startScenario(pooled, scenario);
  } catch (error) {
    releaseDatabase(pooled);
    throw error;
  }
  const database = pgliteDatabase(pooled.client);
  const app = createOrgkitApp({
    database,
    passwordHasher: HASHER(),
    logger: false,
    production: false,
    devOutbox: true,
    baseUrl: options.appUrl ?? 'http://localhost:3000',
    access: createAccess({
      ...(options.catalog ? { catalog: options.catalog } : {}),
      ...(options.presets ? { presets: options.presets } : {}),
    }),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.now ? { now: options.now } : {}),
    organizations: {
      ...(scenario.membership ? { membership: scenario.membership } : {}),
      ...(scenario.selfServe !== undefined ? { selfServe: scenario.selfServe } : {}),
    },
    middleware: [rememberCookies],
  });
  const store = app.deps.store;

  async function signInAs(userId: string | null, activeOrgId: string | null = null) {
    jar.clear();
    if (!userId) return;
    const token = generateToken();
    await store.sessions.create({
      userId,
      tokenHash: await sha256(token),
      expiresAt: new Date(app.deps.options.now().getTime() + SESSION_TTL_MS),
      activeOrgId,
    });
    jar.set(SESSION_COOKIE, token);
  }
  const signInScenarioUser = () =>
    signInAs(scenario.signedInAs ?? null, scenario.activeOrgId ?? null);
  await signInScenarioUser();
  let closed = false;

  return {
    app,
    store,
    signInAs,
    async reset() {
      await startScenario(pooled, scenario);
      await signInScenarioUser();
    },
    async close() {
      if (closed) return;
      closed = true;
      releaseDatabase(pooled);
    },
    async fetch(request) {
      const headers = new Headers(request.headers);
      const own = new Map(
        (headers.get('cookie') ?? '')
          .split(';')
          .map((pair) => pair.trim().split('=') as [string, string?])
          .filter(([name]) => name)
          .map(([name, value]) => [name, value ?? ''] as const),
      );
      for (const [name, value] of jar) own.set(name, value);
      if (own.size > 0) headers.set('cookie', [...own].map(([k, v]) => `${k}=${v}`).join('; '));
      const safe = SAFE_METHODS.test(request.method);
      if (!safe && !headers.has('origin')) headers.set('origin', new URL(request.url).origin);
      const body = safe ? undefined : await request.arrayBuffer();
      if (body) headers.set('content-length', String(body.byteLength));
      const forwarded = new Request(request.url, { method: request.method, headers, body });
      // Cookie, Origin and Content-Length are headers a browser drops from a Request it
      // constructs: the app reads this request's headers from the plain Headers object instead.
      Object.defineProperty(forwarded, 'headers', { value: headers });
      const response = await app.fetch(forwarded);
      return response;
    },
  };
}

/**
 * Builds the databases of `scenarios` ahead of the first world (PGlite boots and migrates once,
 * each scenario is seeded once), e.g. in a `beforeAll` with a generous timeout, so each test
 * then only pays for a restore.
 */
export async function prepareOrgkitWorlds(
  scenarios: readonly OrgkitMockScenario[] = [acmeScenario],
): Promise<void> {
  for (const scenario of scenarios) await (await createOrgkitTestWorld({ scenario })).close();
}
