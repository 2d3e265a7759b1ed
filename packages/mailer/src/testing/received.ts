import { simpleParser, type AddressObject } from 'mailparser';
import type { Readable } from 'node:stream';

/** One message as the sink got it: the parsed headers and body, plus the SMTP envelope. */
export interface Received {
  /** The From header's address. */
  from: string;
  /** The To header's addresses, in order. */
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** With its angle brackets, e.g. `<report-1@followups.test>`. */
  messageId: string;
  /** Raw header values by lower-case name (the first of a repeated header), unfolded. */
  headers: ReadonlyMap<string, string>;
  /** MAIL FROM and the RCPT TO addresses the sink accepted: who actually got it, as opposed to who the header names. */
  envelope: { from: string; to: string[] };
}

/** Parses a message off the DATA stream. */
export async function parseReceived(stream: Readable, envelope: Received['envelope']): Promise<Received> {
  const mail = await simpleParser(stream);
  const headers = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (!headers.has(key)) headers.set(key, line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  return {
    from: addresses(mail.from)[0] ?? '',
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    ...(mail.html ? { html: mail.html } : {}),
    messageId: mail.messageId ?? '',
    headers,
    envelope,
  };
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  return [header ?? []].flat().flatMap((h) => h.value.map((v) => v.address ?? ''));
}
