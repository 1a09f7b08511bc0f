import { RoleMatrix } from '@orgkit/react';
import type { ReactNode } from 'react';

/** Roles of the active organization: presets read-only, custom roles editable. */
export function RolesPage(): ReactNode {
  return (
    <section aria-labelledby="roles-title" className="demo-page">
      <h1 id="roles-title">Roles</h1>
      <RoleMatrix />
    </section>
  );
}
