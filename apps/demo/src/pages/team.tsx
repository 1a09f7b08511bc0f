import { useMembers } from '@orgkit/react';
import type { ReactNode } from 'react';

/** The team of the active organization. */
export function TeamPage(): ReactNode {
  const members = useMembers();
  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">Team</h1>
      {members.isPending ? (
        <p role="status">Loading members…</p>
      ) : members.error ? (
        <p role="alert">{members.error.message}</p>
      ) : (
        <table className="demo-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {members.members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{m.roles.join(', ')}</td>
                <td>{m.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
