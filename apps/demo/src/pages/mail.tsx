import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface OutboxMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly createdAt: string;
  readonly meta: { readonly kind?: string; readonly link?: string } | null;
}

/**
 * The dev mail outbox (no SMTP configured): invitations and password resets sent by the demo,
 * newest first, with their links — so a visitor can invite an address and accept it in another
 * browser. Only the platform admin may read it (it holds every link); the server serves it only
 * when the demo host turns it on, never in production.
 */
export function MailPage(): ReactNode {
  const mail = useQuery({
    queryKey: ['demo', 'outbox'],
    refetchInterval: 3_000,
    queryFn: async () => {
      const res = await fetch('/dev/outbox?limit=100');
      if (!res.ok) throw new Error(`The outbox answered ${res.status}.`);
      return ((await res.json()) as { items: OutboxMail[] }).items;
    },
  });
  return (
    <section aria-labelledby="mail-title" className="demo-page">
      <h1 id="mail-title">Mail outbox (development)</h1>
      <p className="demo-hint">
        Mail the demo would have sent, shown to the platform admin (admin@demo.orgkit.dev). Open an
        invitation link in another browser (or a private window) to join as the invited person.
      </p>
      {mail.isPending ? (
        <p role="status">Loading…</p>
      ) : mail.error ? (
        <p role="alert">{mail.error.message}</p>
      ) : mail.data.length === 0 ? (
        <p data-state="empty">No mail yet: invite someone from the Team page.</p>
      ) : (
        <table className="demo-table">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Sent</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {mail.data.map((m) => (
              <tr key={m.id}>
                <td>{m.to}</td>
                <td>{m.subject}</td>
                <td>{new Date(m.createdAt).toLocaleString()}</td>
                <td>
                  {m.meta?.link ? (
                    <a href={m.meta.link} target="_blank" rel="noreferrer">
                      {m.meta.kind === 'invitation' ? 'Open invitation' : 'Open link'}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
