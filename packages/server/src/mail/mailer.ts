import { ApiError } from '../errors/api-error.js';
import { ErrorCode } from '../errors/error-codes.js';
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

/**
 * Sends mail over SMTP, or stores it in the dev outbox table (outside production only). In
 * production without SMTP it is `disabled`: flows that mail a link are refused with
 * `MAIL_NOT_CONFIGURED` instead of keeping their tokens readable in a table.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox' | 'disabled';
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

/** 503 `MAIL_NOT_CONFIGURED` unless the mailer can deliver; call before a mail flow does anything. */
export function requireMailDelivery(mailer: Mailer): void {
  if (mailer.kind === 'disabled') throw mailNotConfigured();
}

const mailNotConfigured = () =>
  new ApiError(
    503,
    ErrorCode.MAIL_NOT_CONFIGURED,
    'This server cannot send e-mail (no SMTP configured), so links cannot be mailed.',
  );

/**
 * `options.transport`, else SMTP at `options.smtpUrl` through `smtp` (the Node entry's
 * nodemailer), else the outbox table — never in production, where mail is then disabled.
 * SMTP is loaded only when configured.
 */
export function createMailer(
  options: MailOptions & { from: string },
  defaultStore: Store,
  production: boolean,
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
  if (production) {
    return {
      kind: 'disabled',
      async send() {
        throw mailNotConfigured();
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
