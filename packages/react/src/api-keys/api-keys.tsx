import type { ReactNode } from 'react';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import {
  ApiKeysCreate,
  ApiKeysRoot,
  ApiKeysSecret,
  ApiKeysTable,
  useApiKeysContext,
} from './api-keys-parts.js';

/** Props of {@link ApiKeys}. */
export interface ApiKeysProps {
  readonly className?: string;
}

/**
 * The drop-in API keys panel: create a key (its secret is shown once),
 * list keys with prefix, status and last use, revoke with confirmation. Compose `ApiKeysRoot`,
 * `ApiKeysCreate`, `ApiKeysSecret` and `ApiKeysTable` for another layout.
 */
export function ApiKeys({ className }: ApiKeysProps): ReactNode {
  return (
    <ApiKeysRoot {...(className ? { className } : {})}>
      <ApiKeysSecret />
      <ApiKeysCreate />
      <ApiKeysBody />
    </ApiKeysRoot>
  );
}

function ApiKeysBody(): ReactNode {
  const t = useOrgkitLocale();
  const { query } = useApiKeysContext('ApiKeys');
  if (query.error) {
    return (
      <OrgkitStatus state={query.error.status === 401 ? 'forbidden' : 'error'}>
        <OrgkitStatusTitle>
          {query.error.status === 401 ? t.common.forbiddenTitle : t.common.errorTitle}
        </OrgkitStatusTitle>
        <OrgkitStatusDescription>
          {query.error.status === 401 ? t.common.signedOut : t.apiKeys.loadError}
        </OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if (query.isPending) {
    return (
      <OrgkitStatus state="loading">
        <OrgkitStatusDescription>{t.common.loading}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if ((query.data ?? []).length === 0) {
    return (
      <OrgkitStatus state="empty">
        <OrgkitStatusDescription>{t.apiKeys.empty}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return <ApiKeysTable />;
}
