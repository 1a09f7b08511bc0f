import type { PermissionSet } from '@orgkit/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { DropdownMenu, Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import { useCan } from '../hooks/use-can.js';
import { useOrgSwitcher } from '../hooks/use-org-switcher.js';
import { cx } from '../lib/cx.js';
import { walkForest } from '../lib/org-forest.js';
import type { Permission } from '../lib/register.js';
import type { Organization, OrganizationTreeNode } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useOrgkitContext } from '../provider/orgkit-context.js';
import { myOrgTreeQueryOptions, orgTreeQueryOptions } from '../queries/org-tree-query-options.js';
import { permissionsQueryOptions } from '../queries/permissions-query-options.js';
import { OrgkitStatus, OrgkitStatusDescription } from '../status/orgkit-status.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import {
  OrgTreeContext,
  type OrgTreeContextValue,
  type OrgTreeDialogState,
  useOrgTreeContext,
} from './org-tree-context.js';
import { OrgTreeCreateDialog, OrgTreeMoveDialog } from './org-tree-dialogs.js';
import { filterForest, moveTargets, type OrgTreeRow, visibleRows } from './org-tree-model.js';

/** Props of {@link OrgTreeRoot}. */
export interface OrgTreeRootProps extends Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue'> {
  /**
   * Show the tree below this organization (`GET /v1/organizations/{orgId}/tree`, needs
   * `managed_orgs:read` there). Default: the caller's whole forest — each of their organizations
   * with what it manages (`GET /v1/me/organization-tree`).
   */
  readonly orgId?: string;
  /** How many levels below each root to load (server default 8). */
  readonly depth?: number;
  /**
   * Called by each node's "Open" button. Default: the organization becomes the active one
   * (`useOrgSwitcher().switchTo`).
   */
  readonly onOpen?: (org: Organization) => void;
  /** Expanded node ids (controlled). Default: the roots are expanded. */
  readonly expanded?: readonly string[];
  readonly defaultExpanded?: readonly string[];
  readonly onExpandedChange?: (expanded: readonly string[]) => void;
  /** The search text (controlled). */
  readonly search?: string;
  readonly defaultSearch?: string;
  readonly onSearchChange?: (search: string) => void;
  /**
   * Offer "Create client organization" (`managed_orgs:create`) and "Move to…"
   * (`managed_orgs:move`) per node when the viewer may. Default true.
   */
  readonly actions?: boolean;
  readonly asChild?: boolean;
}

/**
 * The tree's data (the partner forest or one org's subtree), search, expanded state, roving
 * focus and the viewer's permissions; every other OrgTree part goes inside it.
 */
