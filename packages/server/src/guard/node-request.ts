import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrgkitGuard } from './guard.js';
import type { GuardCaller, GuardRequirement } from './guard-types.js';

/**
 * A Web `Request` with the method, URL and headers of a Node request, for
 * {@link OrgkitGuard.check}. The body is left unread, so the host's own body parser still gets it.
 */
export function nodeRequest(req: IncomingMessage): Request {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `${encrypted ? 'https' : 'http'}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return new Request(url, { method: req.method ?? 'GET', headers });
}

/**
 * The guard for Node's own server, Express and the like: the caller when allowed, with any
 * cookie from authentication added to `res`; otherwise the problem is written to `res` and the
 * result is undefined (the handler just returns).
 *
 * @example
 * app.post('/api/projects/:id/deploy', async (req, res) => {
 *   const caller = await checkNode(guard, req, res, { permission: 'projects:deploy', org });
 *   if (!caller) return;
 *   res.json({ deployedBy: caller.user.email });
 * });
 */
export async function checkNode<P extends string>(
  guard: OrgkitGuard<P>,
  req: IncomingMessage,
  res: ServerResponse,
  requirement: GuardRequirement<P>,
): Promise<GuardCaller<P> | undefined> {
  const decision = await guard.check(nodeRequest(req), requirement, { incoming: req });
  const cookies = decision.headers.getSetCookie();
  if (cookies.length > 0) {
    const existing = res.getHeader('set-cookie');
    const before =
      existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
    res.setHeader('set-cookie', [...before, ...cookies]);
  }
  if (decision.ok) return decision.caller;
  res.statusCode = decision.status;
  res.setHeader('content-type', 'application/problem+json');
  res.end(JSON.stringify(decision.problem));
  return undefined;
}
