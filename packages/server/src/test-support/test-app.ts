import { afterAll, beforeAll } from 'vitest';
import type { Access } from '../access/access.js';
import type { OrgkitApp } from '../app.js';
import { CSRF_COOKIE } from '../auth/session-cookie.js';
import type { Database } from '../db/database.js';
import { createOrgkitApp } from '../node-app.js';
import type { OrgkitAppOptions } from '../options.js';
import type { Store } from '../store/store.js';
import type { User } from '../store/users.js';
import type { TestBackend } from './backends.js';

/** Cheap argon2 parameters: tests hash hundreds of passwords. */
export const TEST_PASSWORD_HASHING = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/**
 * Defaults of every test app: rate limits off (every `app.request` comes from the same unknown
 * address). A suite about rate limits passes its own `rateLimits`.
 */
const TEST_DEFAULTS: Record<string, unknown> = { rateLimits: { enabled: false } };

/** The default password of users made by the helpers. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Request options of {@link Client.request}. */
export interface RequestOptions {
  readonly method?: string;
  readonly json?: unknown;
  readonly headers?: Record<string, string>;
  /** Send a same-origin `Origin` header (default true when a cookie is sent). */
  readonly origin?: string | false;
}

/** An HTTP client over `app.request` with a cookie jar, like one browser. */
export class Client {
  readonly cookies = new Map<string, string>();
  user: User | undefined;

  /** @param bearer an API key sent as `Authorization: Bearer …` instead of cookies */
  constructor(
    private readonly getApp: () => OrgkitApp,
    readonly bearer?: string,
  ) {}

  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.bearer) headers.authorization ??= `Bearer ${this.bearer}`;
    if (options.json !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (options.origin !== false && (this.cookies.size > 0 || options.origin)) {
      headers.origin ??= options.origin || 'http://localhost';
    }
    const res = await this.getApp().request(path, {
      method: options.method ?? (options.json === undefined ? 'GET' : 'POST'),
      headers,
      ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  /** The double-submit CSRF token from the cookie jar. */
  get csrfToken(): string | undefined {
    return this.cookies.get(CSRF_COOKIE);
  }
}

/** A per-file app over a fresh database of one backend. */
export interface TestApp {
  readonly app: OrgkitApp;
  readonly store: Store;
  readonly database: Database;
  /** A new anonymous client (its own cookie jar). */
  client(): Client;
  /** A client that authenticates with an API key. */
  withKey(secret: string): Client;
  /** Signs up a new user through the API and returns the signed-in client. */
  signUp(email: string, name?: string): Promise<Client>;
  /** Creates a user directly in storage (optionally platform admin) and signs them in. */
  signedIn(email: string, extra?: { platformAdmin?: boolean; name?: string }): Promise<Client>;
  /** Creates an org through the API as `owner` (who becomes its Owner); returns its id. */
  createOrg(
    owner: Client,
    name: string,
    extra?: { parentId?: string; kind?: 'partner' | 'client' | 'standard' },
  ): Promise<string>;
  /** Signs in a new user and adds them to `orgId` with `roles` (directly in storage). */
  memberOf(orgId: string, email: string, roles: string[]): Promise<Client>;
  /** Opens the newest activation link mailed to `email` (accounts an admin created). */
  activate(email: string): Promise<void>;
  /** Mail in the outbox for an address, newest first. */
  outbox(
    to: string,
  ): Promise<{ subject: string; text: string; meta: Record<string, string> | null }[]>;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that open a fresh database of `backend`, build the app
 * on it and dispose of both. Call inside a `describe` block; read the fields inside tests.
 */
export function useTestApp(
  backend: TestBackend,
  options: Partial<Omit<OrgkitAppOptions, 'database'>> & { access?: Access } = {},
): TestApp {
  let app: OrgkitApp | undefined;
  let database: Database | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await backend.open();
    database = opened.database;
    dispose = opened.dispose;
    app = createOrgkitApp({
      ...TEST_DEFAULTS,
      database,
      logger: false,
      ...options,
      // Every request of app.request() comes from the same unknown address: limits are tested
      // on their own (middleware/rate-limit.test.ts) and off elsewhere.
      rateLimits: options.rateLimits ?? { enabled: false },
      devOutbox: options.devOutbox ?? !options.production,
      auth: { ...options.auth, passwordHashing: TEST_PASSWORD_HASHING },
    });
  });
  afterAll(async () => {
    await dispose?.();
  });
  const getApp = () => {
    if (!app) throw new Error('useTestApp: the app exists only inside tests');
    return app;
  };
  const t: TestApp = {
    get app() {
      return getApp();
    },
    get store() {
      return getApp().deps.store;
    },
    get database() {
      if (!database) throw new Error('useTestApp: no database yet');
      return database;
    },
    client: () => new Client(getApp),
    withKey: (secret) => new Client(getApp, secret),
    async signUp(email, name = email.split('@')[0]!) {
      const client = new Client(getApp);
      const res = await client.request('/v1/auth/sign-up', {
        json: { email, password: TEST_PASSWORD, name },
      });
      if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
      client.user = (await t.store.users.findByEmail(email))!;
      return client;
    },
    async signedIn(email, extra = {}) {
      const passwordHash = await getApp().deps.passwords.hash(TEST_PASSWORD);
      await t.store.users.create({
        email,
        name: extra.name ?? email.split('@')[0]!,
        passwordHash,
        platformAdmin: extra.platformAdmin ?? false,
      });
      const client = new Client(getApp);
      const res = await client.request('/v1/auth/sign-in', {
        json: { email, password: TEST_PASSWORD },
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      client.user = (await t.store.users.findByEmail(email))!;
      return client;
    },
    async createOrg(owner, name, extra = {}) {
      const res = await owner.request('/v1/organizations', { json: { name, ...extra } });
      if (res.status !== 201)
        throw new Error(`create org failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async memberOf(orgId, email, roles) {
      const client = await t.signedIn(email);
      await t.store.members.add(orgId, client.user!.id, roles);
      return client;
    },
    async activate(email) {
      const mail = (await t.outbox(email)).find((m) => m.meta?.kind === 'activation');
      const token = mail?.meta?.link && new URL(mail.meta.link).searchParams.get('token');
      if (!token) throw new Error(`no activation mail for ${email}`);
      const res = await t.client().request('/v1/auth/activate', { json: { token } });
      if (res.status !== 200)
        throw new Error(`activation failed: ${res.status} ${await res.text()}`);
    },
    async outbox(to) {
      // Mail sent after a request's answer (password reset, sign-up) is waited for.
      await getApp().deps.deferred.idle();
      return t.store.outbox.list({ to, limit: 100 });
    },
  };
  return t;
}

/** A JSON response, parsed. */
export interface JsonResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** Sends a request and parses its JSON (or problem+json) body; `body` is `{}` when empty. */
export async function call<T = Record<string, unknown>>(
  client: Client,
  method: string,
  path: string,
  json?: unknown,
  headers?: Record<string, string>,
): Promise<JsonResponse<T>> {
  const res = await client.request(path, {
    method,
    ...(json === undefined ? {} : { json }),
    ...(headers ? { headers } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}

/** The permissions `client` holds in `orgId` (`GET /v1/me/permissions`), or null when hidden. */
export async function permissionsIn(client: Client, orgId: string): Promise<string[] | null> {
  const res = await call<{ permissions: string[] }>(
    client,
    'GET',
    `/v1/me/permissions?orgId=${orgId}`,
  );
  return res.status === 200 ? res.body.permissions : null;
}
