import { inspect } from 'node:util';
import { NonRetriableError } from '@followups/kit';

/**
 * Nodemailer's failures, as the kit's consumer loop understands them. A reply from the server
 * decides by its class (RFC 5321: 5yz permanent, 4yz transient); without a reply, nodemailer's
 * code tells a mail that can never go out as it is from a network that may work in a minute.
 */

/** Codes nodemailer sets before the server had a say: the message or the credentials are wrong, sending it again changes nothing. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EAUTH', 'ENOAUTH', 'ECONFIG', 'EREQUIRETLS', 'EMAXRECIPIENTS']);

/** The fields nodemailer puts on its errors (its NodemailerError), all optional. */
interface SmtpFailure {
  message?: string;
  code?: string;
  originalCode?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
  rejectedErrors?: SmtpFailure[];
  recipient?: string;
}

/**
 * The error `send` throws: NonRetriableError for a 5xx reply (503 aside, see below) or a mail
 * that is wrong in itself, an ordinary Error for a 4xx reply, a refused or dropped connection, a
 * timeout or a DNS failure. The message carries the server's reply ("550 5.1.1 no such user")
 * with every `secrets` string (the SMTP password) cut out.
 */
export function toSendError(e: unknown, secrets: readonly string[]): Error {
  const failure = (e ?? {}) as SmtpFailure;
  const reason = redact(describeFailure(failure), secrets);
  // The original stays attached for debugging unless it shows a secret (a server that echoes
  // what it got): loggers print the cause chain, and the reason already says what happened.
  const cause = secrets.some((s) => s && inspect(e, { depth: 4 }).includes(s)) ? undefined : e;
  return isPermanent(failure) ? new NonRetriableError(reason, { cause }) : new Error(reason, { cause });
}

/** A mail nobody can receive: every address was refused before a connection was even opened. */
export function noValidRecipients(invalid: readonly string[]): NonRetriableError {
  return new NonRetriableError(`no valid recipient address: ${invalid.map((a) => JSON.stringify(a)).join(', ') || 'none given'}`);
}

function isPermanent(f: SmtpFailure): boolean {
  // Nodemailer sets `permanent` with every reply; it keeps 503 (bad sequence of commands)
  // transient, since that is the session's state, not the message, and a new connection may pass.
  if (typeof f.responseCode === 'number') return f.permanent ?? (f.responseCode >= 500 && f.responseCode !== 503);
  return PERMANENT_CODES.has(f.code ?? '');
}

function describeFailure(f: SmtpFailure): string {
  const refused = (f.rejectedErrors ?? []).filter((r) => r.recipient && r.response);
  if (refused.length > 1) return `SMTP RCPT TO refused every recipient: ${refused.map((r) => `<${r.recipient}> ${r.response}`).join('; ')}`;
  if (f.response) return `SMTP ${f.command ?? 'reply'}${refused[0] ? ` <${refused[0].recipient}>` : ''}: ${f.response}`;
  const code = f.originalCode ?? f.code;
  return `SMTP: ${f.message || 'failed'}${code && !f.message?.includes(code) ? ` (${code})` : ''}`;
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((t, s) => t.split(s).join('***'), text);
}
