import { describe, expect, it } from 'vitest';
import { createOrgkitClient } from './client.js';
import { paginate } from './paginate.js';
import { OrgkitError } from './problem.js';
import { cookieFetch, useInProcessServer } from './test-support/in-process-server.js';

const server = useInProcessServer();

describe('paginate', () => {
  it('walks every page of a cursor-paginated list in order', async () => {
    const fetch = cookieFetch(server.app);
    const client = createOrgkitClient({
      baseUrl: 'http://orgkit.test',
      fetch,
      getCsrfToken: () => fetch.cookies.get('orgkit_csrf'),
    });
    const password = 'correct horse battery staple';
    const up = await client.POST('/v1/auth/sign-up', {
      body: { email: 'pager@example.com', password, name: 'P' },
    });
    const userId = up.data && 'user' in up.data ? up.data.user.id : '';
    // each sign-out / sign-in pair adds audit events about this user
    for (let i = 0; i < 3; i++) {
      await client.POST('/v1/auth/sign-out');
      await client.POST('/v1/auth/sign-in', { body: { email: 'pager@example.com', password } });
    }
    const all = await client.GET('/v1/users/{userId}/audit-events', {
      params: { path: { userId }, query: { limit: 200 } },
    });
    const expected = all.data!.items.map((e) => e.id);
    expect(expected.length).toBeGreaterThan(3);

    const pages: string[] = [];
    const seenCursors: (string | null)[] = [];
    const spy = async (req: Request) => {
      seenCursors.push(new URL(req.url).searchParams.get('cursor'));
      return fetch(req);
    };
    const paging = createOrgkitClient({
      baseUrl: 'http://orgkit.test',
      fetch: spy as typeof fetch,
    });
    for await (const event of paginate(paging, '/v1/users/{userId}/audit-events', {
      params: { path: { userId }, query: { limit: 2 } },
    })) {
      pages.push(event.id);
    }
    expect(pages).toEqual(expected);
    // one request per page: the server does not hand out a cursor to an empty last page
    expect(seenCursors.length).toBe(Math.ceil(expected.length / 2));
    expect(seenCursors[0]).toBeNull();
  });

  it('throws the OrgkitError of a failed page', async () => {
    const client = createOrgkitClient({
      baseUrl: 'http://orgkit.test',
      fetch: cookieFetch(server.app),
    });
    const iterate = async () => {
      for await (const _ of paginate(client, '/v1/users/{userId}/audit-events', {
        params: { path: { userId: 'nobody' } },
      })) {
        // unreachable
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(OrgkitError);
  });
});
