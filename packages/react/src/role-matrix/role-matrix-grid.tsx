import {
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type ReactNode,
  useMemo,
  useRef,
  useState,
} from 'react';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { RoleMatrixCell } from './role-matrix-cell.js';
import { useRoleMatrixContext } from './role-matrix-context.js';
import { cellIndex, matrixRows } from './role-matrix-model.js';
import { RoleMatrixRoleHeader } from './role-matrix-role-header.js';

const PAGE = 10;

/**
 * The matrix: roles as columns, the catalog as rows grouped module → section → resource →
 * action (as a permission table reads), with sticky headers. A `role="grid"` with one tab stop: arrow keys
 * move between cells, Home/End to the row's ends, Ctrl+Home/End to the corners, Page Up/Down by
 * ten rows; Space or Enter toggles an editable cell.
 */
export function RoleMatrixGrid({
  className,
  ...props
}: ComponentPropsWithoutRef<'div'>): ReactNode {
  const t = useOrgkitLocale();
  const { catalog, roles, scope, can } = useRoleMatrixContext('RoleMatrixGrid');
  const rows = useMemo(() => (catalog ? matrixRows(catalog) : []), [catalog]);
  const cells = useMemo(() => roles.map((r) => cellIndex(r, scope)), [roles, scope]);
  const permissionCount = rows.filter((r) => r.kind === 'permission').length;
  const [active, setActive] = useState({ row: 0, col: 0 });
  const table = useRef<HTMLTableElement>(null);
  const span = roles.length + 2;
  const move = (row: number, col: number) => {
    const r = Math.max(0, Math.min(permissionCount - 1, row));
    const c = Math.max(0, Math.min(roles.length - 1, col));
    setActive({ row: r, col: c });
    table.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!target) return;
    const [row, col] = target.dataset.cell!.split(':').map(Number) as [number, number];
    const last = { row: permissionCount - 1, col: roles.length - 1 };
    const to = ((): [number, number] | null => {
      switch (e.key) {
        case 'ArrowUp':
          return [row - 1, col];
        case 'ArrowDown':
          return [row + 1, col];
        case 'ArrowLeft':
          return [row, col - 1];
        case 'ArrowRight':
          return [row, col + 1];
        case 'PageUp':
          return [row - PAGE, col];
        case 'PageDown':
          return [row + PAGE, col];
        case 'Home':
          return e.ctrlKey ? [0, 0] : [row, 0];
        case 'End':
          return e.ctrlKey ? [last.row, last.col] : [row, last.col];
        default:
          return null;
      }
    })();
    if (!to) return;
    e.preventDefault();
    move(...to);
  };
  let index = -1;
  return (
    <div
      data-slot="orgkit-role-matrix-viewport"
      className={cx('orgkit-role-matrix-viewport', className)}
      {...props}
    >
      <table
        ref={table}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA data grid pattern on a table: one tab stop, arrow keys between cells
        role="grid"
        aria-label={t.roleMatrix.label}
        aria-rowcount={rows.length + 1}
        data-slot="orgkit-role-matrix-table"
        onKeyDown={onKeyDown}
      >
        <thead data-slot="orgkit-role-matrix-header">
          <tr aria-rowindex={1}>
            <th scope="col" colSpan={2} data-slot="orgkit-role-matrix-corner">
              {t.roleMatrix.permission}
            </th>
            {roles.map((role) => (
              <RoleMatrixRoleHeader key={role.key} role={role} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            if (row.kind === 'module') {
              return (
                <tr
                  key={`m:${row.module.module}`}
                  aria-rowindex={i + 2}
                  data-slot="orgkit-role-matrix-module"
                >
                  <th scope="colgroup" colSpan={span}>
                    <span>{row.module.label}</span>
                    {row.module.exclusiveRoles ? (
                      <span data-slot="orgkit-role-matrix-exclusive">
                        {t.roleMatrix.exclusive}:{' '}
                        {formatMessage(t.roleMatrix.exclusiveHint, { module: row.module.label })}
                      </span>
                    ) : null}
                  </th>
                </tr>
              );
            }
            if (row.kind === 'section') {
              return (
                <tr
                  key={`s:${row.module}:${row.label}`}
                  aria-rowindex={i + 2}
                  data-slot="orgkit-role-matrix-section"
                >
                  <th scope="colgroup" colSpan={span}>
                    {row.label}
                  </th>
                </tr>
              );
            }
            index++;
            const r = index;
            return (
              <tr key={row.permission} aria-rowindex={i + 2} data-slot="orgkit-role-matrix-row">
                {row.resourceSpan > 0 ? (
                  <td rowSpan={row.resourceSpan} data-slot="orgkit-role-matrix-resource">
                    {row.resource}
                  </td>
                ) : null}
                <th scope="row" data-slot="orgkit-role-matrix-action">
                  <span data-slot="orgkit-sr-only">{row.resource} · </span>
                  {row.action}
                </th>
                {roles.map((role, c) => (
                  <RoleMatrixCell
                    key={role.key}
                    role={role}
                    permission={row.permission}
                    state={cells[c]!(row.permission)}
                    row={r}
                    col={c}
                    active={active.row === r && active.col === c}
                    editable={role.kind === 'custom' && can.update}
                    onFocusCell={(fr, fc) => setActive({ row: fr, col: fc })}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
