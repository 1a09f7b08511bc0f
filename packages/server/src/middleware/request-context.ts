import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, ServerDeps } from '../context.js';

/** A caller's request id is echoed only when it is a plain token (no control or log-forging text). */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The socket peer's address under the Node adapter; undefined elsewhere (`app.request`). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined;
  const address = env?.incoming?.socket?.remoteAddress;
  return typeof address === 'string' ? address : undefined;
}

/**
 * Puts the app's dependencies, the client's address and a per-request logger on the context;
 * logs each response by path only (never the query string, which may carry tokens).
 */
export function requestContext(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    const log = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('log', log);
    c.set('clientIp', deps.clientIps.resolve(socketAddress(c), c.req.header('x-forwarded-for')));
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
