import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { sha256 } from '../lib/tokens.js';

/** Options of {@link idempotent}. */
export interface IdempotentOptions {
  /**
   * Rewrites a JSON response body before it is stored for replays: secrets shown once (a new
   * API key) must never be kept in clear.
   */
  readonly redact?: (body: unknown) => unknown;
}

/**
 * Honours `Idempotency-Key` on POSTs that create things: the first response (2xx or 4xx) is
 * stored per caller and key and replayed for retries with the same request; the same key with a
 * different request is a 422, a retry while the first is running a 409. 5xx responses are not
 * stored, so the client may retry them.
 */
export function idempotent(options: IdempotentOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key) return next();
    if (key.length > 200)
      throw new ApiError(422, ErrorCode.VALIDATION_FAILED, 'Idempotency-Key is too long.');
    const { store } = c.var.deps;
    const scope = c.var.principal?.user.id ?? 'anonymous';
    const body = await c.req.text();
    const requestHash = await sha256(`${c.req.method} ${c.req.path}\n${body}`);
    const existing = await store.idempotency.claim({
      scope,
      key,
      method: c.req.method,
      path: c.req.path,
      requestHash,
    });
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new ApiError(
          422,
          ErrorCode.IDEMPOTENCY_CONFLICT,
          'This Idempotency-Key was used for another request.',
        );
      }
      if (existing.status === null) {
        throw new ApiError(
          409,
          ErrorCode.IDEMPOTENCY_IN_PROGRESS,
          'The first request with this key is still running.',
        );
      }
      const replay = JSON.parse(existing.responseBody ?? '{}') as { type: string; body: string };
      return new Response(replay.body, {
        status: existing.status,
        headers: { 'content-type': replay.type, 'idempotent-replayed': 'true' },
      });
    }
    try {
      await next();
    } catch (err) {
      await store.idempotency.release(scope, key);
      throw err;
    }
    const res = c.res;
    if (res.status >= 500) {
      await store.idempotency.release(scope, key);
      return;
    }
    let text = await res.clone().text();
    const type = res.headers.get('content-type') ?? 'application/json';
    if (options.redact && type.startsWith('application/json')) {
      text = JSON.stringify(options.redact(JSON.parse(text)));
    }
    await store.idempotency.complete(scope, key, res.status, JSON.stringify({ type, body: text }));
  };
}
