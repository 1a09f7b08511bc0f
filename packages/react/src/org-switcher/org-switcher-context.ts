import { createContext, useContext } from 'react';
import type { OrgSwitcherState } from '../hooks/use-org-switcher.js';
import type { OrgSwitcherEntry } from './org-switcher-entries.js';

/** What the parts of an `OrgSwitcherRoot` share. */
export interface OrgSwitcherContextValue extends OrgSwitcherState {
  /** The caller's organizations, each followed by those it manages (depth first). */
  readonly entries: readonly OrgSwitcherEntry[];
  /** The entries matching {@link OrgSwitcherContextValue.query}. */
  readonly visibleEntries: readonly OrgSwitcherEntry[];
  /** The active organization's entry (a membership or a managed org). */
  readonly activeEntry: OrgSwitcherEntry | undefined;
  readonly query: string;
  setQuery(query: string): void;
  /** Whether the caller may create a top-level organization (the server's policy). */
  readonly canCreate: boolean;
  /** Opens the create-organization dialog (or calls the root's `onCreateOrganization`). */
  startCreate(): void;
}

/** @internal the switcher state shared by the parts */
export const OrgSwitcherContext = createContext<OrgSwitcherContextValue | null>(null);

/** The switcher state of the nearest `OrgSwitcherRoot`. */
export function useOrgSwitcherContext(part: string): OrgSwitcherContextValue {
  const value = useContext(OrgSwitcherContext);
  if (!value) throw new Error(`${part} must be used within OrgSwitcherRoot`);
  return value;
}
