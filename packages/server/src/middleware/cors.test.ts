import { describe, expect, it } from 'vitest';
import { createOrgkitApp } from '../node-app.js';
import { backends } from '../test-support/backends.js';
import { call, useTestApp } from '../test-support/test-app.js';

const APP = 'https://app.example.com';

describe.each(backends)('cors option ($name)', (backend) => {
  const t = useTestApp(backend, { cors: { origins: [APP] } });

  it('answers a preflight from a listed origin, credentials and the CSRF header allowed', async () => {
    const res = await t.app.request('/v1/organizations', {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-orgkit-csrf',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-orgkit-csrf');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('gives an unlisted origin no CORS headers', async () => {
    const res = await t.app.request('/v1/auth/session', {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('puts CORS headers on problems too, so the browser app can read them', async () => {
    const res = await t.app.request('/v1/organizations', { headers: { origin: APP } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });

  it('trusts the listed origin for cookie-authenticated writes, and only it', async () => {
    const owner = await t.signedIn('cors@example.com', { platformAdmin: true });
    const fromApp = await call(
      owner,
      'POST',
      '/v1/organizations',
      { name: 'Cors Co' },
      {
        origin: APP,
      },
    );
    expect(fromApp.status).toBe(201);
    const fromElsewhere = await call(
      owner,
      'POST',
      '/v1/organizations',
      { name: 'Evil Co' },
      {
        origin: 'https://evil.example',
      },
    );
    expect({ status: fromElsewhere.status, code: fromElsewhere.body.code }).toEqual({
      status: 403,
      code: 'CSRF_REJECTED',
    });
  });

  it('refuses origins that are not exact origins', async () => {
    for (const origin of [
      '*',
      'https://app.example.com/',
      'https://*.example.com',
      'app.example.com',
    ]) {
      expect(() =>
        createOrgkitApp({ database: t.database, logger: false, cors: { origins: [origin] } }),
      ).toThrow(/not an origin/);
    }
  });
});

describe.each(backends)('without the cors option ($name)', (backend) => {
  const t = useTestApp(backend);

  it('sends no CORS headers and rejects cross-site cookie writes', async () => {
    const res = await t.app.request('/v1/auth/session', { headers: { origin: APP } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const owner = await t.signedIn('nocors@example.com', { platformAdmin: true });
    const write = await call(owner, 'POST', '/v1/organizations', { name: 'X' }, { origin: APP });
    expect(write.body.code).toBe('CSRF_REJECTED');
  });
});
