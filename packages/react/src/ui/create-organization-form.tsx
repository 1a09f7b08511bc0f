import { Dialog } from 'radix-ui';
import { type ReactNode, useId, useState } from 'react';
import { useCreateOrganization } from '../hooks/use-organization-mutations.js';
import type { Organization } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';

/** Strings of {@link CreateOrganizationForm}, from the calling component's locale section. */
export interface CreateOrganizationFormText {
  readonly name: string;
  readonly create: string;
  readonly creating: string;
  readonly cancel: string;
  /** `{message}` is the server's reason. */
  readonly failed: string;
}

/**
 * The name field and buttons of a create-organization dialog (inside a Radix `Dialog`): creates
 * the org (under `parentId` when given), shows the server's refusal on the field, and calls
 * `onCreated` with the new organization.
 */
export function CreateOrganizationForm({
  parentId,
  text,
  onCreated,
}: {
  readonly parentId?: string;
  readonly text: CreateOrganizationFormText;
  readonly onCreated: (org: Organization) => void;
}): ReactNode {
  const t = useOrgkitLocale();
  const create = useCreateOrganization();
  const [name, setName] = useState('');
  const id = useId();
  const fieldError = create.error?.fieldMessages().name;
  return (
    <form
      data-slot="orgkit-form"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = name.trim();
        if (!trimmed) return;
        create.mutate(
          { name: trimmed, ...(parentId ? { parentId } : {}) },
          { onSuccess: onCreated },
        );
      }}
    >
      <label htmlFor={id} data-slot="orgkit-label">
        {text.name}
      </label>
      <input
        id={id}
        data-slot="orgkit-input"
        required
        maxLength={100}
        autoComplete="off"
        value={name}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={create.error ? `${id}-error` : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      {create.error ? (
        <p id={`${id}-error`} role="alert" data-slot="orgkit-error">
          {formatMessage(text.failed, { message: create.error.message || t.common.unknownError })}
        </p>
      ) : null}
      <div data-slot="orgkit-dialog-footer">
        <Dialog.Close data-slot="orgkit-button" type="button">
          {text.cancel}
        </Dialog.Close>
        <button
          type="submit"
          data-slot="orgkit-button"
          data-variant="primary"
          disabled={!name.trim() || create.isPending}
          aria-busy={create.isPending || undefined}
        >
          {create.isPending ? text.creating : text.create}
        </button>
      </div>
    </form>
  );
}
