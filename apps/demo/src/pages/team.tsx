import { InviteDialog, TeamTable } from '@orgkit/react';
import type { ReactNode } from 'react';

/**
 * The team of the active organization: Orgkit's TeamTable (search, filters, inline role change,
 * disable/enable, remove, reset, transfer) and its InviteDialog with the pending invitations.
 * Each control is shown only to those allowed to use it; the host writes none of that logic.
 */
export function TeamPage(): ReactNode {
  return (
    <section aria-labelledby="team-title" className="demo-page">
      <div className="demo-page-header">
        <h1 id="team-title">Team</h1>
        <InviteDialog showPending />
      </div>
      <TeamTable deniedActions="disable" />
    </section>
  );
}
