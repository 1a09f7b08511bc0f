import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { AuditActor } from '../store/audit.js';

/**
 * The audit actor of a request: the principal (or `userId` for requests that authenticate as
 * they go, like sign-up), with the client's IP and user agent.
 */
export function auditActor(c: Context<AppEnv>, userId?: string): AuditActor {
  const principal = c.var.principal;
  const actorId = principal?.user.id ?? userId ?? null;
  return {
    actorId,
    actorType: principal?.method === 'api_key' ? 'api_key' : actorId ? 'user' : 'system',
    ip: c.var.clientIp,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
  };
}