export function OrgTreeRoot({
  orgId,
  depth,
  onOpen,
  expanded: expandedProp,
  defaultExpanded,
  onExpandedChange,
  search: searchProp,
  defaultSearch,
  onSearchChange,
  actions = true,
  asChild,
  className,
  ...props
}: OrgTreeRootProps): ReactNode {
  const t = useOrgkitLocale();
  const { client, catalog } = useOrgkitContext('OrgTreeRoot');
  const tree = useQuery({ ...orgTreeQueryOptions(client, orgId ?? '', depth), enabled: !!orgId });
  const forest = useQuery({ ...myOrgTreeQueryOptions(client, depth), enabled: !orgId });
  const query = orgId ? tree : forest;
  const roots = useMemo<readonly OrganizationTreeNode[]>(
    () => (orgId ? (tree.data ? [tree.data.root] : []) : (forest.data?.roots ?? [])),
    [orgId, tree.data, forest.data],
  );
  const truncated = (orgId ? tree.data?.truncated : forest.data?.truncated) ?? false;
  const { nodes, rootOf } = useMemo(() => {
    const nodes = new Map<string, OrganizationTreeNode>();
    const rootOf = new Map<string, string>();
    for (const root of roots) {
      walkForest([root], (n) => {
        nodes.set(n.id, n);
        rootOf.set(n.id, root.id);
      });
    }
    return { nodes, rootOf };
  }, [roots]);

  const [search, setSearch] = useControllableState(searchProp, defaultSearch ?? '', onSearchChange);
  const [expandedList, setExpandedList] = useControllableState<readonly string[] | null>(
    expandedProp,
    defaultExpanded ?? null,
    onExpandedChange as ((next: readonly string[] | null) => void) | undefined,
  );
  const rootIds = useMemo(() => roots.map((r) => r.id), [roots]);
  const expanded = useMemo(() => new Set(expandedList ?? rootIds), [expandedList, rootIds]);
  const toggle = useCallback(
    (id: string, open?: boolean) =>
      setExpandedList((prev) => {
        const next = new Set(prev ?? rootIds);
        if (open ?? !next.has(id)) next.add(id);
        else next.delete(id);
        return [...next];
      }),
    [setExpandedList, rootIds],
  );

  const filtered = useMemo(() => filterForest(roots, search), [roots, search]);
  const rows = useMemo(
    () =>
      visibleRows(filtered.roots, expanded, {
        active: search.trim() !== '',
        matches: filtered.matches,
      }),
    [filtered, expanded, search],
  );

  const [focused, setFocused] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  const registerRow = useCallback((id: string, element: HTMLElement | null) => {
    if (element) elements.current.set(id, element);
    else elements.current.delete(id);
  }, []);
  const focusRow = useCallback((id: string, move = true) => {
    setFocused(id);
    if (move) elements.current.get(id)?.focus();
  }, []);
  // The tab stop stays on a shown row: the focused one, else the current org, else the first.
  const active = useActiveOrgId();
  const focusedId =
    (focused && rows.some((r) => r.node.id === focused) ? focused : null) ??
    rows.find((r) => r.node.id === active.orgId)?.node.id ??
    rows[0]?.node.id ??
    null;

  // One compiled set per root (a few: the caller's own orgs) decides whether menus show.
  const permissionOptions = useMemo(
    () =>
      rootIds.map((id) => ({ ...permissionsQueryOptions(client, catalog, id), enabled: actions })),
    [client, catalog, rootIds, actions],
  );
  const permissionQueries = useQueries({ queries: permissionOptions });
  const permissionsIn = (rootId: string) =>
    permissionQueries[rootIds.indexOf(rootId)]?.data as PermissionSet<Permission> | undefined;

  const [message, setMessage] = useState<OrgTreeContextValue['message']>(null);
  const report = useCallback(
    (text: string, tone: 'success' | 'error' = 'success') => setMessage({ text, tone }),
    [],
  );
  const switcher = useOrgSwitcher();
  const open = (org: Organization) => {
    if (onOpen) {
      onOpen(org);
      return;
    }
    switcher.switchTo(org.id).then(
      () => report(formatMessage(t.orgTree.opened, { name: org.name })),
      (error: Error) =>
        report(
          formatMessage(t.orgTree.failed, { message: error.message || t.common.unknownError }),
          'error',
        ),
    );
  };
  const [dialog, setDialog] = useState<OrgTreeDialogState | null>(null);

  const value: OrgTreeContextValue = {
    orgId: orgId ?? null,
    status: query.status,
    error: query.error,
    roots,
    truncated,
    rows,
    nodes,
    rootOf,
    search,
    setSearch,
    expanded,
    toggle,
    focusedId,
    focusRow,
    registerRow,
    activeOrgId: active.orgId,
    open,
    actions,
    permissionsIn,
    dialog,
    setDialog,
    message,
    report,
  };
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <OrgTreeContext.Provider value={value}>
      <Comp
        data-slot="orgkit-org-tree"
        data-state={query.status}
        className={cx('orgkit-org-tree', className)}
        {...props}
      />
    </OrgTreeContext.Provider>
  );
}

/** Props of {@link OrgTreeSearch}. */
export interface OrgTreeSearchProps extends ComponentPropsWithoutRef<'input'> {
  /** Class of the wrapper (label and input); `className` goes to the input. */
  readonly wrapperClassName?: string;
}

/**
 * Filters the tree by name; ancestors of every match stay shown (and expanded) so each match
 * is seen in place. Arrow Down moves into the tree.
 */
export function OrgTreeSearch({
  className,
  wrapperClassName,
  ...props
}: OrgTreeSearchProps): ReactNode {
  const t = useOrgkitLocale();
  const { search, setSearch, rows, focusRow } = useOrgTreeContext('OrgTreeSearch');
  const id = useId();
  return (
    <div data-slot="orgkit-org-tree-search" className={wrapperClassName}>
      <label htmlFor={id} data-slot="orgkit-label">
        {t.orgTree.searchLabel}
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        data-slot="orgkit-input"
        placeholder={t.orgTree.searchPlaceholder}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && rows[0]) {
            e.preventDefault();
            focusRow(rows[0].node.id);
          }
        }}
        className={className}
        {...props}
      />
    </div>
  );
}

/**
 * The tree (`role="tree"`): one tab stop; Up and Down move between rows, Right expands or
 * enters a node, Left collapses or goes to the parent, Home and End jump to the first and last
 * row, Enter opens the organization. Says so when the search matches nothing.
 */
