import { useOrgkitClient, useSession } from '@orgkit/react';
import { unwrap } from '@orgkit/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { navigate, useLocation } from '../router.js';

/** The page an invitation e-mail links to: join as an existing account or create one. */
export function AcceptInvitationPage(): ReactNode {
  const client = useOrgkitClient();
  const queryClient = useQueryClient();
  const session = useSession();
  const token = useLocation().search.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const lookup = useQuery({
    queryKey: ['demo', 'invitation', token],
    enabled: token.length > 0,
    retry: false,
    queryFn: () => unwrap(client.GET('/v1/invitations/lookup', { params: { query: { token } } })),
  });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/v1/invitations/accept', {
          body: { token, ...(name ? { name } : {}), ...(password ? { password } : {}) },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['orgkit'] });
      navigate('/');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate();
  };
  if (!token)
    return (
      <p role="alert" className="demo-center">
        This link has no invitation token.
      </p>
    );
  if (lookup.isPending)
    return (
      <p role="status" className="demo-center">
        Checking the invitation…
      </p>
    );
  if (lookup.error)
    return (
      <p role="alert" className="demo-center">
        {lookup.error.message}
      </p>
    );
  const invitation = lookup.data;
  return (
    <main className="demo-center">
      <form className="demo-card" onSubmit={submit} aria-labelledby="accept-title">
        <h1 id="accept-title">Join {invitation.organization.name}</h1>
        <p>
          Invitation for <strong>{invitation.email}</strong>
        </p>
        {!session.isSignedIn && (
          <>
            <label>
              Your name
              <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            </label>
            <label>
              Password (new, or your existing one)
              <input
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
              />
            </label>
          </>
        )}
        {accept.error && (
          <p role="alert" className="demo-error">
            {accept.error.message}
          </p>
        )}
        <button type="submit" disabled={accept.isPending}>
          Accept and join
        </button>
      </form>
    </main>
  );
}
