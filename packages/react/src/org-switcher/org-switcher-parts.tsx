import { useQuery } from '@tanstack/react-query';
import { DropdownMenu } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, useMemo, useState } from 'react';
import { useOrgSwitcher } from '../hooks/use-org-switcher.js';
import { useOrganization } from '../hooks/use-organization.js';
import { useSession } from '../hooks/use-session.js';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { myOrgTreeQueryOptions } from '../queries/org-tree-query-options.js';
import {
  OrgSwitcherContext,
  type OrgSwitcherContextValue,
  useOrgSwitcherContext,
} from './org-switcher-context.js';
import { OrgSwitcherCreateDialog } from './org-switcher-create-dialog.js';
import {
  buildOrgSwitcherEntries,
  filterOrgSwitcherEntries,
  type OrgSwitcherEntry,
} from './org-switcher-entries.js';

/** Props of {@link OrgSwitcherRoot}. */
export interface OrgSwitcherRootProps {
  /** Whether the menu is open (controlled). */
  readonly open?: boolean;
  /** Whether the menu starts open (uncontrolled). */
  readonly defaultOpen?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  /** Called after the user picks an organization (the switch is already applied). */
  readonly onValueChange?: (orgId: string) => void;
  /**
   * Whether the menu is modal (hides the rest of the page from assistive technology while open).
   * Default false: the switcher is a light menu in a header.
   */
  readonly modal?: boolean;
  /**
   * Whether to list the organizations the caller manages below their own (partners' clients and
   * sub-organizations). Default true.
   */
  readonly showManaged?: boolean;
  /**
   * Replaces the built-in create dialog (e.g. navigate to the host's own onboarding). The
   * "Create organization" item shows only when the server lets the caller create one.
   */
  readonly onCreateOrganization?: () => void;
  readonly children?: ReactNode;
}

/** The org switcher's state and menu; every other part goes inside it. */
export function OrgSwitcherRoot(props: OrgSwitcherRootProps): ReactNode {
  const { client } = useOrgkitContext('OrgSwitcherRoot');
  const switcher = useOrgSwitcher();
  const session = useSession();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(props.defaultOpen ?? false);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const open = props.open ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    setUncontrolledOpen(next);
    if (!next) setQuery('');
    props.onOpenChange?.(next);
  };
  const showManaged = props.showManaged ?? true;
  const forest = useQuery({
    ...myOrgTreeQueryOptions(client),
    enabled: showManaged && switcher.status === 'success' && switcher.organizations.length > 0,
  });
  const entries = useMemo(
    () => buildOrgSwitcherEntries(switcher.organizations, showManaged ? forest.data : undefined),
    [switcher.organizations, showManaged, forest.data],
  );
  const visibleEntries = useMemo(() => filterOrgSwitcherEntries(entries, query), [entries, query]);
  const onValueChange = props.onValueChange;
  const onCreateOrganization = props.onCreateOrganization;
  const value: OrgSwitcherContextValue = {
    ...switcher,
    switchTo: async (orgId) => {
      await switcher.switchTo(orgId);
      onValueChange?.(orgId);
    },
    entries,
    visibleEntries,
    activeEntry: entries.find((e) => e.organization.id === switcher.activeOrgId),
    query,
    setQuery,
    canCreate: session.data?.canCreateOrganizations ?? false,
    startCreate: () => (onCreateOrganization ? onCreateOrganization() : setCreating(true)),
  };
  return (
    <OrgSwitcherContext.Provider value={value}>
      <DropdownMenu.Root open={open} onOpenChange={setOpen} modal={props.modal ?? false}>
        {props.children}
      </DropdownMenu.Root>
      {onCreateOrganization ? null : (
        <OrgSwitcherCreateDialog open={creating} onOpenChange={setCreating} />
      )}
    </OrgSwitcherContext.Provider>
  );
}

/** Props of {@link OrgSwitcherTrigger}. */
export interface OrgSwitcherTriggerProps extends ComponentPropsWithoutRef<'button'> {
  readonly asChild?: boolean;
}

/** The button showing the active organization (or the placeholder); opens the menu. */
export function OrgSwitcherTrigger({
  className,
  children,
  ...props
}: OrgSwitcherTriggerProps): ReactNode {
  const t = useOrgkitLocale();
  const { activeEntry, activeOrgId, status, isSwitching } =
    useOrgSwitcherContext('OrgSwitcherTrigger');
  // An org managed from above that the list does not show (`showManaged={false}`).
  const managed = useOrganization(activeEntry ? null : activeOrgId);
  const label =
    status === 'pending'
      ? t.common.loading
      : (activeEntry?.organization.name ?? managed.data?.name ?? t.orgSwitcher.placeholder);
  return (
    <DropdownMenu.Trigger
      data-slot="orgkit-org-switcher-trigger"
      aria-label={`${t.orgSwitcher.label}: ${label}`}
      aria-busy={isSwitching || status === 'pending' || undefined}
      className={cx('orgkit-org-switcher-trigger', className)}
      {...props}
    >
      {children ?? (
        <>
          <span data-slot="orgkit-org-switcher-value">{label}</span>
          <span aria-hidden="true">▾</span>
        </>
      )}
    </DropdownMenu.Trigger>
  );
}

/** Props of {@link OrgSwitcherContent}. */
export interface OrgSwitcherContentProps
  extends ComponentPropsWithoutRef<typeof DropdownMenu.Content> {
  /** Render into a portal (default true). */
  readonly portal?: boolean;
  /** Show the search field: `'auto'` (default) from 6 organizations on. */
  readonly search?: boolean | 'auto';
}

