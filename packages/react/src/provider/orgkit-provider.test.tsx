import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSession } from '../hooks/use-session.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { TEST_BASE_URL, useMockServer } from '../test-support/mock-server.js';
import { memoryStorage } from '../test-support/wrapper.js';
import { OrgkitProvider } from './orgkit-provider.js';
import { useOrgkitClient } from './use-orgkit.js';

const seen: QueryClient[] = [];
function Probe() {
  seen.push(useQueryClient());
  return null;
}

function Label() {
  const locale = useOrgkitLocale();
  return (
    <p>
      {locale.orgSwitcher.label} / {locale.common.retry}
    </p>
  );
}

describe('OrgkitProvider', () => {
  const msw = useMockServer();

  it('makes hooks throw a named error outside the provider', () => {
    expect(() => renderHook(() => useOrgkitClient())).toThrow(
      'useOrgkitClient must be used within OrgkitProvider',
    );
    expect(() => renderHook(() => useOrgkitLocale())).toThrow(
      'useOrgkitLocale must be used within OrgkitProvider',
    );
  });

  it('uses the QueryClient it is given', async () => {
    msw.mock();
    const queryClient = new QueryClient();
    const { result } = renderHook(() => ({ qc: useQueryClient(), session: useSession() }), {
      wrapper: ({ children }) => (
        <OrgkitProvider baseUrl={TEST_BASE_URL} queryClient={queryClient} storage={null}>
          {children}
        </OrgkitProvider>
      ),
    });
    expect(result.current.qc).toBe(queryClient);
    await waitFor(() => expect(result.current.session.user?.id).toBe('usr_olivia'));
    expect(queryClient.getQueryData(['orgkit', 'session'])).toMatchObject({
      user: { email: 'olivia@acme.test' },
    });
  });

  it("joins a surrounding QueryClientProvider's client, or creates its own", () => {
    const outer = new QueryClient();
    seen.length = 0;
    render(
      <QueryClientProvider client={outer}>
        <OrgkitProvider baseUrl={TEST_BASE_URL} storage={null}>
          <Probe />
        </OrgkitProvider>
      </QueryClientProvider>,
    );
    render(
      <OrgkitProvider baseUrl={TEST_BASE_URL} storage={null}>
        <Probe />
      </OrgkitProvider>,
    );
    expect(seen[0]).toBe(outer);
    expect(seen.at(-1)).toBeInstanceOf(QueryClient);
    expect(seen.at(-1)).not.toBe(outer);
  });

  it('merges locale overrides over English', () => {
    render(
      <OrgkitProvider
        baseUrl={TEST_BASE_URL}
        storage={memoryStorage()}
        locale={{ orgSwitcher: { label: 'Workspace' } }}
      >
        <Label />
      </OrgkitProvider>,
    );
    expect(screen.getByText('Workspace / Try again')).toBeInTheDocument();
  });
});
