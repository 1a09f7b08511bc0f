import type { Context } from 'hono';
import type { AppEnv } from '../../context.js';
import { generateToken, sha256 } from '../../lib/tokens.js';
import { invitationMail } from '../../mail/templates.js';
import type { Org } from '../../store/organizations.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';

/** Builds the accept link of a token. */
export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/** A fresh token and expiry for an invitation. */
export function newInvitationToken(c: Context<AppEnv>) {
  const { options } = c.var.deps;
  const token = generateToken();
  return {
    token,
    tokenHash: sha256(token),
    expiresAt: new Date(
      options.now().getTime() + options.organizations.invitationTtlSeconds * 1000,
    ),
  };
}

/** Mails the invitation link (through the transaction's store for the outbox). */
export async function mailInvitation(
  c: Context<AppEnv>,
  tx: Store,
  input: { to: string; org: Org; inviter: User; token: string; expiresAt: Date },
): Promise<void> {
  const { mailer, options } = c.var.deps;
  await mailer.send(
    invitationMail({
      to: input.to,
      orgName: input.org.name,
      inviterName: input.inviter.name || input.inviter.email,
      link: invitationLink(options.baseUrl, input.token),
      expiresAt: input.expiresAt,
    }),
    tx,
  );
}
