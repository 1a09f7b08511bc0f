import { AuditLog } from '@orgkit/react';
import type { ReactNode } from 'react';

/** Everything that changed in the active organization, newest first, with export. */
export function AuditPage(): ReactNode {
  return (
    <section aria-labelledby="audit-title" className="demo-page">
      <h1 id="audit-title">Audit log</h1>
      <AuditLog />
    </section>
  );
}
