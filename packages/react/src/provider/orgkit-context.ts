import type { Catalog } from '@orgkit/core';
import type { OrgkitClient } from '@orgkit/sdk';
import { createContext, useContext } from 'react';
import type { DeepPartial } from '../lib/types.js';
import type { OrgkitLocale } from '../locale/types.js';
import type { OrgkitStorage } from './storage.js';

/** The organization a user chose last on this device. */
export interface RememberedOrg {
  readonly userId: string;
  readonly orgId: string;
}

/** What {@link OrgkitProvider} shares with hooks and components. */
export interface OrgkitContextValue {
  readonly client: OrgkitClient;
  /** The catalog compiled permission sets index into (decodes `GET /v1/me/permissions`). */
  readonly catalog: Catalog<string>;
  /** Locale overrides; components merge them over English. */
  readonly locale: DeepPartial<OrgkitLocale> | undefined;
  /** Storage for remembered choices; undefined on the server and before mount. */
  readonly storage: OrgkitStorage | undefined;
  /** The host-controlled active organization (`undefined` when uncontrolled). */
  readonly orgId: string | null | undefined;
  /** The organization chosen in this provider (`undefined` until someone chooses). */
  readonly selectedOrgId: string | null | undefined;
  /** The choice remembered in storage, read after mount. */
  readonly rememberedOrg: RememberedOrg | undefined;
  /** Records a choice of active organization (and remembers it for `userId`). */
  selectOrg(orgId: string | null, userId: string | undefined): void;
}

/** @internal */
export const OrgkitContext = createContext<OrgkitContextValue | null>(null);
OrgkitContext.displayName = 'OrgkitContext';

/**
 * The provider's context. Throws when called outside {@link OrgkitProvider}, naming the caller so
 * the mistake is obvious.
 */
export function useOrgkitContext(caller = 'useOrgkit'): OrgkitContextValue {
  const value = useContext(OrgkitContext);
  if (!value) throw new Error(`${caller} must be used within OrgkitProvider`);
  return value;
}
