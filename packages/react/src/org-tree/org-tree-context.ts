import type { PermissionSet } from '@orgkit/core';
import type { OrgkitError } from '@orgkit/sdk';
import { createContext, useContext } from 'react';
import type { Permission } from '../lib/register.js';
import type { Organization, OrganizationTreeNode } from '../lib/types.js';
import type { OrgTreeRow } from './org-tree-model.js';

/** A dialog the tree has open: creating an organization under `node`, or moving `node`. */
export interface OrgTreeDialogState {
  readonly kind: 'create' | 'move';
  readonly node: OrganizationTreeNode;
}

/** The state every OrgTree part reads. */
export interface OrgTreeContextValue {
  /** The org whose subtree is shown, or null for the caller's whole forest (partner view). */
  readonly orgId: string | null;
  readonly status: 'pending' | 'error' | 'success';
  readonly error: OrgkitError | null;
  /** The trees as loaded (unfiltered). */
  readonly roots: readonly OrganizationTreeNode[];
  /** True when the server cut the tree short (too many orgs for one answer). */
  readonly truncated: boolean;
  /** The rows shown, in order, after the search and the expanded state. */
  readonly rows: readonly OrgTreeRow[];
  /** Every loaded node by id. */
  readonly nodes: ReadonlyMap<string, OrganizationTreeNode>;
  /** The root each node belongs to. */
  readonly rootOf: ReadonlyMap<string, string>;
  /** The search text (`search`/`defaultSearch`/`onSearchChange` on the Root). */
  readonly search: string;
  setSearch(search: string): void;
  /** Expanded node ids. */
  readonly expanded: ReadonlySet<string>;
  /** Expands or collapses a node (toggles without `open`). */
  toggle(id: string, open?: boolean): void;
  /** The row holding the tree's single tab stop. */
  readonly focusedId: string | null;
  /** Moves the tab stop to a row and focuses it (unless `move` is false). */
  focusRow(id: string, move?: boolean): void;
  /** Called by each row with its element (roving focus). */
  registerRow(id: string, element: HTMLElement | null): void;
  /** The active organization. */
  readonly activeOrgId: string | null;
  /** Opens an organization: the Root's `onOpen`, else it becomes the active organization. */
  open(org: Organization): void;
  /** Show the per-node actions menu (create, move)? */
  readonly actions: boolean;
  /** The caller's permission set in a root org (undefined while loading). */
  permissionsIn(rootId: string): PermissionSet<Permission> | undefined;
  readonly dialog: OrgTreeDialogState | null;
  setDialog(dialog: OrgTreeDialogState | null): void;
  /** The last outcome, announced politely. */
  readonly message: { readonly text: string; readonly tone: 'success' | 'error' } | null;
  report(text: string, tone?: 'success' | 'error'): void;
}

/** @internal */
export const OrgTreeContext = createContext<OrgTreeContextValue | null>(null);

/** The state of the nearest `OrgTreeRoot`. */
export function useOrgTreeContext(part: string): OrgTreeContextValue {
  const value = useContext(OrgTreeContext);
  if (!value) throw new Error(`${part} must be used within OrgTreeRoot`);
  return value;
}
