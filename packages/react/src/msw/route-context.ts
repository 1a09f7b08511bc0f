import { delay, type HttpResponseResolver, type PathParams } from 'msw';
import type { MockDb, SessionRow, UserRow } from './mock-db.js';
import { MockProblem, problemResponse } from './problem.js';

/** Name of the session cookie, as the server's default. */
export const SESSION_COOKIE = 'orgkit_session';

/** What a mock route handler receives. */
export interface MockRequest {
  readonly request: Request;
  readonly url: URL;
  readonly params: Record<string, string>;
  /** The caller, or null when anonymous (disabled users are anonymous, as on the server). */
  readonly user: UserRow | null;
  /** The caller's session (cookie or ambient). */
  readonly session: SessionRow | null;
  /** The parsed JSON body (400 when malformed). */
  json(): Promise<Record<string, unknown>>;
}

/** Shared by every route module. */
export interface RouteContext {
  readonly db: MockDb;
  /** The full URL pattern of an API path: `path('/me')` → `${baseUrl}/v1/me`. */
  path(apiPath: string): string;
  /** The full URL pattern of a path outside the API (`/dev/outbox`). */
  root(path: string): string;
  /** Artificial latency per response: milliseconds, `'real'`, or `'infinite'`. */
  readonly latency: number | 'real' | 'infinite' | undefined;
}

const SESSION_IN_HEADER = new RegExp(`(?:^|[;,]\\s*)${SESSION_COOKIE}=([^;,\\s]*)`);

function sessionOf(
  db: MockDb,
  request: Request,
  cookies: Record<string, string>,
): SessionRow | null {
  // The Cookie header first (Node, jsdom-likes that merge jars oddly); MSW's parsed cookies in
  // browsers, where the header is not visible.
  const header = request.headers.get('cookie');
  const token = header ? SESSION_IN_HEADER.exec(header)?.[1] : cookies[SESSION_COOKIE];
  // A token this world never issued (a cookie left by another story or test) is ignored, so
  // each world starts from its own ambient session.
  return (token && db.sessions.get(token)) || db.ambient;
}

/** Wraps a route: resolves the caller, renders thrown {@link MockProblem}s as problem+json. */
export function route(
  ctx: RouteContext,
  handler: (req: MockRequest) => Response | Promise<Response>,
): HttpResponseResolver<PathParams, never, never> {
  return (async ({ request, params, cookies }) => {
    if (ctx.latency !== undefined) await delay(ctx.latency);
    const url = new URL(request.url);
    const session = sessionOf(ctx.db, request, cookies);
    const found = session ? ctx.db.users.get(session.userId) : undefined;
    const user = found && found.status !== 'disabled' ? found : null;
    if (user) ctx.db.touchActivity(user);
    try {
      return await handler({
        request,
        url,
        params: params as Record<string, string>,
        user,
        session: user ? session : null,
        async json() {
          try {
            const body: unknown = await request.json();
            if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
              return body as Record<string, unknown>;
            }
          } catch {
            // fall through to the problem below
          }
          throw new MockProblem(400, 'BAD_REQUEST', 'Malformed JSON in request body');
        },
      });
    } catch (error) {
      if (error instanceof MockProblem) {
        return problemResponse(error.status, error.code, error.detail, {
          instance: url.pathname,
          ...error.extras,
        });
      }
      throw error;
    }
  }) as HttpResponseResolver<PathParams, never, never>;
}

/** Reads a `limit` query parameter like the server (1–200, default 50). */
export function pageLimit(url: URL): number {
  const raw = url.searchParams.get('limit');
  if (raw === null) return 50;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 200) {
    throw new MockProblem(422, 'VALIDATION_FAILED', 'Invalid query: limit.', {
      errors: [{ in: 'query', path: 'limit', message: 'Invalid limit', code: 'too_big' }],
    });
  }
  return n;
}
