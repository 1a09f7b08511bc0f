import { useSignIn } from '@orgkit/react';
import { type FormEvent, type ReactNode, useState } from 'react';

/** Sign-in with the built-in e-mail + password auth. */
export function SignInPage(): ReactNode {
  const signIn = useSignIn();
  const [email, setEmail] = useState('owner@northwind.demo');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <main className="demo-center">
      <form className="demo-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Workspace</h1>
        <label>
          E-mail
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {signIn.error && (
          <p role="alert" className="demo-error">
            {signIn.error.message}
          </p>
        )}
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="demo-hint">Demo accounts use the password orgkit-demo.</p>
      </form>
    </main>
  );
}
