import { OrgSwitcher, SignIn, TeamTable, useSession, useSignOut } from '@orgkit/react';
import type { ReactNode } from 'react';
import { DeployButton } from './deploy-button.js';

/** Sign-in, then the team page of the active org and a button calling the host's own route. */
export function App(): ReactNode {
  const session = useSession();
  const signOut = useSignOut();
  if (session.isPending) return <p role="status">Loading…</p>;
  if (!session.isSignedIn) return <SignIn />;
  return (
    <main>
      <header>
        <OrgSwitcher />
        <button type="button" onClick={() => signOut.mutate()}>
          Sign out
        </button>
      </header>
      <h1>Team</h1>
      <DeployButton />
      <TeamTable />
    </main>
  );
}
