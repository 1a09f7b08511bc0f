import { Slot, Tooltip } from 'radix-ui';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../lib/cx.js';
import { TeamTableContext } from './team-table-context.js';
import { type TeamTableStateOptions, useTeamTableState } from './use-team-table-state.js';

/** Props of {@link TeamTableRoot}. */
export interface TeamTableRootProps
  extends TeamTableStateOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue'> {
  readonly asChild?: boolean;
}

/**
 * The team table's state — members of the organization (default: the active one), filters
 * (`filters`/`defaultFilters`/`onFiltersChange`), bulk selection
 * (`selection`/`defaultSelection`/`onSelectionChange`), the viewer's permissions — shared with
 * every other part inside it.
 */
export function TeamTableRoot({
  orgId,
  filters,
  defaultFilters,
  onFiltersChange,
  selection,
  defaultSelection,
  onSelectionChange,
  deniedActions,
  pageSize,
  asChild,
  className,
  ...props
}: TeamTableRootProps): ReactNode {
  const state = useTeamTableState({
    ...(orgId !== undefined ? { orgId } : {}),
    ...(filters ? { filters } : {}),
    ...(defaultFilters ? { defaultFilters } : {}),
    ...(onFiltersChange ? { onFiltersChange } : {}),
    ...(selection ? { selection } : {}),
    ...(defaultSelection ? { defaultSelection } : {}),
    ...(onSelectionChange ? { onSelectionChange } : {}),
    ...(deniedActions ? { deniedActions } : {}),
    ...(pageSize ? { pageSize } : {}),
  });
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <TeamTableContext.Provider value={state}>
      <Tooltip.Provider delayDuration={300}>
        <Comp
          data-slot="orgkit-team-table"
          data-state={state.query.status}
          className={cx('orgkit-team-table', className)}
          {...props}
        />
      </Tooltip.Provider>
    </TeamTableContext.Provider>
  );
}
