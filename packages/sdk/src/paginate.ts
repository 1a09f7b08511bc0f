import type { MaybeOptionalInit } from 'openapi-fetch';
import type { PathsWithMethod } from 'openapi-typescript-helpers';
import type { OrgkitClient } from './client.js';
import type { paths } from './generated/schema.js';

type GetData<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer D } } } };
}
  ? D
  : never;

/** GET routes that answer a cursor page `{ items, nextCursor }`. */
export type PaginatedPath = {
  [P in PathsWithMethod<paths, 'get'>]: GetData<P> extends {
    items: unknown[];
    nextCursor: string | null;
  }
    ? P
    : never;
}[PathsWithMethod<paths, 'get'>];

/** The item type of a paginated route. */
export type PageItem<P extends PaginatedPath> =
  GetData<P> extends { items: (infer I)[] } ? I : never;

/**
 * Iterates every item of a cursor-paginated list, fetching pages as the loop advances. Throws the
 * {@link OrgkitError} of a failed page; pass `signal` to stop early.
 *
 * @example
 * for await (const event of paginate(orgkit, '/v1/organizations/{orgId}/audit-events', {
 *   params: { path: { orgId } },
 * })) console.log(event.action);
 */
export async function* paginate<P extends PaginatedPath>(
  client: OrgkitClient,
  path: P,
  init: MaybeOptionalInit<paths[P], 'get'> & { signal?: AbortSignal },
): AsyncGenerator<PageItem<P>, void, undefined> {
  let cursor: string | undefined;
  const base = (init ?? {}) as { params?: { query?: Record<string, unknown> } };
  for (;;) {
    const query = { ...(base.params?.query ?? {}), ...(cursor ? { cursor } : {}) };
    const get = client.GET as unknown as (
      url: string,
      init: unknown,
    ) => Promise<{ data?: { items: PageItem<P>[]; nextCursor: string | null }; error?: Error }>;
    const { data, error } = await get(path, { ...base, params: { ...base.params, query } });
    if (error) throw error;
    if (!data) return;
    yield* data.items;
    if (!data.nextCursor) return;
    cursor = data.nextCursor;
  }
}
