import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';

/**
 * `/docs`: the Scalar API reference for `/v1/openapi.json`. With `loadBundle` (the Node entry
 * reads it from the installed `@scalar/api-reference` package) the browser bundle is served at
 * `/docs/scalar.js` instead of a CDN, so the docs work offline.
 */
export function docsRoutes(loadBundle?: () => Promise<string>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let bundle: Promise<string> | undefined;
  if (loadBundle) {
    app.get('/docs/scalar.js', async (c) => {
      bundle ??= loadBundle();
      c.header('content-type', 'text/javascript; charset=utf-8');
      c.header('cache-control', 'public, max-age=86400');
      return c.body(await bundle);
    });
  }
  app.get(
    '/docs',
    Scalar({
      url: '/v1/openapi.json',
      ...(loadBundle ? { cdn: '/docs/scalar.js' } : {}),
      pageTitle: 'Orgkit API',
    }),
  );
  return app;
}
