import nodemailer from 'nodemailer';
import type { MailTransport } from './mailer.js';

/** An SMTP transport for `mail.smtpUrl` (Node entry). */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}
