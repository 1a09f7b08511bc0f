import nodemailer from 'nodemailer';
import type { MailOptions } from '../options.js';
import type { Store } from '../store/store.js';

/** A message to send. `meta` records what it is for (kind, link) in the dev outbox. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly meta?: Record<string, string>;
}

/** Sends mail over SMTP, or stores it in the dev outbox. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /**
   * Sends `message`. The outbox writes through `store`, so pass the transaction's store to make
   * the mail part of the mutation; SMTP delivery happens immediately.
   */
  send(message: MailMessage, store?: Store): Promise<void>;
}

/** SMTP via nodemailer when configured, else the outbox table. */
export function createMailer(options: MailOptions & { from: string }, defaultStore: Store): Mailer {
  const transport =
    options.transport ??
    (options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined);
  if (transport) {
    return {
      kind: 'smtp',
      async send(message) {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
        });
      },
    };
  }
  return {
    kind: 'outbox',
    async send(message, store = defaultStore) {
      await store.outbox.add({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        ...(message.meta ? { meta: message.meta } : {}),
      });
    },
  };
}
