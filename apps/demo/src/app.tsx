import { Can, OrgSwitcher, useSession, useSignOut } from '@orgkit/react';
import type { ReactNode } from 'react';
import type { DemoPermission } from './catalog.js';
import { AcceptInvitationPage } from './pages/accept-invitation.js';
import { ApiKeysPage } from './pages/api-keys.js';
import { AuditPage } from './pages/audit.js';
import { GroupsPage } from './pages/groups.js';
import { MailPage } from './pages/mail.js';
import { OrganizationsPage } from './pages/organizations.js';
import { ProjectsPage } from './pages/projects.js';
import { RolesPage } from './pages/roles.js';
import { SignInPage } from './pages/sign-in.js';
import { TeamPage } from './pages/team.js';
import { navigate, useLocation } from './router.js';

/** The host's pages; each nav link shows only when the viewer holds its permission. */
const PAGES: readonly {
  path: string;
  label: string;
  permission?: DemoPermission;
  render: () => ReactNode;
}[] = [
  { path: '/', label: 'Projects', render: () => <ProjectsPage /> },
  { path: '/team', label: 'Team', permission: 'members:read', render: () => <TeamPage /> },
  { path: '/groups', label: 'Groups', permission: 'groups:read', render: () => <GroupsPage /> },
  { path: '/roles', label: 'Roles', permission: 'roles:read', render: () => <RolesPage /> },
  {
    path: '/organizations',
    label: 'Organizations',
    permission: 'managed_orgs:read',
    render: () => <OrganizationsPage />,
  },
  { path: '/audit', label: 'Audit log', permission: 'audit_log:read', render: () => <AuditPage /> },
  {
    path: '/api-keys',
    label: 'API keys',
    permission: 'api_keys:read',
    render: () => <ApiKeysPage />,
  },
];

/** The host product: Orgkit decides who sees which page and button; the host draws the rest. */
export function App(): ReactNode {
  const { path } = useLocation();
  const session = useSession();
  if (path === '/accept-invitation') return <AcceptInvitationPage />;
  if (path === '/mail') {
    return (
      <main className="demo-main">
        <MailPage />
      </main>
    );
  }
  if (session.isPending)
    return (
      <p role="status" className="demo-center">
        Loading…
      </p>
    );
  if (!session.isSignedIn) return <SignInPage />;
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0]!;
  return <Layout path={page.path}>{page.render()}</Layout>;
}

function NavLink({ to, path, children }: { to: string; path: string; children: ReactNode }) {
  return (
    <a
      href={to}
      aria-current={path === to ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

function Layout({ path, children }: { path: string; children: ReactNode }) {
  const session = useSession();
  const signOut = useSignOut();
  return (
    <div className="demo-shell">
      <header className="demo-header">
        <strong className="demo-brand">Workspace</strong>
        <OrgSwitcher />
        <nav aria-label="Main" className="demo-nav">
          {PAGES.map((p) => {
            const link = (
              <NavLink key={p.path} to={p.path} path={path}>
                {p.label}
              </NavLink>
            );
            return p.permission ? (
              <Can key={p.path} permission={p.permission}>
                {link}
              </Can>
            ) : (
              link
            );
          })}
        </nav>
        <a href="/mail" target="_blank" rel="noreferrer" className="demo-hint">
          Dev mail
        </a>
        <span className="demo-user">{session.user?.email}</span>
        <button
          type="button"
          onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/') })}
        >
          Sign out
        </button>
      </header>
      <main className="demo-main">{children}</main>
    </div>
  );
}
