import type { ResourceRef } from '@orgkit/core';
import type { ReactNode } from 'react';
import { useCan } from '../hooks/use-can.js';
import type { Permission } from '../lib/register.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';

/** Props of {@link PermissionGate}. */
export interface PermissionGateProps {
  readonly permission: Permission;
  readonly orgId?: string | null;
  readonly resource?: ResourceRef;
  /** Shown when denied. Default: a "not allowed" status block from the locale. */
  readonly fallback?: ReactNode;
  /** Shown while checking. Default: a loading status block. */
  readonly loading?: ReactNode;
  readonly className?: string;
  readonly children?: ReactNode;
}

/**
 * `<Can>` with visible states: renders `children` when the viewer holds `permission`, and
 * otherwise explains why not (checking, denied, or the check failed). Use `<Can>` to hide things
 * silently instead.
 */
export function PermissionGate(props: PermissionGateProps): ReactNode {
  const t = useOrgkitLocale();
  const result = useCan(props.permission, {
    ...(props.orgId !== undefined ? { orgId: props.orgId } : {}),
    ...(props.resource ? { resource: props.resource } : {}),
  });
  if (result.allowed) return props.children ?? null;
  if (result.status === 'pending') {
    return (
      props.loading ?? (
        <OrgkitStatus state="loading" className={props.className}>
          <OrgkitStatusDescription>{t.permissionGate.checking}</OrgkitStatusDescription>
        </OrgkitStatus>
      )
    );
  }
  if (result.status === 'error') {
    return (
      <OrgkitStatus state="error" className={props.className}>
        <OrgkitStatusTitle>{t.common.errorTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.common.unknownError}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return (
    props.fallback ?? (
      <OrgkitStatus state="forbidden" className={props.className}>
        <OrgkitStatusTitle>{t.common.forbiddenTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.permissionGate.denied}</OrgkitStatusDescription>
      </OrgkitStatus>
    )
  );
}
