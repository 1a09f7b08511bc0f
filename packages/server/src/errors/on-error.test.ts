import { describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { useTestApp } from '../test-support/test-app.js';

describe.each(backends)('error rendering ($name)', (backend) => {
  const t = useTestApp(backend);

  it('turns a unique violation raced past a check into 409, and anything else into a bare 500', async () => {
    const store = t.store;
    await store.users.create({ email: 'race@example.com' });
    const app = t.app;
    app.get('/test/duplicate', async () => {
      await store.users.create({ email: 'race@example.com' });
      return new Response('unreachable');
    });
    app.get('/test/boom', () => {
      throw new Error('secret internals');
    });
    const dup = await app.request('/test/duplicate');
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ code: 'CONFLICT' });
    const boom = await app.request('/test/boom');
    expect(boom.status).toBe(500);
    const body = await boom.text();
    expect(body).toContain('INTERNAL');
    expect(body).not.toContain('secret internals');
    expect(boom.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 400 BAD_REQUEST, not 500, to text Postgres cannot store (NUL)', async () => {
    const owner = await t.signedIn('nul@example.com', { platformAdmin: true });
    for (const path of ['/v1/organizations/%00', '/v1/organizations/x/members?role=a%00b']) {
      const res = await owner.request(path);
      expect([path, res.status]).toEqual([path, path.includes('role') ? 404 : 400]);
    }
    const res = await owner.request('/v1/organizations', { json: { name: 'Nul\u0000Org' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
