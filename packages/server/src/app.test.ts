import { describe, expect, it } from 'vitest';
import { backends } from './test-support/backends.js';
import { useTestApp } from './test-support/test-app.js';

describe.each(backends)('app basics ($name)', (backend) => {
  const t = useTestApp(backend, { bodyLimitBytes: 2048, docs: true });

  it('serves an OpenAPI 3.1 document generated from the routes', async () => {
    const res = await t.app.request('/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/auth/sign-up',
        '/v1/auth/sign-in',
        '/v1/organizations/{orgId}/audit-events',
      ]),
    );
    expect(doc.components.schemas.Problem).toBeDefined();
    expect(Object.keys(doc.paths)).not.toContain('/dev/outbox');
  });

  it('serves the interactive reference with a local bundle', async () => {
    const html = await (await t.app.request('/docs')).text();
    expect(html).toContain('/v1/openapi.json');
    expect(html).toContain('/docs/scalar.js');
    expect(html).not.toContain('cdn.jsdelivr');
    const js = await t.app.request('/docs/scalar.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('answers unknown routes with a problem document', async () => {
    const res = await t.app.request('/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      instance: '/v1/nope',
    });
  });

  it('lists every invalid field, unknown fields included', async () => {
    const res = await t.client().request('/v1/auth/sign-up', {
      json: { email: 'not-an-email', password: 'short', name: 'X', admin: true },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { code: string; errors: { path: string; in: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['admin', 'email', 'password']);
    expect(body.errors.every((e) => e.in === 'json')).toBe(true);
    expect(await t.store.users.findByEmail('not-an-email')).toBeUndefined();
  });

  it('rejects malformed JSON with a 400 problem', async () => {
    const res = await t.app.request('/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('BAD_REQUEST');
  });

  it('bounds the body size', async () => {
    const res = await t.app.request('/v1/auth/sign-up', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'big@example.com', password: 'x'.repeat(5000), name: 'Big' }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.store.users.findByEmail('big@example.com')).toBeUndefined();
  });

  it('sets security headers and a request id', async () => {
    const res = await t.app.request('/v1/auth/session');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
