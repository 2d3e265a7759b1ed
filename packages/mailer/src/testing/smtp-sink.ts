import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseReceived, type Received } from './received.js';

/** An SMTP reply the sink answers with instead of accepting, e.g. `{ code: 550, message: '5.1.1 no such user' }` → "550 5.1.1 no such user". */
export interface SmtpReply {
  code: number;
  message: string;
}

export interface SmtpSinkOptions {
  /** Refuse RCPT TO for some addresses (null accepts). */
  rejectRecipients?: (address: string) => SmtpReply | null;
  /** Answer the next N transactions' MAIL FROM with "451 4.3.0 try again later". */
  failNext?: number;
  /** Refuse unauthenticated mail (530) and any other credentials (535). */
  requireAuth?: { user: string; pass: string };
}

export interface SmtpSink {
  /** SMTP_URL that reaches the sink (plain SMTP, `?tls=off`), with requireAuth's credentials when given. */
  url: string;
  port: number;
  /** Every message accepted so far, in arrival order. */
  messages: Received[];
  /** Resolves with the messages once at least `n` arrived; rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  stop(): Promise<void>;
}

const TRY_LATER: SmtpReply = { code: 451, message: '4.3.0 try again later' };

/**
 * A real SMTP server on 127.0.0.1 and a free port that keeps what it receives, for tests of
 * anything that mails. No TLS (STARTTLS is not offered), so it is reached with `?tls=off`.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: Received[] = [];
  const waiters = new Set<() => void>();
  let failuresLeft = options.failNext ?? 0;
  const auth = options.requireAuth;

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: !auth,
    allowInsecureAuth: true, // credentials in clear text: fine on loopback, and the point of the auth tests
    disableReverseLookup: true,
    closeTimeout: 500,
    onAuth(login, _session, done) {
      if (!auth || (login.username === auth.user && login.password === auth.pass)) return done(null, { user: login.username });
      done(replyError({ code: 535, message: '5.7.8 authentication failed' }));
    },
    onMailFrom(_address, _session, done) {
      if (failuresLeft <= 0) return done();
      failuresLeft -= 1;
      done(replyError(TRY_LATER));
    },
    onRcptTo(address, _session, done) {
      const refusal = options.rejectRecipients?.(address.address);
      done(refusal ? replyError(refusal) : undefined);
    },
    onData(stream, session, done) {
      const { mailFrom, rcptTo } = session.envelope;
      parseReceived(stream, { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r) => r.address) }).then(
        (received) => {
          messages.push(received);
          for (const wake of waiters) wake();
          done();
        },
        (e: unknown) => done(e as Error),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {}); // a client dropping mid-session is the tests' business, not a crash
  const port = (server.server.address() as AddressInfo).port;
  const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@` : '';
  let stopped: Promise<void> | undefined;

  return {
    url: `smtp://${credentials}127.0.0.1:${port}?tls=off`,
    port,
    messages,
    waitFor(n, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < n) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: expected ${n} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopped;
    },
  };
}

function replyError({ code, message }: SmtpReply): Error {
  return Object.assign(new Error(message), { responseCode: code });
}
