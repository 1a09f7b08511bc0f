import { type ReactNode, useId } from 'react';
import { cx } from '../lib/cx.js';
import { formatMessage } from '../locale/merge-locale.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import { useResourceAccessContext } from './resource-access-context.js';
import {
  ResourceAccessContent,
  ResourceAccessPanel,
  ResourceAccessTrigger,
} from './resource-access-parts.js';
import { ResourceAccessRoot, type ResourceAccessRootProps } from './resource-access-root.js';

/** Props of {@link ResourceAccess}. */
export interface ResourceAccessProps extends Omit<ResourceAccessRootProps, 'children'> {
  /**
   * `dialog` (default): a "Share" button opening the share dialog. `inline`: the same panel in
   * place, under a heading, for a page of your own.
   */
  readonly variant?: 'dialog' | 'inline';
  /** The trigger's class (dialog) or the section's (inline). */
  readonly className?: string;
}

/**
 * The drop-in share dialog for one ACL-controlled resource: who has access —
 * members, groups and e-mail addresses (notified only, never given access) — with a checkbox
 * per action of the resource's type, grants inherited from parent resources (read-only, with
 * where they come from), an add combobox searching members and groups, who is notified, and
 * Save, which replaces the grants (the server refuses giving access the viewer lacks; the
 * message says why). Without `access:manage` the list is read-only and says so. Compose
 * `ResourceAccessRoot`, `ResourceAccessTrigger`, `ResourceAccessContent`,
 * `ResourceAccessPanel`, `ResourceAccessAdd`, `ResourceAccessList`, `ResourceAccessItem`,
 * `ResourceAccessInherited`, `ResourceAccessRecipients` and `ResourceAccessSave` for another
 * layout.
 *
 * @example
 * <ResourceAccess type="projects" resourceId={project.id} resourceName={project.name} />
 */
export function ResourceAccess({
  variant = 'dialog',
  className,
  ...props
}: ResourceAccessProps): ReactNode {
  return (
    <ResourceAccessRoot {...props}>
      {variant === 'inline' ? (
        <ResourceAccessInline className={className} />
      ) : (
        <>
          <ResourceAccessTrigger className={className} />
          <ResourceAccessContent />
        </>
      )}
    </ResourceAccessRoot>
  );
}

function ResourceAccessInline({ className }: { className: string | undefined }): ReactNode {
  const t = useOrgkitLocale();
  const { resourceName } = useResourceAccessContext('ResourceAccess');
  const id = useId();
  return (
    <section
      data-slot="orgkit-resource-access"
      aria-labelledby={id}
      className={cx('orgkit-resource-access', className)}
    >
      <h2 id={id} data-slot="orgkit-dialog-title">
        {formatMessage(t.resourceAccess.title, { name: resourceName })}
      </h2>
      <p data-slot="orgkit-dialog-description">{t.resourceAccess.description}</p>
      <ResourceAccessPanel />
    </section>
  );
}
