import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ServerDeps } from '../context.js';

/** Puts the app's dependencies and a per-request logger on the context; logs each response. */
export function requestContext(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    const log = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('log', log);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        userId: c.var.principal?.user.id,
      },
      'request',
    );
  };
}
