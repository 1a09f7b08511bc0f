import type { ReactNode } from 'react';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import { useOrgTreeContext } from './org-tree-context.js';
import {
  OrgTreeList,
  OrgTreeRoot,
  type OrgTreeRootProps,
  OrgTreeSearch,
} from './org-tree-parts.js';

/** Props of {@link OrgTree}. */
export interface OrgTreeProps extends Omit<OrgTreeRootProps, 'children' | 'asChild'> {
  /** Show the search box (default true). */
  readonly searchable?: boolean;
}

/**
 * The drop-in organization tree (the partner view): the caller's
 * organizations with the client and sub-organizations below them — or, with `orgId`, one org's
 * subtree — as an ARIA tree with a search that keeps the ancestors of matches, each node's kind,
 * the current organization marked, an "Open" button (default: make it the active organization)
 * and, for those who may, "Create client organization" and "Move to…". Loading, empty, error,
 * forbidden and signed-out states come from the locale. Compose `OrgTreeRoot`, `OrgTreeSearch`,
 * `OrgTreeList`, `OrgTreeItem` and `OrgTreeItemActions` for another layout.
 *
 * @example
 * <OrgTree onOpen={(org) => navigate(`/orgs/${org.id}`)} />
 */
export function OrgTree({ searchable = true, ...props }: OrgTreeProps): ReactNode {
  return (
    <OrgTreeRoot {...props}>
      <OrgTreeBody searchable={searchable} />
    </OrgTreeRoot>
  );
}

function OrgTreeBody({ searchable }: { searchable: boolean }): ReactNode {
  const t = useOrgkitLocale();
  const { status, error, roots, truncated, message } = useOrgTreeContext('OrgTree');
  if (error) {
    if (error.status === 401 || error.status === 403) {
      return (
        <OrgkitStatus state="forbidden">
          <OrgkitStatusTitle>{t.common.forbiddenTitle}</OrgkitStatusTitle>
          <OrgkitStatusDescription>
            {error.status === 401 ? t.common.signedOut : t.orgTree.forbidden}
          </OrgkitStatusDescription>
        </OrgkitStatus>
      );
    }
    return (
      <OrgkitStatus state="error">
        <OrgkitStatusTitle>{t.common.errorTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.orgTree.loadError}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if (status === 'pending') {
    return (
      <OrgkitStatus state="loading">
        <OrgkitStatusDescription>{t.common.loading}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if (roots.length === 0) {
    return (
      <OrgkitStatus state="empty">
        <OrgkitStatusDescription>{t.orgTree.empty}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return (
    <>
      {searchable ? <OrgTreeSearch /> : null}
      <OrgTreeList />
      {truncated ? <p data-slot="orgkit-hint">{t.orgTree.truncated}</p> : null}
      <p role="status" data-slot="orgkit-org-tree-message" data-tone={message?.tone}>
        {message?.text}
      </p>
    </>
  );
}
