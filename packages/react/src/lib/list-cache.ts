import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Page } from './types.js';

/** Cached data of every query under a key, to restore after a failed optimistic update. */
export type Snapshot = ReadonlyArray<readonly [QueryKey, unknown]>;

/** Takes a snapshot of every query under `queryKey`. */
export function snapshot(queryClient: QueryClient, queryKey: QueryKey): Snapshot {
  return queryClient.getQueriesData({ queryKey });
}

/** Puts a snapshot back. */
export function restore(queryClient: QueryClient, saved: Snapshot | undefined): void {
  for (const [key, data] of saved ?? []) queryClient.setQueryData(key, data);
}

/** Rewrites the items of every cached page of every infinite list under `queryKey`. */
export function updatePagedItems<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  update: (items: T[]) => T[],
): void {
  queryClient.setQueriesData<InfiniteData<Page<T>>>({ queryKey }, (data) =>
    data?.pages
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: update(page.items) })) }
      : data,
  );
}

/** The signed-in user's id from the session cache, if known. */
export function cachedUserId(queryClient: QueryClient): string | undefined {
  const session = queryClient.getQueryData<{ user: { id: string } | null }>(['orgkit', 'session']);
  return session?.user?.id;
}
