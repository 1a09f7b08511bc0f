import { describe, expect, it } from 'vitest';
import { createOrgkitClient } from './client.js';
import { CLIENT_ERROR_CODES, OrgkitError } from './problem.js';
import { cookieFetch, useInProcessServer } from './test-support/in-process-server.js';

const server = useInProcessServer();
const password = 'correct horse battery staple';

function browser() {
  const fetch = cookieFetch(server.app);
  const client = createOrgkitClient({
    baseUrl: 'http://orgkit.test',
    fetch,
    getCsrfToken: () => fetch.cookies.get('orgkit_csrf'),
  });
  return { client, fetch };
}

describe('createOrgkitClient against the real server', () => {
  it('signs up, reads the session and signs out with the cookie session', async () => {
    const { client } = browser();
    const up = await client.POST('/v1/auth/sign-up', {
      body: { email: 'ada@example.com', password, name: 'Ada' },
    });
    expect(up.error).toBeUndefined();
    // 201 with the user (this server does not verify addresses; then it would be 202 `{ ok }`)
    const user = up.data && 'user' in up.data ? up.data.user : undefined;
    expect(user?.email).toBe('ada@example.com');
    const session = await client.GET('/v1/auth/session');
    expect(session.data?.user?.name).toBe('Ada');
    const out = await client.POST('/v1/auth/sign-out');
    expect(out.error).toBeUndefined();
    expect((await client.GET('/v1/auth/session')).data?.user).toBeNull();
    const userId = user!.id;
    const denied = await client.GET('/v1/users/{userId}/audit-events', {
      params: { path: { userId } },
    });
    expect(denied.error).toBeInstanceOf(OrgkitError);
    expect(denied.error?.status).toBe(401);
    expect(denied.error?.code).toBe('UNAUTHENTICATED');
  });

  it('returns validation problems as one OrgkitError with each bad field', async () => {
    const { client } = browser();
    const res = await client.POST('/v1/auth/sign-up', {
      body: { email: 'not-an-email', password: 'short', name: '' },
    });
    expect(res.data).toBeUndefined();
    expect(res.error?.code).toBe('VALIDATION_FAILED');
    expect(res.error?.fieldErrors.map((f) => f.path).sort()).toEqual(['email', 'name', 'password']);
    expect(Object.keys(res.error?.fieldMessages() ?? {})).toContain('password');
  });

  it('echoes the CSRF token on cookie writes; without it the server refuses', async () => {
    const { client, fetch } = browser();
    await client.POST('/v1/auth/sign-up', {
      body: { email: 'csrf@example.com', password, name: 'C' },
    });
    const noCsrf = createOrgkitClient({
      baseUrl: 'http://orgkit.test',
      fetch,
      getCsrfToken: () => undefined,
    });
    const refused = await noCsrf.POST('/v1/auth/sign-out');
    expect(refused.error?.code).toBe('CSRF_REJECTED');
    expect((await client.GET('/v1/auth/session')).data?.user?.email).toBe('csrf@example.com');
  });

  it('sends API keys and host tokens as bearer credentials, not CSRF tokens', async () => {
    const seen: Request[] = [];
    const spy = async (req: Request) => {
      seen.push(req);
      return server.app.fetch(req);
    };
    await createOrgkitClient({
      baseUrl: 'http://orgkit.test/',
      fetch: spy,
      apiKey: 'ok_test_123',
    }).GET('/v1/auth/session');
    await createOrgkitClient({
      baseUrl: 'http://orgkit.test',
      fetch: spy,
      getToken: async () => 'jwt.token.here',
      getCsrfToken: () => 'x',
    }).POST('/v1/auth/sign-out');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer ok_test_123');
    expect(seen[0]?.url).toBe('http://orgkit.test/v1/auth/session');
    expect(seen[1]?.headers.get('authorization')).toBe('Bearer jwt.token.here');
    expect(seen[1]?.headers.get('x-orgkit-csrf')).toBeNull();
  });

  it('turns a failed request into a NETWORK_ERROR value and rethrows aborts', async () => {
    const offline = createOrgkitClient({
      baseUrl: 'http://orgkit.test',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const res = await offline.GET('/v1/auth/session');
    expect(res.error?.code).toBe(CLIENT_ERROR_CODES.NETWORK_ERROR);
    expect(res.error?.status).toBe(0);
    const controller = new AbortController();
    controller.abort();
    const { client } = browser();
    await expect(
      client.GET('/v1/auth/session', { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('wraps a non-problem error response (a proxy page) as UNEXPECTED_RESPONSE', async () => {
    const proxy = createOrgkitClient({
      baseUrl: 'http://orgkit.test',
      fetch: async () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    });
    const res = await proxy.GET('/v1/auth/session');
    expect(res.error).toMatchObject({ status: 502, code: CLIENT_ERROR_CODES.UNEXPECTED_RESPONSE });
  });
});
