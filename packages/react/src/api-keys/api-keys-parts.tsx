import { Slot } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  createContext,
  type ReactNode,
  useContext,
  useId,
  useState,
} from 'react';
import { useActiveOrgId } from '../hooks/use-active-org-id.js';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../hooks/use-api-keys.js';
import { useCan } from '../hooks/use-can.js';
import { cx } from '../lib/cx.js';
import type { ApiKey } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';

/** The state every ApiKeys part reads. */
export interface ApiKeysContextValue {
  readonly query: ReturnType<typeof useApiKeys>;
  readonly orgId: string | null;
  readonly canCreate: boolean;
  /** The secret of the key just created: shown once, kept only in this state. */
  readonly secret: string | null;
  dismissSecret(): void;
  create(name: string, restrictToOrg: boolean): void;
  readonly creating: boolean;
  revoke(key: ApiKey): void;
  readonly error: string | null;
}

const ApiKeysContext = createContext<ApiKeysContextValue | null>(null);

/** The state of the nearest `ApiKeysRoot`. */
export function useApiKeysContext(part: string): ApiKeysContextValue {
  const value = useContext(ApiKeysContext);
  if (!value) throw new Error(`${part} must be used within ApiKeysRoot`);
  return value;
}

/** Props of {@link ApiKeysRoot}. */
export interface ApiKeysRootProps extends ComponentPropsWithoutRef<'div'> {
  readonly asChild?: boolean;
}

/** The signed-in user's API keys: list, create, revoke. */
export function ApiKeysRoot({ asChild, className, ...props }: ApiKeysRootProps): ReactNode {
  const t = useOrgkitLocale();
  const query = useApiKeys();
  const { orgId } = useActiveOrgId();
  const canCreate = useCan('api_keys:create', { orgId }).allowed;
  const createKey = useCreateApiKey();
  const revokeKey = useRevokeApiKey();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: Error) =>
    setError(formatMessage(t.apiKeys.failed, { message: e.message || t.common.unknownError }));
  const value: ApiKeysContextValue = {
    query,
    orgId,
    canCreate,
    secret,
    dismissSecret: () => setSecret(null),
    creating: createKey.isPending,
    error,
    create(name, restrictToOrg) {
      setError(null);
      createKey.mutate(
        { name, ...(restrictToOrg && orgId ? { orgId } : {}) },
        { onSuccess: (created) => setSecret(created.secret), onError: fail },
      );
    },
    revoke: (key) => revokeKey.mutate({ keyId: key.id }, { onError: fail }),
  };
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <ApiKeysContext.Provider value={value}>
      <Comp
        data-slot="orgkit-api-keys"
        data-state={query.status}
        className={cx('orgkit-api-keys', className)}
        {...props}
      />
    </ApiKeysContext.Provider>
  );
}

