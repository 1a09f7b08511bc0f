import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { type Client, TEST_PASSWORD, useTestApp } from '../test-support/test-app.js';
import { HOSTILE_HEADER_NAMES, hostileHeaderValue } from './hostile.js';

/** Spoiled values per header and route; a new seed each run, `ORGKIT_FUZZ_SEED` replays one. */
const RUNS = 12;
const SEED = Number(process.env.ORGKIT_FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Requests arrive through this proxy, so forwarded headers are parsed, not skipped. */
const PROXY = '10.0.0.1';

describe.each(backends)('hostile request headers ($name)', (backend) => {
  const t = useTestApp(backend, { trustedProxies: [PROXY] });
  let member: Client;
  let orgId: string;

  beforeAll(async () => {
    const root = await t.signedIn('root@headers.test', { platformAdmin: true });
    orgId = await t.createOrg(root, 'Headers');
    member = await t.memberOf(orgId, 'member@headers.test', ['admin']);
  });

  /** Each route with a valid request, as the header is spoiled around it. */
  const routes = () => [
    {
      name: 'sign-up',
      method: 'POST',
      path: '/v1/auth/sign-up',
      body: {
        email: `h${Math.random().toString(36).slice(2)}@headers.test`,
        password: TEST_PASSWORD,
        name: 'H',
      },
    },
    {
      name: 'sign-in',
      method: 'POST',
      path: '/v1/auth/sign-in',
      body: { email: 'member@headers.test', password: TEST_PASSWORD },
    },
    {
      name: 'password reset',
      method: 'POST',
      path: '/v1/auth/password-reset',
      body: { email: 'member@headers.test' },
    },
    { name: 'session', method: 'GET', path: '/v1/auth/session' },
    { name: 'members', method: 'GET', path: `/v1/organizations/${orgId}/members`, signedIn: true },
    {
      name: 'invite',
      method: 'POST',
      path: `/v1/organizations/${orgId}/invitations`,
      body: { emails: ['guest@headers.test'], roles: ['viewer'] },
      signedIn: true,
    },
  ];

  for (const header of HOSTILE_HEADER_NAMES) {
    it(`never answers 5xx, and answers errors as problem+json, whatever ${header} says`, async () => {
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(hostileHeaderValue, async (value) => {
          for (const route of routes()) {
            const headers: Record<string, string> = {
              origin: 'http://localhost',
              'x-forwarded-for': '203.0.113.5',
            };
            if (route.body) headers['content-type'] = 'application/json';
            if (route.signedIn) {
              headers.cookie = [...member.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
            }
            headers[header] = value;
            const res = await t.app.request(
              route.path,
              {
                method: route.method,
                headers,
                ...(route.body ? { body: JSON.stringify(route.body) } : {}),
              },
              { incoming: { socket: { remoteAddress: PROXY } } },
            );
            const text = await res.text();
            const what = `${route.name} ${header}=${JSON.stringify(value).slice(0, 80)}`;
            if (res.status >= 500) failures.push(`${what}: ${res.status} ${text.slice(0, 200)}`);
            else if (res.status >= 400) {
              const type = res.headers.get('content-type') ?? '';
              if (!type.startsWith('application/problem+json')) {
                failures.push(`${what}: ${res.status} ${type}`);
              }
            }
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(failures, `replay with ORGKIT_FUZZ_SEED=${SEED}`).toEqual([]);
    });
  }
});
