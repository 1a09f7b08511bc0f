import type { ResourceRef } from '@orgkit/core';
import type { ReactNode } from 'react';
import type { Permission } from '../lib/register.js';
import { type CanResult, useCan } from './use-can.js';

/** Props of {@link Can}. */
export interface CanProps {
  readonly permission: Permission;
  readonly orgId?: string | null;
  readonly resource?: ResourceRef;
  /** Rendered when the permission is not held (and, unless `loading` is given, while checking). */
  readonly fallback?: ReactNode;
  /** Rendered while the permission set loads. Default `fallback`. */
  readonly loading?: ReactNode;
  /** What to show when allowed, or a function of the check's result. */
  readonly children?: ReactNode | ((result: CanResult) => ReactNode);
}

/**
 * Renders its children only when the signed-in user holds `permission` (see {@link useCan}).
 * Hiding is a convenience: the server enforces every permission again.
 *
 * @example
 * <Can permission="members:remove" fallback={null}>
 *   <RemoveButton />
 * </Can>
 */
export function Can(props: CanProps): ReactNode {
  const result = useCan(props.permission, {
    ...(props.orgId !== undefined ? { orgId: props.orgId } : {}),
    ...(props.resource ? { resource: props.resource } : {}),
  });
  if (typeof props.children === 'function') return props.children(result);
  if (result.allowed) return props.children ?? null;
  if (result.status === 'pending' && props.loading !== undefined) return props.loading;
  return props.fallback ?? null;
}
