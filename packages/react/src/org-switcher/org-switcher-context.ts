import { createContext, useContext } from 'react';
import type { OrgSwitcherState } from '../hooks/use-org-switcher.js';

/** @internal the switcher state shared by the parts */
export const OrgSwitcherContext = createContext<OrgSwitcherState | null>(null);

/** The switcher state of the nearest `OrgSwitcherRoot`. */
export function useOrgSwitcherContext(part: string): OrgSwitcherState {
  const value = useContext(OrgSwitcherContext);
  if (!value) throw new Error(`${part} must be used within OrgSwitcherRoot`);
  return value;
}