export function OrgTreeList({ className, ...props }: ComponentPropsWithoutRef<'ul'>): ReactNode {
  const t = useOrgkitLocale();
  const { rows, search } = useOrgTreeContext('OrgTreeList');
  return (
    <>
      {rows.length === 0 && search.trim() ? (
        <OrgkitStatus state="empty">
          <OrgkitStatusDescription>
            {formatMessage(t.orgTree.noResults, { query: search.trim() })}
          </OrgkitStatusDescription>
        </OrgkitStatus>
      ) : rows.length > 0 ? (
        <ul
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA tree view pattern on a list: one tab stop, arrow keys between rows
          role="tree"
          aria-label={t.orgTree.label}
          data-slot="orgkit-org-tree-list"
          className={cx('orgkit-org-tree-list', className)}
          {...props}
        >
          {rows.map((row) => (
            <OrgTreeItem key={row.node.id} row={row} />
          ))}
        </ul>
      ) : null}
      <OrgTreeCreateDialog />
      <OrgTreeMoveDialog />
    </>
  );
}

/** Props of {@link OrgTreeItem}. */
export interface OrgTreeItemProps extends ComponentPropsWithoutRef<'li'> {
  /** The row to show (from the context's `rows`). */
  readonly row: OrgTreeRow;
  /** Replaces the row's content (the row keeps its ARIA state and keys; name it by its text). */
  readonly children?: ReactNode;
}

/**
 * One organization (`role="treeitem"`, named by what it shows: the org's name, its kind,
 * "Current" for the active org, how many orgs sit directly below), an "Open" button named
 * "Open {name}", and the actions menu.
 */
