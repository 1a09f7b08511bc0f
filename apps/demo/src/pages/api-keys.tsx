import { ApiKeys } from '@orgkit/react';
import type { ReactNode } from 'react';

/** The signed-in user's API keys for scripts against the workspace (secret shown once). */
export function ApiKeysPage(): ReactNode {
  return (
    <section aria-labelledby="api-keys-title" className="demo-page">
      <h1 id="api-keys-title">API keys</h1>
      <ApiKeys />
    </section>
  );
}
