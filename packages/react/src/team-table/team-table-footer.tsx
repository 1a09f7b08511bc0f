import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useTeamTableContext } from './team-table-context.js';

/** Cursor paging: how many members are loaded, and a button for the next page. */
export function TeamTablePagination({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { members, query } = useTeamTableContext('TeamTablePagination');
  return (
    <div
      data-slot="orgkit-team-table-pagination"
      className={cx('orgkit-team-table-pagination', className)}
      {...props}
    >
      <span>{formatMessage(t.teamTable.loaded, { count: members.length })}</span>
      {query.hasNextPage ? (
        <button
          type="button"
          data-slot="orgkit-button"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? t.common.loading : t.teamTable.loadMore}
        </button>
      ) : (
        <span>{t.teamTable.allLoaded}</span>
      )}
    </div>
  );
}

/** A polite live region announcing each action's outcome (always mounted, so screen readers hear each new message). */
export function TeamTableAnnouncer({
  className,
  ...props
}: ComponentPropsWithoutRef<'p'>): ReactNode {
  const { message } = useTeamTableContext('TeamTableAnnouncer');
  return (
    <p
      role="status"
      data-slot="orgkit-team-table-message"
      data-tone={message?.tone}
      className={cx('orgkit-team-table-message', className)}
      {...props}
    >
      {message?.text}
    </p>
  );
}
