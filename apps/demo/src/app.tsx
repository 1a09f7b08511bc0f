import { Can, OrgSwitcher, useSession, useSignOut } from '@orgkit/react';
import type { ReactNode } from 'react';
import { AcceptInvitationPage } from './pages/accept-invitation.js';
import { ProjectsPage } from './pages/projects.js';
import { SignInPage } from './pages/sign-in.js';
import { TeamPage } from './pages/team.js';
import { navigate, useLocation } from './router.js';

/** The host product: Orgkit decides who sees which page and button; the host draws the rest. */
export function App(): ReactNode {
  const { path } = useLocation();
  const session = useSession();
  if (path === '/accept-invitation') return <AcceptInvitationPage />;
  if (session.isPending)
    return (
      <p role="status" className="demo-center">
        Loading…
      </p>
    );
  if (!session.isSignedIn) return <SignInPage />;
  return <Layout path={path}>{path === '/team' ? <TeamPage /> : <ProjectsPage />}</Layout>;
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
          <NavLink to="/" path={path}>
            Projects
          </NavLink>
          <Can permission="members:read">
            <NavLink to="/team" path={path}>
              Team
            </NavLink>
          </Can>
        </nav>
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