/** Names and creates a key; hidden (with the reason) without `api_keys:create`. */
export function ApiKeysCreate({
  className,
  ...props
}: ComponentPropsWithoutRef<'form'>): ReactNode {
  const t = useOrgkitLocale();
  const { canCreate, create, creating, orgId, error } = useApiKeysContext('ApiKeysCreate');
  const id = useId();
  const [name, setName] = useState('');
  const [restrict, setRestrict] = useState(true);
  if (!canCreate) return <p data-slot="orgkit-hint">{t.apiKeys.createForbidden}</p>;
  return (
    <form
      data-slot="orgkit-api-keys-create"
      aria-labelledby={`${id}-title`}
      className={cx('orgkit-api-keys-create', className)}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        create(name.trim(), restrict);
        setName('');
      }}
      {...props}
    >
      <h3 id={`${id}-title`} data-slot="orgkit-heading">
        {t.apiKeys.createTitle}
      </h3>
      <label htmlFor={`${id}-name`} data-slot="orgkit-label">
        {t.apiKeys.name}
      </label>
      <input
        id={`${id}-name`}
        data-slot="orgkit-input"
        required
        maxLength={100}
        placeholder={t.apiKeys.namePlaceholder}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      {orgId ? (
        <label data-slot="orgkit-api-keys-restrict">
          <input
            type="checkbox"
            data-slot="orgkit-checkbox"
            checked={restrict}
            onChange={(e) => setRestrict(e.target.checked)}
          />
          {t.apiKeys.restrictToOrg}
        </label>
      ) : null}
      <button
        type="submit"
        data-slot="orgkit-button"
        data-variant="primary"
        disabled={creating || !name.trim()}
      >
        {creating ? t.apiKeys.creating : t.apiKeys.create}
      </button>
      {error ? (
        <p role="alert" data-slot="orgkit-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** The new key's secret, shown once with a copy button, until dismissed. */
export function ApiKeysSecret({
  className,
  ...props
}: ComponentPropsWithoutRef<'section'>): ReactNode {
  const t = useOrgkitLocale();
  const { secret, dismissSecret } = useApiKeysContext('ApiKeysSecret');
  const id = useId();
  const [copied, setCopied] = useState(false);
  if (!secret) return null;
  return (
    <section
      role="alert"
      aria-labelledby={`${id}-title`}
      data-slot="orgkit-api-keys-secret"
      className={cx('orgkit-api-keys-secret', className)}
      {...props}
    >
      <h3 id={`${id}-title`} data-slot="orgkit-heading">
        {t.apiKeys.secretTitle}
      </h3>
      <p data-slot="orgkit-hint">{t.apiKeys.secretHint}</p>
      <code data-slot="orgkit-api-keys-secret-value">{secret}</code>
      <div data-slot="orgkit-dialog-footer">
        <button
          type="button"
          data-slot="orgkit-button"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? t.apiKeys.copied : t.apiKeys.copy}
        </button>
        <button
          type="button"
          data-slot="orgkit-button"
          data-variant="primary"
          onClick={() => {
            setCopied(false);
            dismissSecret();
          }}
        >
          {t.apiKeys.dismiss}
        </button>
      </div>
    </section>
  );
}

const dates = new Map<string, Intl.DateTimeFormat>();
function formatDate(code: string, iso: string | null, never: string): string {
  if (!iso) return never;
  let f = dates.get(code);
  if (!f) {
    f = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeZone: 'UTC' });
    dates.set(code, f);
  }
  return f.format(new Date(iso));
}

/** The keys as a table: name, prefix, status, dates; revoke (confirmed) for active keys. */
export function ApiKeysTable({
  className,
  ...props
}: ComponentPropsWithoutRef<'table'>): ReactNode {
  const t = useOrgkitLocale();
  const { query, revoke } = useApiKeysContext('ApiKeysTable');
  const [confirming, setConfirming] = useState<ApiKey | null>(null);
  const c = t.apiKeys.columns;
  return (
    <>
      <table
        data-slot="orgkit-api-keys-table"
        aria-label={t.apiKeys.label}
        className={className}
        {...props}
      >
        <thead>
          <tr>
            <th scope="col">{c.name}</th>
            <th scope="col">{c.key}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.created}</th>
            <th scope="col">{c.lastUsed}</th>
            <th scope="col">{c.expires}</th>
            <th scope="col">
              <span data-slot="orgkit-sr-only">{c.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(query.data ?? []).map((key) => (
            <tr key={key.id} data-state={key.status}>
              <td>{key.name}</td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>
                <span
                  data-slot="orgkit-badge"
                  data-status={key.status === 'active' ? 'active' : 'disabled'}
                >
                  {t.apiKeys.status[key.status]}
                </span>
              </td>
              <td>{formatDate(t.code, key.createdAt, t.apiKeys.never)}</td>
              <td>{formatDate(t.code, key.lastUsedAt, t.apiKeys.never)}</td>
              <td>{formatDate(t.code, key.expiresAt, t.apiKeys.never)}</td>
              <td>
                {key.status === 'active' ? (
                  <button
                    type="button"
                    data-slot="orgkit-button"
                    data-variant="danger"
                    aria-label={formatMessage(t.apiKeys.revoke, { name: key.name })}
                    onClick={() => setConfirming(key)}
                  >
                    {t.apiKeys.revokeAction}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        title={formatMessage(t.apiKeys.confirmRevokeTitle, { name: confirming?.name ?? '' })}
        description={t.apiKeys.confirmRevoke}
        action={t.apiKeys.revokeAction}
        onConfirm={() => confirming && revoke(confirming)}
      />
    </>
  );
}
