import { Slot } from 'radix-ui';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cx } from '../lib/cx.js';

/** What a status block reports. */
export type OrgkitStatusState = 'loading' | 'empty' | 'error' | 'forbidden';

/** Props of {@link OrgkitStatus}. */
export interface OrgkitStatusProps extends ComponentPropsWithoutRef<'div'> {
  readonly state: OrgkitStatusState;
  readonly asChild?: boolean;
}

/**
 * The loading, empty, error and permission-denied block every component shows in place of its
 * content. Errors are announced (`role="alert"`), the rest politely (`role="status"`).
 */
export function OrgkitStatus({
  state,
  asChild,
  className,
  ...props
}: OrgkitStatusProps): ReactNode {
  const Comp = asChild ? Slot.Root : 'div';
  return (
    <Comp
      role={state === 'error' ? 'alert' : 'status'}
      aria-busy={state === 'loading' || undefined}
      data-slot="orgkit-status"
      data-state={state}
      className={cx('orgkit-status', className)}
      {...props}
    />
  );
}

/** The status block's heading. */
export function OrgkitStatusTitle({
  className,
  ...props
}: ComponentPropsWithoutRef<'p'>): ReactNode {
  return (
    <p
      data-slot="orgkit-status-title"
      className={cx('orgkit-status-title', className)}
      {...props}
    />
  );
}

/** The status block's explanation. */
export function OrgkitStatusDescription({
  className,
  ...props
}: ComponentPropsWithoutRef<'p'>): ReactNode {
  return (
    <p
      data-slot="orgkit-status-description"
      className={cx('orgkit-status-description', className)}
      {...props}
    />
  );
}
