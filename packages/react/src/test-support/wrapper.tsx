import type { Catalog } from '@orgkit/core';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { DeepPartial } from '../lib/types.js';
import type { OrgkitLocale } from '../locale/types.js';
import { OrgkitProvider } from '../provider/orgkit-provider.js';
import type { OrgkitStorage } from '../provider/storage.js';
import { TEST_BASE_URL } from './mock-server.js';

/** An in-memory {@link OrgkitStorage}. */
export function memoryStorage(initial: Record<string, string> = {}): OrgkitStorage & {
  readonly data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** A test QueryClient: no retries, so errors surface at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
}

/** Options of {@link orgkitWrapper}. */
export interface WrapperOptions {
  readonly queryClient?: QueryClient;
  readonly storage?: OrgkitStorage | null;
  readonly orgId?: string | null;
  readonly locale?: DeepPartial<OrgkitLocale>;
  readonly catalog?: Catalog<string>;
}

function TestProvider(props: WrapperOptions & { children?: ReactNode; queryClient: QueryClient }) {
  return (
    <OrgkitProvider
      baseUrl={TEST_BASE_URL}
      queryClient={props.queryClient}
      storage={props.storage ?? null}
      {...(props.orgId !== undefined ? { orgId: props.orgId } : {})}
      {...(props.locale ? { locale: props.locale } : {})}
      {...(props.catalog ? { catalog: props.catalog } : {})}
    >
      {props.children}
    </OrgkitProvider>
  );
}

/** A wrapper for `renderHook`/`render` with an OrgkitProvider on the mock origin. */
export function orgkitWrapper(options: WrapperOptions = {}) {
  const queryClient = options.queryClient ?? testQueryClient();
  const storage = options.storage === undefined ? memoryStorage() : options.storage;
  const wrapper = ({ children }: { children?: ReactNode }) => (
    <TestProvider {...options} queryClient={queryClient} storage={storage}>
      {children}
    </TestProvider>
  );
  return { wrapper, queryClient, storage };
}
