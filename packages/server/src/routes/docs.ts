import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { ErrorCode } from '../errors/error-codes.js';
import { problemResponse } from '../errors/problem.js';

/** The package that renders the reference: an optional peer, installed by hosts that want it. */
export const API_REFERENCE_PACKAGE = '@scalar/api-reference';

const page = (title: string) => `<!doctype html>
<html lang="en">
  <head>
    <title>${title}</title>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
  </head>
  <body>
    <div id="app"></div>
    <script src="/docs/scalar.js"></script>
    <script>Scalar.createApiReference('#app', { url: '/v1/openapi.json' });</script>
  </body>
</html>`;

/**
 * `/docs`: the interactive API reference for `/v1/openapi.json`, mounted only when the host
 * enables docs. The browser bundle comes from the installed `@scalar/api-reference` package
 * instead of a CDN, so the docs work offline; without the package `/docs` answers a 404 problem
 * naming it, and a production install never carries the reference UI's dependencies.
 * `locate` gives a reader of the bundle, or undefined without the package (the Node entry
 * resolves it; the portable entry has none; tests pass their own).
 */
export function docsRoutes(
  locate: () => (() => Promise<string>) | undefined = () => undefined,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let bundle: Promise<string> | undefined;
  const read = locate();
  const missing: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (read) return next();
    return problemResponse(
      c,
      404,
      ErrorCode.NOT_FOUND,
      `The API reference needs the optional package ${API_REFERENCE_PACKAGE}: install it next to @orgkit/server.`,
    );
  };
  app.use('/docs', missing);
  app.use('/docs/*', missing);
  app.get('/docs/scalar.js', async (c) => {
    bundle ??= (read as () => Promise<string>)();
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(await bundle);
  });
  app.get('/docs', (c) => c.html(page('Orgkit API')));
  return app;
}
