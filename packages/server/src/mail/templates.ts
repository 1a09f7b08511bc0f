import type { MailMessage } from './mailer.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The invitation e-mail with its activation link. */
export function invitationMail(input: {
  to: string;
  orgName: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  const who = input.inviterName || 'Someone';
  return {
    to: input.to,
    subject: `${who} invited you to ${input.orgName}`,
    text: `${who} invited you to join ${input.orgName}.\n\nAccept the invitation: ${input.link}\n\nThe link expires on ${input.expiresAt.toISOString()}.`,
    html: `<p>${escapeHtml(who)} invited you to join <b>${escapeHtml(input.orgName)}</b>.</p><p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>`,
    meta: { kind: 'invitation', link: input.link },
  };
}

/** The password reset e-mail with its single-use link. */
export function passwordResetMail(input: {
  to: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  return {
    to: input.to,
    subject: 'Reset your password',
    text: `Someone asked to reset the password of this account.\n\nChoose a new password: ${input.link}\n\nThe link works once and expires on ${input.expiresAt.toISOString()}. If it was not you, ignore this mail.`,
    html: `<p>Someone asked to reset the password of this account.</p><p><a href="${escapeHtml(input.link)}">Choose a new password</a></p><p>If it was not you, ignore this mail.</p>`,
    meta: { kind: 'password_reset', link: input.link },
  };
}
