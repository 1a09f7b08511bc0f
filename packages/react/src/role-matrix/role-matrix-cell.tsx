import { Tooltip } from 'radix-ui';
import { type KeyboardEvent, type ReactNode, useId } from 'react';
import type { Role } from '../lib/types.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useRoleMatrixContext } from './role-matrix-context.js';
import type { CellState } from './role-matrix-model.js';

/** Props of {@link RoleMatrixCell}. */
export interface RoleMatrixCellProps {
  readonly role: Role;
  readonly permission: string;
  readonly state: CellState;
  /** Position in the grid's roving focus. */
  readonly row: number;
  readonly col: number;
  readonly active: boolean;
  readonly editable: boolean;
  onFocusCell(row: number, col: number): void;
}

/**
 * One role × permission cell: a checkbox for custom roles the viewer may edit, a mark
 * otherwise. A ⭐ marks a conditional grant; its condition shows as a tooltip on hover and focus
 * and is the cell's description.
 */
export function RoleMatrixCell(props: RoleMatrixCellProps): ReactNode {
  const t = useOrgkitLocale();
  const { toggle, permissionLabel } = useRoleMatrixContext('RoleMatrixCell');
  const id = useId();
  const { role, permission, state } = props;
  const name = formatMessage(t.roleMatrix.cell, {
    permission: permissionLabel(permission),
    role: role.name,
  });
  const condition =
    state.kind === 'conditional'
      ? formatMessage(t.roleMatrix.conditional, {
          requires: state.requires.map(permissionLabel).join(', '),
        })
      : null;
  const focus = {
    'data-cell': `${props.row}:${props.col}`,
    tabIndex: props.active ? 0 : -1,
    onFocus: () => props.onFocusCell(props.row, props.col),
  };
  const checked = state.kind !== 'none';
  const mark = state.kind === 'conditional' ? '⭐' : state.kind === 'granted' ? '✓' : '';
  const control = props.editable ? (
    <input
      type="checkbox"
      data-slot="orgkit-checkbox"
      aria-label={name}
      aria-describedby={condition ? id : undefined}
      checked={checked}
      onChange={() => toggle(role, permission)}
      // Enter toggles too, as in a spreadsheet; Space is the checkbox's own.
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          toggle(role, permission);
        }
      }}
      {...focus}
    />
  ) : (
    <span
      role="img"
      data-slot="orgkit-role-matrix-mark"
      aria-label={`${name}: ${checked ? t.roleMatrix.granted : t.roleMatrix.notGranted}`}
      aria-describedby={condition ? id : undefined}
      {...focus}
    >
      <span aria-hidden="true">{mark}</span>
    </span>
  );
  return (
    <td data-slot="orgkit-role-matrix-cell" data-state={state.kind} data-kind={role.kind}>
      {condition ? (
        <Tooltip.Root>
          <Tooltip.Trigger asChild>{control}</Tooltip.Trigger>
          <span id={id} hidden>
            {condition}
          </span>
          <Tooltip.Portal>
            <Tooltip.Content data-slot="orgkit-tooltip" sideOffset={4} aria-hidden="true">
              {condition}
            </Tooltip.Content>
          </Tooltip.Portal>
        </Tooltip.Root>
      ) : (
        control
      )}
      {props.editable && state.kind === 'conditional' ? (
        <span aria-hidden="true" data-slot="orgkit-role-matrix-star">
          ⭐
        </span>
      ) : null}
    </td>
  );
}