export function OrgTreeItem({ row, className, children, ...props }: OrgTreeItemProps): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useOrgTreeContext('OrgTreeItem');
  const { node } = row;
  const nameId = useId();
  const hasChildren = row.children.length > 0;
  const current = node.id === ctx.activeOrgId;
  const tabbable = ctx.focusedId === node.id;
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    // Keys pressed on the row's buttons (or in a menu opened from them) are theirs.
    if (e.target !== e.currentTarget) return;
    const { rows } = ctx;
    const index = rows.findIndex((r) => r.node.id === node.id);
    const go = (target: OrgTreeRow | undefined) => target && ctx.focusRow(target.node.id);
    switch (e.key) {
      case 'ArrowDown':
        go(rows[index + 1]);
        break;
      case 'ArrowUp':
        go(rows[index - 1]);
        break;
      case 'Home':
        go(rows[0]);
        break;
      case 'End':
        go(rows[rows.length - 1]);
        break;
      case 'ArrowRight':
        if (!hasChildren) break;
        if (row.expanded) go(rows[index + 1]);
        else ctx.toggle(node.id, true);
        break;
      case 'ArrowLeft':
        if (row.expanded && !ctx.search.trim()) ctx.toggle(node.id, false);
        else if (row.parentId) ctx.focusRow(row.parentId);
        break;
      case 'Enter':
        ctx.open(node);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  return (
    <li
      ref={(el) => ctx.registerRow(node.id, el)}
      role="treeitem"
      // The name, kind, "current" and count: everything the row shows as text (the buttons are
      // icons named on their own). Custom `children` name the row by their content.
      aria-labelledby={
        children
          ? undefined
          : [
              `${nameId}-name`,
              `${nameId}-kind`,
              current ? `${nameId}-current` : null,
              hasChildren ? `${nameId}-count` : null,
            ]
              .filter(Boolean)
              .join(' ')
      }
      aria-level={row.level}
      aria-posinset={row.posinset}
      aria-setsize={row.setsize}
      aria-expanded={hasChildren ? row.expanded : undefined}
      aria-current={current ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-slot="orgkit-org-tree-item"
      data-state={hasChildren ? (row.expanded ? 'open' : 'closed') : undefined}
      data-kind={node.kind}
      data-current={current ? '' : undefined}
      data-match={row.match ? '' : undefined}
      className={cx('orgkit-org-tree-item', className)}
      style={{ paddingInlineStart: `calc(${row.level - 1} * 1.25rem + var(--orgkit-space-2))` }}
      onKeyDown={onKeyDown}
      // Focus anywhere in the row (a click on its buttons too) moves the tab stop here.
      onFocus={() => {
        if (!tabbable) ctx.focusRow(node.id, false);
      }}
      {...props}
    >
      {children ?? (
        <>
          {/* Mouse users toggle here; keyboard users use the arrow keys on the row. */}
          <span
            aria-hidden="true"
            data-slot="orgkit-org-tree-toggle"
            data-state={hasChildren ? (row.expanded ? 'open' : 'closed') : 'leaf'}
            onClick={() => hasChildren && ctx.toggle(node.id)}
          >
            {hasChildren ? (row.expanded ? '▾' : '▸') : ''}
          </span>
          <span id={`${nameId}-name`} data-slot="orgkit-org-tree-name">
            {node.name}
          </span>{' '}
          <span id={`${nameId}-kind`} data-slot="orgkit-badge" data-kind={node.kind}>
            {t.orgSwitcher.kinds[node.kind]}
          </span>{' '}
          {current ? (
            <span id={`${nameId}-current`} data-slot="orgkit-badge" data-status="current">
              {t.orgTree.current}
            </span>
          ) : null}{' '}
          {hasChildren ? (
            <span id={`${nameId}-count`} data-slot="orgkit-hint">
              {formatMessage(t.orgTree.childCount, { count: row.children.length })}
            </span>
          ) : null}
          <span data-slot="orgkit-org-tree-actions">
            <button
              type="button"
              data-slot="orgkit-icon-button"
              data-action="open"
              tabIndex={tabbable ? 0 : -1}
              aria-label={formatMessage(t.orgTree.openLabel, { name: node.name })}
              title={formatMessage(t.orgTree.openLabel, { name: node.name })}
              onClick={() => ctx.open(node)}
            >
              <span aria-hidden="true">→</span>
            </button>
            <OrgTreeItemActions node={node} tabbable={tabbable} />
          </span>
        </>
      )}
    </li>
  );
}

/** Props of {@link OrgTreeItemActions}. */
export interface OrgTreeItemActionsProps {
  readonly node: OrganizationTreeNode;
  /** Whether the menu button is in the tab order (the row has the tree's tab stop). */
  readonly tabbable?: boolean;
}

/**
 * A node's actions menu: "Create client organization" (`managed_orgs:create` there) and
 * "Move to…" (`managed_orgs:move` there, `managed_orgs:create` in the new parent). Shown when
 * the viewer holds either permission in the node's root organization; an action they may not
 * take on this node is disabled with the reason.
 */
export function OrgTreeItemActions({ node, tabbable = true }: OrgTreeItemActionsProps): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useOrgTreeContext('OrgTreeItemActions');
  const rootId = ctx.rootOf.get(node.id);
  const set = rootId ? ctx.permissionsIn(rootId) : undefined;
  if (!ctx.actions || !set) return null;
  if (!set.has('managed_orgs:create' as Permission) && !set.has('managed_orgs:move' as Permission))
    return null;
  const label = formatMessage(t.orgTree.actions, { name: node.name });
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        data-slot="orgkit-icon-button"
        aria-label={label}
        tabIndex={tabbable ? 0 : -1}
      >
        <span aria-hidden="true">⋯</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content data-slot="orgkit-menu" align="end" sideOffset={4} aria-label={label}>
          <OrgTreeMenuItems node={node} />
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** Mounted only while the menu is open: the per-node checks run then. */
function OrgTreeMenuItems({ node }: { node: OrganizationTreeNode }): ReactNode {
  const t = useOrgkitLocale();
  const ctx = useOrgTreeContext('OrgTreeItemActions');
  const create = useCan('managed_orgs:create' as Permission, { orgId: node.id });
  const move = useCan('managed_orgs:move' as Permission, { orgId: node.id });
  const hasTarget = moveTargets(ctx.nodes, node).length > 0;
  const reason = (allowed: boolean, status: string, permission: string) =>
    allowed || status === 'pending'
      ? null
      : formatMessage(t.orgTree.reasons.permission, { permission });
  const items = [
    {
      id: 'create' as const,
      label: t.orgTree.createChild,
      allowed: create.allowed,
      reason: reason(create.allowed, create.status, 'managed_orgs:create'),
    },
    {
      id: 'move' as const,
      label: t.orgTree.move,
      allowed: move.allowed && hasTarget,
      reason:
        move.allowed && !hasTarget
          ? t.orgTree.reasons.noTarget
          : reason(move.allowed, move.status, 'managed_orgs:move'),
    },
  ];
  return items.map((item) => (
    <DropdownMenu.Item
      key={item.id}
      data-slot="orgkit-menu-item"
      disabled={!item.allowed}
      onSelect={() => ctx.setDialog({ kind: item.id, node })}
    >
      <span>{item.label}</span>
      {item.reason ? <span data-slot="orgkit-menu-reason">{item.reason}</span> : null}
    </DropdownMenu.Item>
  ));
}
