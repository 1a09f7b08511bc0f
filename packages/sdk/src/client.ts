import createClient, {
  type Client,
  type FetchResponse,
  type MaybeOptionalInit,
  type Middleware,
} from 'openapi-fetch';
import type { HttpMethod, MediaType, PathsWithMethod } from 'openapi-typescript-helpers';
import type { paths } from './generated/schema.js';
import { OrgkitError } from './problem.js';

/** Options of {@link createOrgkitClient}. */
export interface OrgkitClientOptions {
  /** Where the Orgkit server is mounted, e.g. `https://api.example.com` (no trailing `/v1`). */
  readonly baseUrl: string;
  /** A fetch implementation (tests, edge runtimes, instrumented fetch). Defaults to global fetch. */
  readonly fetch?: (input: Request) => Promise<Response>;
  /** Cookie handling; `include` by default so browser sessions work across subdomains. */
  readonly credentials?: RequestCredentials;
  /** A bearer API key (`ok_…`), for servers and scripts. */
  readonly apiKey?: string;
  /** Returns a bearer token per request, e.g. the host's JWT in external-auth mode. */
  readonly getToken?: () => string | undefined | Promise<string | undefined>;
  /** Extra headers sent with every request. */
  readonly headers?: Record<string, string>;
  /**
   * Returns the CSRF token echoed on cookie-authenticated writes. Defaults to reading the
   * `orgkit_csrf` cookie from `document.cookie` in browsers.
   */
  readonly getCsrfToken?: () => string | undefined;
}

type InitParam<Init> = [keyof Init] extends [never]
  ? [(Init & { [key: string]: unknown })?]
  : RequiredKeys<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** A call's result: `{ data }` on success or `{ error: OrgkitError }`, never both. */
export type OrgkitResult<Data> =
  | { data: Data; error?: never; response: Response }
  | { data?: never; error: OrgkitError; response: Response | undefined };

/** The JSON body of a route's success response. */
export type SuccessData<Operation extends Record<string | number, unknown>, Init> = NonNullable<
  FetchResponse<Operation, Init, 'application/json'>['data']
>;

/** A typed method for one HTTP verb over every route of the API. */
export type OrgkitMethod<M extends HttpMethod> = <
  P extends PathsWithMethod<paths, M>,
  Init extends MaybeOptionalInit<paths[P], M>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<OrgkitResult<SuccessData<NonNullable<paths[P][M]>, Init>>>;

/** The Orgkit client: one typed method per verb, errors as values. */
export interface OrgkitClient {
  readonly baseUrl: string;
  readonly GET: OrgkitMethod<'get'>;
  readonly POST: OrgkitMethod<'post'>;
  readonly PUT: OrgkitMethod<'put'>;
  readonly PATCH: OrgkitMethod<'patch'>;
  readonly DELETE: OrgkitMethod<'delete'>;
  /** Adds openapi-fetch middleware (logging, tracing, retries). */
  use(...middleware: Middleware[]): void;
  /** The underlying openapi-fetch client, for anything this surface does not cover. */
  readonly raw: Client<paths>;
}

const CSRF_COOKIE = 'orgkit_csrf';
const CSRF_HEADER = 'x-orgkit-csrf';
const UNSAFE = /^(POST|PUT|PATCH|DELETE)$/;

function csrfFromDocument(): string | undefined {
  const doc = (globalThis as { document?: { cookie?: string } }).document;
  const match = doc?.cookie?.match(new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]+)`));
  return match ? decodeURIComponent(match[1]!) : undefined;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Creates a typed client for the Orgkit API. In browsers it rides the session cookie (and echoes
 * the CSRF token on writes); in Node or edge runtimes pass `apiKey` or `getToken`.
 *
 * @example
 * const orgkit = createOrgkitClient({ baseUrl: 'http://localhost:8787' });
 * const { data, error } = await orgkit.GET('/v1/me');
 * if (error) console.log(error.code, error.fieldErrors);
 */
export function createOrgkitClient(options: OrgkitClientOptions): OrgkitClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const raw = createClient<paths>({
    baseUrl,
    credentials: options.credentials ?? 'include',
    // Resolve global fetch at call time so test doubles and polyfills installed later are used.
    fetch: options.fetch ?? ((input: Request) => globalThis.fetch(input)),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const getCsrf = options.getCsrfToken ?? csrfFromDocument;
  raw.use({
    async onRequest({ request }) {
      const token = options.apiKey ?? (await options.getToken?.());
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      else if (UNSAFE.test(request.method) && !request.headers.has(CSRF_HEADER)) {
        const csrf = getCsrf();
        if (csrf) request.headers.set(CSRF_HEADER, csrf);
      }
      return request;
    },
  });

  const wrap = <M extends HttpMethod>(
    call: (url: never, init?: never) => Promise<FetchResponse<never, never, MediaType>>,
  ) =>
    (async (url: never, init?: never) => {
      try {
        const result = await call(url, init);
        if (result.error !== undefined || !result.response.ok) {
          return {
            error: OrgkitError.fromResponse(result.response, result.error),
            response: result.response,
          };
        }
        return result;
      } catch (error) {
        if (isAbort(error)) throw error;
        return { error: OrgkitError.network(error), response: undefined };
      }
    }) as unknown as OrgkitMethod<M>;

  return {
    baseUrl,
    GET: wrap<'get'>(raw.GET as never),
    POST: wrap<'post'>(raw.POST as never),
    PUT: wrap<'put'>(raw.PUT as never),
    PATCH: wrap<'patch'>(raw.PATCH as never),
    DELETE: wrap<'delete'>(raw.DELETE as never),
    use: (...middleware) => raw.use(...middleware),
    raw,
  };
}

/** Returns `data` or throws the {@link OrgkitError}; for query functions that must throw. */
export async function unwrap<R extends { data?: unknown; error?: OrgkitError }>(
  result: Promise<R> | R,
): Promise<NonNullable<R['data']>> {
  const r = await result;
  if (r.error) throw r.error;
  return r.data as NonNullable<R['data']>;
}
