// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

type ReactKit = typeof import('../index.js');

// The kit is imported inside the test, after `localStorage` is trapped, and passed in.
function Page({ kit }: { kit: ReactKit }) {
  const can = kit.useCan('invitations:create');
  const switcher = kit.useOrgSwitcher();
  const members = kit.useMembers();
  return (
    <main>
      <p>
        can:{String(can.allowed)}:{can.status}
      </p>
      <p>
        switcher:{switcher.status}:{switcher.organizations.length}
      </p>
      <p>members:{members.members.length}</p>
      <kit.Can permission="invitations:create" fallback={<span>hidden</span>}>
        <span>shown</span>
      </kit.Can>
    </main>
  );
}

describe('server rendering', () => {
  it('imports and renders without window, document or localStorage', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const storageGetter = vi.fn();
    Object.defineProperty(globalThis, 'localStorage', { get: storageGetter, configurable: true });
    try {
      const kit = await import('../index.js');
      const fetch = vi.fn(async () => new Response('{}'));
      const { createOrgkitClient } = await import('@orgkit/sdk');
      const client = createOrgkitClient({ baseUrl: 'http://orgkit.test', fetch });
      const html = renderToString(
        <kit.OrgkitProvider client={client} queryClient={new QueryClient()}>
          <Page kit={kit} />
        </kit.OrgkitProvider>,
      );
      const text = html.replaceAll('<!-- -->', '');
      expect(text).toContain('can:false:pending');
      expect(text).toContain('switcher:pending:0');
      expect(text).toContain('hidden');
      expect(text).not.toContain('shown');
      // Storage is read after mount only, and queries never run during a server render.
      expect(storageGetter).not.toHaveBeenCalled();
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});
