import { type ComponentPropsWithoutRef, memo, type ReactNode, useEffect, useRef } from 'react';
import { cx } from '../lib/cx.js';
import type { Member } from '../lib/types.js';
import type { OrgkitLocale } from '../locale/types.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { type TeamTableColumn, teamTableColumns } from './team-table-columns.js';
import { type TeamTableContextValue, useTeamTableContext } from './team-table-context.js';
import { useRowWindow } from './use-row-window.js';

/** Props of {@link TeamTableGrid}. */
export interface TeamTableGridProps extends ComponentPropsWithoutRef<'div'> {
  /** Default {@link teamTableColumns}. */
  readonly columns?: readonly TeamTableColumn[];
  /** Row height in pixels (rows are fixed-height for virtualization). Default 48. */
  readonly rowHeight?: number;
  /** Rows rendered beyond the visible ones. Default 8. */
  readonly overscan?: number;
  /** Viewport size assumed before it can be measured (server rendering, tests). */
  readonly initialHeight?: number;
}

/**
 * The members as a table inside a scrolling viewport. Only the visible rows are in the DOM
 * (fixed-height windowing), so 10,000 members scroll smoothly; nearing the end loads the next
 * cursor page. The header stays put and sorts server-side.
 */
export function TeamTableGrid({
  columns = teamTableColumns,
  rowHeight = 48,
  overscan = 8,
  initialHeight = 480,
  className,
  ...props
}: TeamTableGridProps): ReactNode {
  const t = useOrgkitLocale();
  const state = useTeamTableContext('TeamTableGrid');
  const { members, query } = state;
  const visible = columns.filter((c) => !c.when || c.when(members));
  const viewport = useRef<HTMLDivElement>(null);
  const { start, end, top, bottom } = useRowWindow(viewport, {
    count: members.length,
    rowHeight,
    overscan,
    initialHeight,
  });
  const last = end - 1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (last >= members.length - overscan * 2 && hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [last, members.length, overscan, hasNextPage, isFetchingNextPage, fetchNextPage]);
  return (
    <div
      ref={viewport}
      data-slot="orgkit-team-table-viewport"
      className={cx('orgkit-team-table-viewport', className)}
      {...props}
    >
      <table
        data-slot="orgkit-team-table-table"
        aria-label={t.teamTable.label}
        aria-rowcount={members.length + 1}
        aria-busy={query.isFetching || undefined}
      >
        <TeamTableHeader columns={visible} />
        <tbody data-slot="orgkit-team-table-body">
          {top > 0 ? <Spacer height={top} span={visible.length} /> : null}
          {members.slice(start, end).map((member, offset) => {
            const index = start + offset;
            return (
              <TeamTableRow
                key={member.userId}
                member={member}
                index={index}
                height={rowHeight}
                columns={visible}
                state={state}
                selected={state.selection.includes(member.userId)}
                t={t}
              />
            );
          })}
          {bottom > 0 ? <Spacer height={bottom} span={visible.length} /> : null}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a layout spacer for the unrendered rows; nothing in it is focusable
    <tr aria-hidden="true" data-slot="orgkit-team-table-spacer">
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** The header row: sortable columns toggle ascending/descending (server-side sort). */
export function TeamTableHeader({ columns }: { columns: readonly TeamTableColumn[] }): ReactNode {
  const t = useOrgkitLocale();
  const { filters, setFilters } = useTeamTableContext('TeamTableHeader');
  const sort = filters.sort ?? 'name';
  const order = filters.order ?? 'asc';
  return (
    <thead data-slot="orgkit-team-table-header">
      <tr aria-rowindex={1}>
        {columns.map((c) => {
          const label = c.header(t);
          const active = c.sort !== undefined && c.sort === sort;
          return (
            <th
              key={c.id}
              scope="col"
              data-column={c.id}
              aria-sort={
                c.sort
                  ? active
                    ? order === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : 'none'
                  : undefined
              }
            >
              {c.renderHeader ? (
                c.renderHeader()
              ) : c.sort ? (
                <button
                  type="button"
                  data-slot="orgkit-team-table-sort"
                  data-state={active ? order : undefined}
                  onClick={() =>
                    setFilters({
                      ...filters,
                      sort: c.sort,
                      order: active ? (order === 'asc' ? 'desc' : 'asc') : (c.firstOrder ?? 'asc'),
                    })
                  }
                >
                  {label}
                  <span aria-hidden="true">{active ? (order === 'asc' ? ' ↑' : ' ↓') : ''}</span>
                </button>
              ) : c.headerHidden ? (
                <span data-slot="orgkit-sr-only">{label}</span>
              ) : (
                label
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

interface RowProps {
  readonly member: Member;
  readonly index: number;
  readonly height: number;
  readonly columns: readonly TeamTableColumn[];
  readonly state: TeamTableContextValue;
  readonly selected: boolean;
  readonly t: OrgkitLocale;
}

/** One member's row. */
export const TeamTableRow = memo(function TeamTableRow(props: RowProps): ReactNode {
  const { member, columns, state, t } = props;
  return (
    <tr
      data-slot="orgkit-team-table-row"
      data-state={props.selected ? 'selected' : undefined}
      data-status={member.status}
      aria-rowindex={props.index + 2}
      style={{ height: props.height }}
    >
      {columns.map((c) => (
        <td key={c.id} data-column={c.id}>
          {c.cell(member, state, t)}
        </td>
      ))}
    </tr>
  );
});
