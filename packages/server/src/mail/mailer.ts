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

/** Delivers one message (a nodemailer transport fits). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
  }): Promise<unknown>;
}

/**
 * `options.transport`, else SMTP at `options.smtpUrl` through `smtp` (the Node entry's
 * nodemailer), else the outbox table. SMTP is loaded only when configured.
 */
export function createMailer(
  options: MailOptions & { from: string },
  defaultStore: Store,
  smtp?: (url: string) => MailTransport,
): Mailer {
  if (options.smtpUrl && !options.transport && !smtp) {
    throw new Error('mail.smtpUrl needs the Node entry of @orgkit/server, or pass mail.transport.');
  }
  const transport =
    options.transport ?? (options.smtpUrl && smtp ? smtp(options.smtpUrl) : undefined);
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
