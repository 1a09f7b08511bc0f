import type { Catalog } from '@orgkit/core';
import { orgkitCatalog } from '@orgkit/core/presets';
import { createOrgkitClient, type OrgkitClient } from '@orgkit/sdk';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { DeepPartial } from '../lib/types.js';
import type { OrgkitLocale } from '../locale/types.js';
import { OrgkitContext, type OrgkitContextValue, type RememberedOrg } from './orgkit-context.js';
import { browserStorage, type OrgkitStorage, readStored, writeStored } from './storage.js';

/** Storage key of the remembered active organization. */
export const ACTIVE_ORG_STORAGE_KEY = 'orgkit:active-org';

type ClientOrBaseUrl =
  | {
      /** A client made with `createOrgkitClient` (custom fetch, API key, token getter). */
      readonly client: OrgkitClient;
      readonly baseUrl?: never;
    }
  | {
      /** Where the Orgkit server is mounted; a cookie-session client is created for it. */
      readonly baseUrl: string;
      readonly client?: never;
    };

/** Props of {@link OrgkitProvider}. */
export type OrgkitProviderProps = ClientOrBaseUrl & {
  /**
   * The host's QueryClient. Defaults to the one of a surrounding `QueryClientProvider`, else one
   * created for this provider.
   */
  readonly queryClient?: QueryClient;
  /** The permission catalog the server compiles sets against. Default: Orgkit's own. */
  readonly catalog?: Catalog<string>;
  /** Overrides of any visible string (deep-partial; `fr` or your own). */
  readonly locale?: DeepPartial<OrgkitLocale>;
  /** The active organization, controlled by the host (e.g. from the URL). */
  readonly orgId?: string | null;
  /** The initial active organization when uncontrolled. */
  readonly defaultOrgId?: string | null;
  /** Called when the user switches organization. */
  readonly onOrgChange?: (orgId: string | null) => void;
  /** Where to remember the chosen organization; `null` to remember nothing. Default localStorage. */
  readonly storage?: OrgkitStorage | null;
  readonly children?: ReactNode;
};

function isRemembered(value: unknown): value is RememberedOrg {
  const v = value as RememberedOrg | null;
  return typeof v?.userId === 'string' && typeof v.orgId === 'string';
}

function defaultQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Permission and membership data change rarely; refetching on every focus is wasteful.
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && isTransient(error) },
    },
  });
}

function isTransient(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status !== 'number' || status === 0 || status >= 500;
}

/**
 * Connects Orgkit hooks and components to an Orgkit server. Renders on the server without
 * touching `window`: storage is only read after mount.
 *
 * @example
 * <OrgkitProvider baseUrl="https://api.example.com">
 *   <App />
 * </OrgkitProvider>
 */
export function OrgkitProvider(props: OrgkitProviderProps): ReactNode {
  const { client: givenClient, baseUrl, catalog = orgkitCatalog, locale, children } = props;
  const outerQueryClient = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() =>
    props.queryClient || outerQueryClient ? undefined : defaultQueryClient(),
  );
  const queryClient = props.queryClient ?? outerQueryClient ?? ownQueryClient!;
  const client = useMemo(
    () => givenClient ?? createOrgkitClient({ baseUrl: baseUrl ?? '' }),
    [givenClient, baseUrl],
  );

  const [storage, setStorage] = useState<OrgkitStorage | undefined>(undefined);
  const [rememberedOrg, setRememberedOrg] = useState<RememberedOrg | undefined>(undefined);
  const [selectedOrgId, setSelectedOrgId] = useState<string | null | undefined>(props.defaultOrgId);
  const storageProp = props.storage;
  useEffect(() => {
    const resolved = storageProp === null ? undefined : (storageProp ?? browserStorage());
    setStorage(resolved);
    setRememberedOrg(readStored(resolved, ACTIVE_ORG_STORAGE_KEY, isRemembered));
  }, [storageProp]);

  const onOrgChange = props.onOrgChange;
  const selectOrg = useCallback(
    (orgId: string | null, userId: string | undefined) => {
      setSelectedOrgId(orgId);
      if (userId && orgId) {
        const remembered = { userId, orgId };
        setRememberedOrg(remembered);
        writeStored(storage, ACTIVE_ORG_STORAGE_KEY, remembered);
      }
      onOrgChange?.(orgId);
    },
    [storage, onOrgChange],
  );

  const value = useMemo<OrgkitContextValue>(
    () => ({
      client,
      catalog,
      locale,
      storage,
      orgId: props.orgId,
      selectedOrgId,
      rememberedOrg,
      selectOrg,
    }),
    [client, catalog, locale, storage, props.orgId, selectedOrgId, rememberedOrg, selectOrg],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <OrgkitContext.Provider value={value}>{children}</OrgkitContext.Provider>
    </QueryClientProvider>
  );
}
