import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { useTestApp } from '../test-support/test-app.js';
import { docsRoutes } from './docs.js';

describe.each(backends)('API reference off by default ($name)', (backend) => {
  const t = useTestApp(backend);

  it('serves the OpenAPI document but no /docs unless enabled', async () => {
    expect((await t.app.request('/v1/openapi.json')).status).toBe(200);
    const docs = await t.app.request('/docs');
    expect(docs.status).toBe(404);
    expect(((await docs.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await t.app.request('/docs/scalar.js')).status).toBe(404);
  });
});

describe('API reference without its optional package', () => {
  it('answers a 404 problem naming the package to install', async () => {
    const app = new Hono().route(
      '/',
      docsRoutes(() => undefined),
    );
    for (const path of ['/docs', '/docs/scalar.js']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = (await res.json()) as { code: string; detail: string };
      expect(body.code).toBe('NOT_FOUND');
      expect(body.detail).toContain('@scalar/api-reference');
    }
  });
});
