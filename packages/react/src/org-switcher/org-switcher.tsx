import type { ReactNode } from 'react';
import { useOrgSwitcher } from '../hooks/use-org-switcher.js';
import { useSession } from '../hooks/use-session.js';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import {
  OrgSwitcherContent,
  OrgSwitcherRoot,
  type OrgSwitcherRootProps,
  OrgSwitcherTrigger,
} from './org-switcher-parts.js';

/** Props of {@link OrgSwitcher}. */
export interface OrgSwitcherProps extends Omit<OrgSwitcherRootProps, 'children'> {
  readonly className?: string;
  /** Show the search field: `'auto'` (default) from 6 organizations on. */
  readonly search?: boolean | 'auto';
}

/**
 * The drop-in org switcher: the caller's organizations in a menu, the active one checked, each
 * followed by the organizations it manages (a partner's clients, indented), a search field for
 * long lists, "Create organization" when the server allows it, and loading, empty, error and
 * signed-out states. Compose the parts (`OrgSwitcherRoot`,
 * `OrgSwitcherTrigger`, `OrgSwitcherContent`, `OrgSwitcherItem`) for a custom layout.
 *
 * @example
 * <OrgSwitcher onValueChange={(orgId) => navigate(`/orgs/${orgId}`)} />
 */
export function OrgSwitcher({ className, search, ...rootProps }: OrgSwitcherProps): ReactNode {
  const t = useOrgkitLocale();
  const session = useSession();
  const switcher = useOrgSwitcher();
  if (session.isSuccess && !session.isSignedIn) {
    return (
      <OrgkitStatus state="forbidden" className={className}>
        <OrgkitStatusDescription>{t.common.signedOut}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if (switcher.status === 'error') {
    return (
      <OrgkitStatus state="error" className={className}>
        <OrgkitStatusTitle>{t.common.errorTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.orgSwitcher.loadError}</OrgkitStatusDescription>
        <div>
          <button type="button" data-slot="orgkit-button" onClick={switcher.refetch}>
            {t.common.retry}
          </button>
        </div>
      </OrgkitStatus>
    );
  }
  if (switcher.status === 'success' && switcher.organizations.length === 0) {
    return (
      <OrgkitStatus state="empty" className={className}>
        <OrgkitStatusDescription>{t.orgSwitcher.empty}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return (
    <div data-slot="orgkit-org-switcher" data-state={switcher.status} className={className}>
      <OrgSwitcherRoot {...rootProps}>
        <OrgSwitcherTrigger disabled={switcher.status === 'pending'} />
        <OrgSwitcherContent search={search ?? 'auto'} />
      </OrgSwitcherRoot>
      {switcher.needsChoice ? (
        <p data-slot="orgkit-org-switcher-hint" role="status">
          {t.orgSwitcher.chooseTitle}
        </p>
      ) : null}
    </div>
  );
}
