import { Dialog } from 'radix-ui';
import { type ReactNode, useEffect, useId, useState } from 'react';
import type { RoleInput } from '../hooks/use-role-mutations.js';
import type { Role } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { roleKeyFrom } from './role-matrix-model.js';

/** Props of {@link RoleMatrixCreateDialog}. */
export interface RoleMatrixCreateDialogProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  /** Duplicate this role: its permissions, module and base, under a new name. */
  readonly source?: Role;
  readonly onCreate: (input: RoleInput & { key: string }) => void;
  readonly pending?: boolean;
}

/** Names a new custom role (empty, or a copy of another); the key follows the name until edited. */
export function RoleMatrixCreateDialog(props: RoleMatrixCreateDialogProps): ReactNode {
  const t = useOrgkitLocale();
  const id = useId();
  const { source, open } = props;
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  useEffect(() => {
    if (!open) return;
    const initial = source ? formatMessage(t.roleMatrix.copyOf, { role: source.name }) : '';
    setName(initial);
    setKey(initial ? roleKeyFrom(initial) : '');
    setKeyEdited(false);
  }, [open, source, t.roleMatrix.copyOf]);
  return (
    <Dialog.Root open={open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay data-slot="orgkit-overlay" />
        <Dialog.Content data-slot="orgkit-dialog" aria-describedby={undefined}>
          <Dialog.Title data-slot="orgkit-dialog-title">
            {source ? t.roleMatrix.duplicate : t.roleMatrix.createRole}
          </Dialog.Title>
          <form
            data-slot="orgkit-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim() || !key) return;
              props.onCreate({
                key,
                name: name.trim(),
                ...(source
                  ? {
                      description: source.description,
                      module: source.module,
                      assignable: source.assignable,
                      extends: source.extends,
                      self: source.self,
                      descendants: source.descendants,
                      remove: source.remove,
                    }
                  : { self: [] }),
              });
            }}
          >
            <label htmlFor={`${id}-name`} data-slot="orgkit-label">
              {t.roleMatrix.roleName}
            </label>
            <input
              id={`${id}-name`}
              data-slot="orgkit-input"
              required
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                if (!keyEdited) setKey(roleKeyFrom(e.target.value));
              }}
            />
            <label htmlFor={`${id}-key`} data-slot="orgkit-label">
              {t.roleMatrix.roleKey}
            </label>
            <input
              id={`${id}-key`}
              data-slot="orgkit-input"
              required
              pattern="[a-z][a-z0-9_:.\-]{0,63}"
              value={key}
              onChange={(e) => {
                setKey(e.target.value);
                setKeyEdited(true);
              }}
            />
            <div data-slot="orgkit-dialog-footer">
              <Dialog.Close data-slot="orgkit-button" type="button">
                {t.roleMatrix.cancel}
              </Dialog.Close>
              <button
                type="submit"
                data-slot="orgkit-button"
                data-variant="primary"
                disabled={props.pending || !name.trim() || !key}
              >
                {t.roleMatrix.create}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
