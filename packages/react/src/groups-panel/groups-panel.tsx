import type { ReactNode } from 'react';
import { useOrgkitLocale } from '../locale/use-locale.js';
import {
  OrgkitStatus,
  OrgkitStatusDescription,
  OrgkitStatusTitle,
} from '../status/orgkit-status.js';
import {
  GroupsPanelCreate,
  GroupsPanelDetail,
  GroupsPanelList,
  GroupsPanelRoot,
  type GroupsPanelRootProps,
  useGroupsPanelContext,
} from './groups-panel-parts.js';

/** Props of {@link GroupsPanel}. */
export type GroupsPanelProps = Omit<GroupsPanelRootProps, 'children' | 'asChild'>;

/**
 * The drop-in groups panel: the organization's groups, a new-group form, and the
 * selected group's members and roles — membership (`groups:update`) and role assignment
 * (`groups:assign_roles`) being separate permissions — with loading, empty, error and forbidden
 * states. Compose `GroupsPanelRoot`, `GroupsPanelList`, `GroupsPanelCreate` and
 * `GroupsPanelDetail` for another layout.
 */
export function GroupsPanel(props: GroupsPanelProps): ReactNode {
  return (
    <GroupsPanelRoot {...props}>
      <GroupsPanelBody />
    </GroupsPanelRoot>
  );
}

function GroupsPanelBody(): ReactNode {
  const t = useOrgkitLocale();
  const { groups, message } = useGroupsPanelContext('GroupsPanel');
  if (groups.error) {
    return groups.error.status === 403 ? (
      <OrgkitStatus state="forbidden">
        <OrgkitStatusTitle>{t.common.forbiddenTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.groupsPanel.forbidden}</OrgkitStatusDescription>
      </OrgkitStatus>
    ) : (
      <OrgkitStatus state="error">
        <OrgkitStatusTitle>{t.common.errorTitle}</OrgkitStatusTitle>
        <OrgkitStatusDescription>{t.groupsPanel.loadError}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  if (groups.isPending) {
    return (
      <OrgkitStatus state="loading">
        <OrgkitStatusDescription>{t.common.loading}</OrgkitStatusDescription>
      </OrgkitStatus>
    );
  }
  return (
    <>
      <GroupsPanelCreate />
      {groups.groups.length === 0 ? (
        <OrgkitStatus state="empty">
          <OrgkitStatusDescription>{t.groupsPanel.empty}</OrgkitStatusDescription>
        </OrgkitStatus>
      ) : (
        <div data-slot="orgkit-groups-panel-layout">
          <GroupsPanelList />
          <GroupsPanelDetail />
        </div>
      )}
      <p role="status" data-slot="orgkit-groups-panel-message" data-tone={message?.tone}>
        {message?.text}
      </p>
    </>
  );
}
