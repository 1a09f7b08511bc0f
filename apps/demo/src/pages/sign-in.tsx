import { SignIn } from '@orgkit/react';
import type { ReactNode } from 'react';

/** Sign-in with the built-in e-mail + password auth (Orgkit's `SignIn`, with password reset). */
export function SignInPage(): ReactNode {
  return (
    <main className="demo-center">
      <div className="demo-card">
        <p className="demo-brand">Workspace</p>
        <SignIn defaultEmail="owner@northwind.demo">
          <p className="demo-hint">
            Demo accounts use the password <code>orgkit-demo</code>. Mail (invitations, password
            resets) lands in the{' '}
            <a href="/mail" target="_blank" rel="noreferrer">
              dev outbox
            </a>
            , readable by the platform admin <code>admin@demo.orgkit.dev</code>.
          </p>
        </SignIn>
      </div>
    </main>
  );
}
