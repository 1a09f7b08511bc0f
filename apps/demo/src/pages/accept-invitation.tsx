import { AcceptInvitation, useOrgSwitcher } from '@orgkit/react';
import type { ReactNode } from 'react';
import { navigate, useLocation } from '../router.js';

/**
 * The page an invitation e-mail links to: Orgkit's `AcceptInvitation`; once joined, the new
 * organization becomes the active one and the app opens.
 */
export function AcceptInvitationPage(): ReactNode {
  const token = useLocation().search.get('token');
  const { switchTo } = useOrgSwitcher();
  return (
    <main className="demo-center">
      <div className="demo-card">
        <AcceptInvitation
          token={token}
          headingLevel={1}
          onAccepted={({ organization }) => {
            void switchTo(organization.id)
              .catch(() => undefined)
              .then(() => navigate('/'));
          }}
        />
      </div>
    </main>
  );
}
