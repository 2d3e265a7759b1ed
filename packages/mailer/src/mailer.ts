import nodemailer from 'nodemailer';
import type { Logger } from '@followups/kit';
import { partitionAddresses } from './addresses.js';
import { noValidRecipients, toSendError } from './send-errors.js';
import { parseSmtpUrl } from './smtp-url.js';

/**
 * A task report on its way out.
 * @example { to: ['team@example.com'], subject: 'Follow-ups due today', text: '3 due…', messageId: '<report-2026-11-18@followups.example.com>' }
 */
export interface OutgoingMail {
  /** Bare addresses (`a@example.com`); one that is malformed is skipped and reported in `rejected`. */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** Message-ID to use, e.g. derived from the report's id so a resend is recognisably the same mail; generated when absent. */
  messageId?: string;
}

/** What the server said: `accepted` got the mail, `rejected` did not (refused by the server, or malformed). */
export interface SendResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. "250 OK: queued as 4XkT1". */
  response: string;
}

export interface Mailer {
  /** Sends one mail over a fresh connection. Throws NonRetriableError (5xx, nobody to send to) or a plain Error (try again later). */
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

export interface SmtpTimeouts {
  /** TCP (and TLS) connect. */
  connectMs: number;
  /** From connecting to the server's 220 greeting. */
  greetingMs: number;
  /** Silence on an open connection, e.g. a server that stalls after DATA. */
  socketMs: number;
}

export interface MailerOptions {
  /** SMTP_URL: `smtp://user:pass@host:587`, `smtps://user:pass@host:465`, `smtp://host:25?tls=off` (see README). */
  smtpUrl: string;
  /** The From header, e.g. `Followups <reports@example.com>`. */
  from: string;
  log?: Logger;
  timeouts?: Partial<SmtpTimeouts>;
}

// Nodemailer waits up to 2 minutes to connect and 10 to time out a silent socket; a report that
// cannot go out should fail fast and be retried by the consumer loop instead.
const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

/** A mailer for SMTP_URL. Throws at once if the URL is wrong (see describeSmtpUrl); connects only when sending. */
export function createMailer({ smtpUrl, from, log, timeouts }: MailerOptions): Mailer {
  const smtp = parseSmtpUrl(smtpUrl);
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  // Both the decoded and the URL-encoded password, whichever form a message might echo.
  const secrets = smtp.auth ? [smtp.auth.pass, encodeURIComponent(smtp.auth.pass)] : [];
  const transport = nodemailer.createTransport({
    ...smtp,
    connectionTimeout: t.connectMs,
    greetingTimeout: t.greetingMs,
    socketTimeout: t.socketMs,
    dnsTimeout: t.connectMs,
    // A report is text we wrote; nothing in it should make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    async send(mail) {
      const { valid, invalid } = partitionAddresses(mail.to);
      if (valid.length === 0) throw noValidRecipients(invalid);
      const info = await transport.sendMail({ from, to: valid, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId }).catch((e: unknown) => {
        throw toSendError(e, secrets);
      });
      const result: SendResult = { messageId: info.messageId, accepted: [...info.accepted], rejected: [...info.rejected, ...invalid], response: info.response };
      if (result.rejected.length > 0) log?.warn({ messageId: result.messageId, rejected: result.rejected }, 'mail sent, some recipients rejected');
      log?.info({ messageId: result.messageId, accepted: result.accepted.length }, 'mail sent');
      return result;
    },
    close() {
      transport.close();
    },
  };
}
