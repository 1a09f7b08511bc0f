import type { Context } from 'hono';
import { ErrorCode } from '../errors/error-codes.js';
import { problemResponse } from '../errors/problem.js';

interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

/** `/v1/organizations/:orgId` → a regular expression matching concrete paths. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * The answer for a request no route handles: 405 with `Allow` when the path exists under other
 * methods, else 404. `routes` is read on first use, once every route is registered.
 */
export function unmatchedRequest(routes: () => readonly RouteEntry[]) {
  let table: { pattern: RegExp; methods: Set<string> }[] | undefined;
  const build = () => {
    const byPath = new Map<string, Set<string>>();
    for (const { method, path } of routes()) {
      if (method === 'ALL' || path.includes('*')) continue;
      const methods = byPath.get(path) ?? new Set<string>();
      methods.add(method.toUpperCase());
      if (method.toUpperCase() === 'GET') methods.add('HEAD');
      byPath.set(path, methods);
    }
    return [...byPath].map(([path, methods]) => ({ pattern: patternOf(path), methods }));
  };
  return (c: Context): Response => {
    table ??= build();
    const allowed = new Set<string>();
    for (const { pattern, methods } of table) {
      if (pattern.test(c.req.path)) for (const m of methods) allowed.add(m);
    }
    if (allowed.size === 0) {
      return problemResponse(
        c,
        404,
        ErrorCode.NOT_FOUND,
        `No route for ${c.req.method} ${c.req.path}.`,
      );
    }
    const allow = [...allowed].sort().join(', ');
    c.header('Allow', allow);
    return problemResponse(
      c,
      405,
      ErrorCode.METHOD_NOT_ALLOWED,
      `${c.req.method} is not supported on ${c.req.path}; allowed: ${allow}.`,
    );
  };
}