/**
 * The menu: a search field for long lists, the caller's organizations as radio items (the
 * active one checked) each followed by the organizations it manages, indented, and "Create
 * organization" when the server allows it.
 */
export function OrgSwitcherContent({
  className,
  children,
  portal = true,
  search = 'auto',
  ...props
}: OrgSwitcherContentProps): ReactNode {
  const t = useOrgkitLocale();
  const { entries, visibleEntries, activeOrgId, switchTo, query, canCreate, startCreate } =
    useOrgSwitcherContext('OrgSwitcherContent');
  const showSearch = search === 'auto' ? entries.length >= 6 : search;
  const items = (
    <>
      <DropdownMenu.RadioGroup
        value={activeOrgId ?? ''}
        onValueChange={(orgId) => void switchTo(orgId).catch(() => undefined)}
      >
        {visibleEntries.map((entry) => (
          <OrgSwitcherItem
            key={entry.organization.id}
            entry={entry}
            searching={query.trim() !== ''}
          />
        ))}
      </DropdownMenu.RadioGroup>
      {canCreate ? (
        <>
          <DropdownMenu.Separator data-slot="orgkit-menu-separator" />
          <DropdownMenu.Item
            data-slot="orgkit-org-switcher-create"
            className="orgkit-org-switcher-item"
            onSelect={startCreate}
          >
            {t.orgSwitcher.createOrganization}
          </DropdownMenu.Item>
        </>
      ) : null}
    </>
  );
  const noResults =
    visibleEntries.length === 0 && query.trim() !== '' ? (
      <p data-slot="orgkit-org-switcher-empty" role="status">
        {formatMessage(t.orgSwitcher.noResults, { query: query.trim() })}
      </p>
    ) : null;
  const content = (
    <DropdownMenu.Content
      {...(showSearch && !children ? { role: 'dialog', 'aria-orientation': undefined } : {})}
      data-slot="orgkit-org-switcher-content"
      sideOffset={4}
      align="start"
      aria-label={t.orgSwitcher.label}
      className={cx('orgkit-org-switcher-content', className)}
      {...props}
    >
      {children ??
        (showSearch ? (
          <>
            <OrgSwitcherSearch />
            {/* A menu may own only items: with a search field the popup is a dialog holding it
              and the menu of organizations. */}
            <div role="menu" aria-label={t.orgSwitcher.label} aria-orientation="vertical">
              {items}
            </div>
            {noResults}
          </>
        ) : (
          <>
            {items}
            {noResults}
          </>
        ))}
    </DropdownMenu.Content>
  );
  return portal ? <DropdownMenu.Portal>{content}</DropdownMenu.Portal> : content;
}

/**
 * The search field at the top of the menu: filters by name or slug as you type; Arrow Down
 * moves into the list, Escape closes the menu.
 */
export function OrgSwitcherSearch({
  className,
  ...props
}: ComponentPropsWithoutRef<'input'>): ReactNode {
  const t = useOrgkitLocale();
  const { query, setQuery } = useOrgSwitcherContext('OrgSwitcherSearch');
  return (
    <input
      type="search"
      data-slot="orgkit-org-switcher-search"
      aria-label={t.orgSwitcher.searchLabel}
      placeholder={t.orgSwitcher.searchPlaceholder}
      autoComplete="off"
      value={query}
      onChange={(e) => setQuery(e.target.value)}
      // The menu's type-ahead would steal the letters; keep them in the field.
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          const menu = e.currentTarget.closest('[data-slot="orgkit-org-switcher-content"]');
          menu?.querySelector<HTMLElement>('[role="menuitemradio"]:not([data-disabled])')?.focus();
          return;
        }
        if (e.key !== 'Escape' && e.key !== 'Tab') e.stopPropagation();
      }}
      className={cx('orgkit-org-switcher-search', className)}
      {...props}
    />
  );
}

/** Props of {@link OrgSwitcherItem}. */
export interface OrgSwitcherItemProps
  extends Omit<ComponentPropsWithoutRef<typeof DropdownMenu.RadioItem>, 'value'> {
  readonly entry: OrgSwitcherEntry;
  /** While searching, a managed org shows the path above it instead of being indented. */
  readonly searching?: boolean;
}

/**
 * One organization in the menu, with its kind and the caller's roles there, or — for an
 * organization managed from above — the organization it sits under.
 */
export function OrgSwitcherItem({
  entry,
  searching = false,
  className,
  children,
  style,
  ...props
}: OrgSwitcherItemProps): ReactNode {
  const t = useOrgkitLocale();
  const { organization: org, membership, depth, path } = entry;
  const roles = membership?.roles.map((r) => t.roles[r] ?? r).join(', ');
  const parent = path.at(-1);
  const depthShown = searching ? 0 : depth;
  return (
    <DropdownMenu.RadioItem
      value={org.id}
      disabled={membership ? membership.status !== 'active' : false}
      data-slot="orgkit-org-switcher-item"
      data-depth={depthShown}
      data-managed={membership ? undefined : ''}
      className={cx('orgkit-org-switcher-item', className)}
      style={{ ...style, ['--orgkit-depth' as string]: depthShown }}
      {...props}
    >
      {children ?? (
        <>
          <span data-slot="orgkit-org-switcher-item-name">{org.name}</span>
          <span data-slot="orgkit-org-switcher-item-meta">
            {t.orgSwitcher.kinds[org.kind]}
            {roles
              ? ` · ${roles}`
              : parent
                ? ` · ${formatMessage(t.orgSwitcher.managedUnder, { parent: searching ? path.join(' › ') : parent })}`
                : ''}
          </span>
        </>
      )}
    </DropdownMenu.RadioItem>
  );
}
