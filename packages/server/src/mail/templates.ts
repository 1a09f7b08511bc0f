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

/** The activation e-mail: proves the address of an account someone else created, or a sign-up. */
export function activationMail(input: { to: string; link: string; expiresAt: Date }): MailMessage {
  return {
    to: input.to,
    subject: 'Activate your account',
    text: `An account was created for this address.\n\nActivate it: ${input.link}\n\nThe link works once and expires on ${input.expiresAt.toISOString()}. Until then the account cannot sign in. If you did not expect this, ignore this mail.`,
    html: `<p>An account was created for this address.</p><p><a href="${escapeHtml(input.link)}">Activate it</a></p><p>Until then the account cannot sign in. If you did not expect this, ignore this mail.</p>`,
    meta: { kind: 'activation', link: input.link },
  };
}

/** Sent instead of a second account when someone signs up with an address that has one. */
export function signUpExistingMail(input: {
  to: string;
  signInLink: string;
  resetLink: string;
}): MailMessage {
  return {
    to: input.to,
    subject: 'Someone tried to sign up with your address',
    text: `Someone tried to create an account with this address, which already has one.\n\nIf it was you, sign in: ${input.signInLink}\nForgot the password? ${input.resetLink}\n\nIf it was not you, ignore this mail: nothing changed.`,
    meta: { kind: 'sign_up_existing', link: input.signInLink },
  };
}
