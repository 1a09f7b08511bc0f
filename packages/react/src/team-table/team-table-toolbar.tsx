import { Slot } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, useEffect, useId, useState } from 'react';
import { cx } from '../lib/cx.js';
import type { Member } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { isOwner, useTeamTableContext } from './team-table-context.js';

/** Props of {@link TeamTableToolbar}. */
export interface TeamTableToolbarProps extends ComponentPropsWithoutRef<'div'> {
  readonly asChild?: boolean;
}

/** The bar above the table: search, filters and (with a selection) bulk actions. */
export function TeamTableToolbar({
  asChild,
  className,
  children,
  ...props
}: TeamTableToolbarProps): ReactNode {
  useTeamTableContext('TeamTableToolbar');
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <Comp
      data-slot="orgkit-team-table-toolbar"
      className={cx('orgkit-team-table-toolbar', className)}
      {...props}
    >
      {children ?? (
        <>
          <TeamTableSearch />
          <TeamTableRoleFilter />
          <TeamTableStatusFilter />
          <TeamTableBulkActions />
        </>
      )}
    </Comp>
  );
}

/** Props of {@link TeamTableSearch}. */
export interface TeamTableSearchProps
  extends Omit<ComponentPropsWithoutRef<'input'>, 'value' | 'defaultValue' | 'onChange'> {
  /** Milliseconds of typing quiet before the search runs. Default 250. */
  readonly debounce?: number;
}

/** Searches members by name or e-mail prefix (server-side), debounced. */
export function TeamTableSearch({
  debounce = 250,
  className,
  ...props
}: TeamTableSearchProps): ReactNode {
  const t = useOrgkitLocale();
  const { filters, setFilters } = useTeamTableContext('TeamTableSearch');
  const [text, setText] = useState(filters.search ?? '');
  // A search changed from outside (controlled filters, a reset) replaces what is typed.
  const external = filters.search ?? '';
  const [seen, setSeen] = useState(external);
  if (external !== seen) {
    setSeen(external);
    if (external !== text.trim()) setText(external);
  }
  useEffect(() => {
    const search = text.trim();
    if (search === (filters.search ?? '')) return;
    const timer = setTimeout(() => {
      const { search: _old, ...rest } = filters;
      setFilters(search ? { ...rest, search } : rest);
    }, debounce);
    return () => clearTimeout(timer);
  }, [text, filters, setFilters, debounce]);
  return (
    <input
      type="search"
      data-slot="orgkit-input"
      aria-label={t.teamTable.searchLabel}
      placeholder={t.teamTable.searchPlaceholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      className={cx('orgkit-team-table-search', className)}
      {...props}
    />
  );
}

function FilterSelect(props: {
  label: string;
  value: string;
  all: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
  slot: string;
}) {
  const id = useId();
  return (
    <span data-slot={props.slot}>
      <label htmlFor={id} data-slot="orgkit-label">
        {props.label}
      </label>
      <select
        id={id}
        data-slot="orgkit-select"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{props.all}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Filters by one role. */
export function TeamTableRoleFilter(): ReactNode {
  const t = useOrgkitLocale();
  const { filters, setFilters, roles, roleLabel } = useTeamTableContext('TeamTableRoleFilter');
  return (
    <FilterSelect
      slot="orgkit-team-table-role-filter"
      label={t.teamTable.roleFilter}
      all={t.teamTable.allRoles}
      value={filters.role ?? ''}
      options={roles.map((r) => [r.key, roleLabel(r.key)] as const)}
      onChange={(role) => {
        const { role: _old, ...rest } = filters;
        setFilters(role ? { ...rest, role } : rest);
      }}
    />
  );
}

/** Filters by status: invited, active, disabled. */
export function TeamTableStatusFilter(): ReactNode {
  const t = useOrgkitLocale();
  const { filters, setFilters } = useTeamTableContext('TeamTableStatusFilter');
  const statuses = ['active', 'invited', 'disabled'] as const;
  return (
    <FilterSelect
      slot="orgkit-team-table-status-filter"
      label={t.teamTable.statusFilter}
      all={t.teamTable.allStatuses}
      value={filters.status ?? ''}
      options={statuses.map((s) => [s, t.teamTable.status[s]] as const)}
      onChange={(status) => {
        const { status: _old, ...rest } = filters;
        setFilters(status ? { ...rest, status: status as Member['status'] } : rest);
      }}
    />
  );
}

/**
 * Actions on the selected members (shown while some are selected): disable, enable, remove —
 * each only when the viewer may; the owner is never part of a selection.
 */
export function TeamTableBulkActions({
  className,
  ...props
}: ComponentPropsWithoutRef<'fieldset'>): ReactNode {
  const t = useOrgkitLocale();
  const { selection, setSelection, members, can, actions } =
    useTeamTableContext('TeamTableBulkActions');
  const [confirming, setConfirming] = useState(false);
  if (selection.length === 0) return null;
  const picked = new Set(selection);
  const selected = members.filter((m) => picked.has(m.userId) && !isOwner(m));
  return (
    <fieldset
      data-slot="orgkit-team-table-bulk"
      className={cx('orgkit-team-table-bulk', className)}
      {...props}
    >
      <legend data-slot="orgkit-sr-only">{t.teamTable.bulkActions}</legend>
      <span data-slot="orgkit-team-table-bulk-count" aria-live="polite">
        {formatMessage(t.teamTable.selected, { count: selection.length })}
      </span>
      {can.disable ? (
        <>
          <button
            type="button"
            data-slot="orgkit-button"
            onClick={() => actions.setStatus(selected, 'disabled')}
          >
            {t.teamTable.disable}
          </button>
          <button
            type="button"
            data-slot="orgkit-button"
            onClick={() => actions.setStatus(selected, 'active')}
          >
            {t.teamTable.enable}
          </button>
        </>
      ) : null}
      {can.remove ? (
        <button
          type="button"
          data-slot="orgkit-button"
          data-variant="danger"
          onClick={() => setConfirming(true)}
        >
          {t.teamTable.remove}
        </button>
      ) : null}
      <button type="button" data-slot="orgkit-button" onClick={() => setSelection([])}>
        {t.teamTable.clearSelection}
      </button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={formatMessage(t.teamTable.confirmBulkRemoveTitle, { count: selected.length })}
        description={t.teamTable.confirmBulkRemove}
        action={t.teamTable.remove}
        onConfirm={() => actions.remove(selected)}
      />
    </fieldset>
  );
}
