import type { Context } from 'hono';
import type { OrgAccess } from '../../access/access.js';
import { orgSettingValue } from '../../access/settings.js';
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

/** The org's invitation policy: link lifetime and allowed e-mail domains (settings waterfall). */
export interface InvitationPolicy {
  readonly ttlSeconds: number;
  /** Lower-case domains invitations may go to; empty allows any. */
  readonly allowedDomains: readonly string[];
}

/**
 * Reads `invitation_ttl_hours` and `allowed_email_domains` as the org sees them (platform default,
 * overridden by ancestor orgs and the org); hosts whose settings lack them keep
 * `organizations.invitationTtlSeconds` and no domain restriction.
 */
export async function invitationPolicy(
  c: Context<AppEnv>,
  tx: Store,
  access: OrgAccess,
): Promise<InvitationPolicy> {
  const { options } = c.var.deps;
  const hours = await orgSettingValue(tx, access, options.settings, 'invitation_ttl_hours');
  const domains = await orgSettingValue(tx, access, options.settings, 'allowed_email_domains');
  return {
    ttlSeconds:
      typeof hours === 'number' ? hours * 3600 : options.organizations.invitationTtlSeconds,
    allowedDomains: Array.isArray(domains) ? domains.map((d) => String(d).toLowerCase()) : [],
  };
}

/** May an invitation go to this address under the policy? */
export function domainAllowed(policy: InvitationPolicy, email: string): boolean {
  if (policy.allowedDomains.length === 0) return true;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return policy.allowedDomains.includes(domain);
}

/** A fresh token and expiry for an invitation. */
export async function newInvitationToken(c: Context<AppEnv>, policy: InvitationPolicy) {
  const token = generateToken();
  return {
    token,
    tokenHash: await sha256(token),
    expiresAt: new Date(c.var.deps.options.now().getTime() + policy.ttlSeconds * 1000),
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
