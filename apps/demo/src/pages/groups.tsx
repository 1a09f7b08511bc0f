import { GroupsPanel } from '@orgkit/react';
import type { ReactNode } from 'react';

/** Groups of the active organization, their members and the roles they bring. */
export function GroupsPage(): ReactNode {
  return (
    <section aria-labelledby="groups-title" className="demo-page">
      <h1 id="groups-title">Groups</h1>
      <GroupsPanel />
    </section>
  );
}
