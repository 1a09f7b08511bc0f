import type { OrgkitError } from '@orgkit/sdk';
import { Dialog } from 'radix-ui';
import { type ComponentPropsWithoutRef, type ReactNode, useId, useRef, useState } from 'react';
import { useMoveOrganization } from '../hooks/use-organization-mutations.js';
import { cx } from '../lib/cx.js';
import type { OrganizationTreeNode } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { CreateOrganizationForm } from '../ui/create-organization-form.js';
import { type OrgTreeContextValue, useOrgTreeContext } from './org-tree-context.js';
import { moveTargets } from './org-tree-model.js';

/** Props of {@link OrgTreeCreateDialog} and {@link OrgTreeMoveDialog}. */
export type OrgTreeDialogProps = Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, 'children'>;

/**
 * The shell of the tree's dialogs: open while the tree's `dialog` is of this kind; on close,
 * focus goes back to the node's row.
 */
function OrgTreeDialog({
  kind,
  className,
  render,
  ...props
}: OrgTreeDialogProps & {
  kind: 'create' | 'move';
  render: (node: OrganizationTreeNode, ctx: OrgTreeContextValue) => ReactNode;
}): ReactNode {
  const ctx = useOrgTreeContext(kind === 'create' ? 'OrgTreeCreateDialog' : 'OrgTreeMoveDialog');
  const node = ctx.dialog?.kind === kind ? ctx.dialog.node : null;
  const last = useRef<OrganizationTreeNode | null>(null);
  if (node) last.current = node;
  return (
    <Dialog.Root open={node !== null} onOpenChange={(open) => !open && ctx.setDialog(null)}>
      <Dialog.Portal>
        <Dialog.Overlay data-slot="orgkit-overlay" />
        <Dialog.Content
          data-slot="orgkit-dialog"
          className={cx(`orgkit-org-tree-${kind}-dialog`, className)}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            if (last.current) ctx.focusRow(last.current.id);
          }}
          {...props}
        >
          {node ? render(node, ctx) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The error of a failed request: its message, and the message of one field if it names it. */
function ProblemMessage({ error, id }: { error: OrgkitError | null; id: string }): ReactNode {
  const t = useOrgkitLocale();
  if (!error) return null;
  return (
    <p id={id} role="alert" data-slot="orgkit-error">
      {formatMessage(t.orgTree.failed, { message: error.message || t.common.unknownError })}
    </p>
  );
}

/**
 * Creates an organization under the node (`managed_orgs:create` there; the caller becomes its
 * owner). Opened from a node's actions menu; the parent is expanded to show the new org.
 */
export function OrgTreeCreateDialog(props: OrgTreeDialogProps): ReactNode {
  return (
    <OrgTreeDialog
      kind="create"
      {...props}
      render={(node, ctx) => <CreateForm key={node.id} node={node} ctx={ctx} />}
    />
  );
}

function CreateForm({ node, ctx }: { node: OrganizationTreeNode; ctx: OrgTreeContextValue }) {
  const t = useOrgkitLocale();
  return (
    <>
      <Dialog.Title data-slot="orgkit-dialog-title">
        {formatMessage(t.orgTree.createTitle, { name: node.name })}
      </Dialog.Title>
      <Dialog.Description data-slot="orgkit-dialog-description">
        {t.orgTree.createDescription}
      </Dialog.Description>
      <CreateOrganizationForm
        parentId={node.id}
        text={t.orgTree}
        onCreated={(org) => {
          ctx.toggle(node.id, true);
          ctx.report(formatMessage(t.orgTree.created, { name: org.name }));
          ctx.setDialog(null);
        }}
      />
    </>
  );
}

/**
 * Moves the node, with everything below it, under another loaded organization
 * (`managed_orgs:move` on it and `managed_orgs:create` in the new parent; refused otherwise with
 * the server's reason). Permissions inherited from above change, so every cached set refreshes.
 */
export function OrgTreeMoveDialog(props: OrgTreeDialogProps): ReactNode {
  return (
    <OrgTreeDialog
      kind="move"
      {...props}
      render={(node, ctx) => <MoveForm key={node.id} node={node} ctx={ctx} />}
    />
  );
}

function MoveForm({ node, ctx }: { node: OrganizationTreeNode; ctx: OrgTreeContextValue }) {
  const t = useOrgkitLocale();
  const move = useMoveOrganization(node.id);
  const targets = moveTargets(ctx.nodes, node);
  const [parentId, setParentId] = useState(targets[0]?.id ?? '');
  const id = useId();
  return (
    <>
      <Dialog.Title data-slot="orgkit-dialog-title">
        {formatMessage(t.orgTree.moveTitle, { name: node.name })}
      </Dialog.Title>
      <Dialog.Description data-slot="orgkit-dialog-description">
        {t.orgTree.moveDescription}
      </Dialog.Description>
      <form
        data-slot="orgkit-form"
        onSubmit={(e) => {
          e.preventDefault();
          const parent = ctx.nodes.get(parentId);
          if (!parent) return;
          move.mutate(
            { parentId },
            {
              onSuccess: () => {
                ctx.toggle(parentId, true);
                ctx.report(
                  formatMessage(t.orgTree.moved, { name: node.name, parent: parent.name }),
                );
                ctx.setDialog(null);
              },
            },
          );
        }}
      >
        <label htmlFor={id} data-slot="orgkit-label">
          {t.orgTree.moveTarget}
        </label>
        <select
          id={id}
          data-slot="orgkit-select"
          value={parentId}
          aria-describedby={move.error ? `${id}-error` : undefined}
          onChange={(e) => setParentId(e.target.value)}
        >
          {targets.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name} ({t.orgSwitcher.kinds[n.kind]})
            </option>
          ))}
        </select>
        <ProblemMessage error={move.error} id={`${id}-error`} />
        <div data-slot="orgkit-dialog-footer">
          <Dialog.Close data-slot="orgkit-button">{t.orgTree.cancel}</Dialog.Close>
          <button
            type="submit"
            data-slot="orgkit-button"
            data-variant="primary"
            disabled={!parentId || move.isPending}
            aria-busy={move.isPending || undefined}
          >
            {move.isPending ? t.orgTree.moving : t.orgTree.moveAction}
          </button>
        </div>
      </form>
    </>
  );
}
