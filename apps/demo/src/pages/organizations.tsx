import { OrgTree } from '@orgkit/react';
import type { ReactNode } from 'react';

/**
 * The partner view: the caller's organizations with the client organizations they manage below.
 * Opening one makes it the active organization: every page then shows that organization.
 */
export function OrganizationsPage(): ReactNode {
  return (
    <section aria-labelledby="orgs-title" className="demo-page">
      <h1 id="orgs-title">Organizations</h1>
      <OrgTree />
    </section>
  );
}
