import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';

const require = createRequire(import.meta.url);
let bundle: Promise<string> | undefined;

/**
 * `/docs`: the Scalar API reference for `/v1/openapi.json`. The browser bundle is served from the
 * installed `@scalar/api-reference` package instead of a CDN, so the docs work offline.
 */
export function docsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/docs/scalar.js', async (c) => {
    bundle ??= readFile(require.resolve('@scalar/api-reference/browser/standalone.js'), 'utf8');
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(await bundle);
  });
  app.get(
    '/docs',
    Scalar({ url: '/v1/openapi.json', cdn: '/docs/scalar.js', pageTitle: 'Orgkit API' }),
  );
  return app;
}
