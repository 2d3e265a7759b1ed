import net from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { isNonRetriableError } from '@followups/kit';
import { createMailer, type MailerOptions } from './mailer.js';
import { startSmtpSink, type SmtpSink } from './testing/index.js';

const PASSWORD = 'Pa55w0rd-xyzzy';
const report = { to: ['anna@team.test'], subject: 'Due today', text: 'x' };
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<SmtpSink> {
  const s = await startSmtpSink(options);
  cleanup.push(() => s.stop());
  return s;
}

/** What `send` threw, and its whole printed form (cause chain included) for the password check. */
async function failure(options: MailerOptions, mail: { to: string[]; subject: string; text: string } = report) {
  const mailer = createMailer(options);
  cleanup.push(() => mailer.close());
  const error = await mailer.send(mail).then(
    () => expect.fail('send should have failed'),
    (e: unknown) => e as Error,
  );
  return { error, printed: inspect(error, { depth: 10 }) };
}

describe('a failed send says whether to retry', () => {
  it('a 550 recipient is permanent, with the code and the server text', async () => {
    const s = await sink({ rejectRecipients: () => ({ code: 550, message: '5.1.1 no such user' }) });
    const { error } = await failure({ smtpUrl: s.url, from: 'reports@followups.test' });
    expect(isNonRetriableError(error)).toBe(true);
    expect(error.message).toBe('SMTP RCPT TO <anna@team.test>: 550 5.1.1 no such user');
    expect(s.messages).toEqual([]);
  });

  it('every recipient refused, each differently: all reasons are in the message', async () => {
    const s = await sink({ rejectRecipients: (a) => (a.startsWith('a') ? { code: 550, message: '5.1.1 no such user' } : { code: 553, message: '5.1.3 bad mailbox' }) });
    const { error } = await failure({ smtpUrl: s.url, from: 'reports@followups.test' }, { ...report, to: ['anna@team.test', 'boris@team.test'] });
    expect(isNonRetriableError(error)).toBe(true);
    expect(error.message).toMatch(/<anna@team\.test> 550 5\.1\.1 no such user; <boris@team\.test> 553 5\.1\.3 bad mailbox/);
  });

  it('a 451 is temporary: an ordinary error, and the next attempt goes through', async () => {
    const s = await sink({ failNext: 1 });
    const options = { smtpUrl: s.url, from: 'reports@followups.test' };
    const { error } = await failure(options);
    expect(error).toBeInstanceOf(Error);
    expect(isNonRetriableError(error)).toBe(false);
    expect(error.message).toContain('451 4.3.0 try again later');
    await createMailer(options).send(report);
    expect((await s.waitFor(1)).map((m) => m.subject)).toEqual(['Due today']);
  });

  it('a deferred recipient next to a refused one is worth a retry', async () => {
    const s = await sink({ rejectRecipients: (a) => (a.startsWith('a') ? { code: 550, message: '5.1.1 no such user' } : { code: 450, message: '4.2.1 mailbox busy' }) });
    const { error } = await failure({ smtpUrl: s.url, from: 'reports@followups.test' }, { ...report, to: ['anna@team.test', 'boris@team.test'] });
    expect(isNonRetriableError(error)).toBe(false);
  });

  it('nothing listening on the port is retryable', async () => {
    const s = await startSmtpSink();
    await s.stop(); // the port was free a moment ago and is closed now
    const { error } = await failure({ smtpUrl: `smtp://127.0.0.1:${s.port}?tls=off`, from: 'reports@followups.test' });
    expect(isNonRetriableError(error)).toBe(false);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('a server that never greets times out, retryably', async () => {
    const silent = net.createServer(() => {}); // accepts, says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const sockets = new Set<net.Socket>();
    silent.on('connection', (c) => sockets.add(c));
    cleanup.push(() => new Promise<void>((resolve) => { for (const c of sockets) c.destroy(); silent.close(() => resolve()); }));
    const port = (silent.address() as net.AddressInfo).port;
    const started = Date.now();
    const { error } = await failure({ smtpUrl: `smtp://127.0.0.1:${port}?tls=off`, from: 'reports@followups.test', timeouts: { greetingMs: 300 } });
    expect(isNonRetriableError(error)).toBe(false);
    expect(error.message).toMatch(/ETIMEDOUT|[Gg]reeting/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a host DNS does not know is retryable', async () => {
    const { error } = await failure({ smtpUrl: 'smtp://no-such-host.invalid:25?tls=off', from: 'reports@followups.test', timeouts: { connectMs: 3_000 } });
    expect(isNonRetriableError(error)).toBe(false);
    expect(error.message).toMatch(/ENOTFOUND|EAI_AGAIN|EDNS/);
  });

  it('no well-formed recipient at all is permanent, without connecting', async () => {
    const s = await sink();
    const { error } = await failure({ smtpUrl: s.url, from: 'reports@followups.test' }, { ...report, to: ['not an address', 'a@b, c@d'] });
    expect(isNonRetriableError(error)).toBe(true);
    expect(error.message).toBe('no valid recipient address: "not an address", "a@b, c@d"');
  });
});

describe('SMTP authentication', () => {
  const requireAuth = { user: 'reports@followups.test', pass: PASSWORD };

  it('the right password gets the mail through', async () => {
    const s = await sink({ requireAuth });
    expect(s.url).toContain(encodeURIComponent(PASSWORD));
    const mailer = createMailer({ smtpUrl: s.url, from: 'reports@followups.test' });
    cleanup.push(() => mailer.close());
    await mailer.send(report);
    expect((await s.waitFor(1))[0]!.subject).toBe('Due today');
  });

  it('a wrong password is a permanent 535 that never shows the password', async () => {
    const s = await sink({ requireAuth });
    const wrong = `${PASSWORD}-old`;
    const { error, printed } = await failure({ smtpUrl: `smtp://reports%40followups.test:${encodeURIComponent(wrong)}@127.0.0.1:${s.port}?tls=off`, from: 'reports@followups.test' });
    expect(isNonRetriableError(error)).toBe(true);
    expect(error.message).toContain('535 5.7.8 authentication failed');
    expect(printed).not.toContain(wrong);
    expect(printed).not.toContain(PASSWORD);
  });

  it('no credentials where they are required is permanent (530)', async () => {
    const s = await sink({ requireAuth });
    const { error } = await failure({ smtpUrl: `smtp://127.0.0.1:${s.port}?tls=off`, from: 'reports@followups.test' });
    expect(isNonRetriableError(error)).toBe(true);
    expect(error.message).toMatch(/530/);
  });

  it('no error of any kind carries the password', async () => {
    const refusing = await sink({ requireAuth, rejectRecipients: () => ({ code: 550, message: '5.1.1 no such user' }) });
    const busy = await sink({ requireAuth, failNext: 1 });
    const closed = await startSmtpSink();
    await closed.stop();
    const withPassword = (port: number) => `smtp://reports%40followups.test:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}?tls=off`;
    for (const port of [refusing.port, busy.port, closed.port]) {
      const { error, printed } = await failure({ smtpUrl: withPassword(port), from: 'reports@followups.test' });
      expect(error.message.length).toBeGreaterThan(0);
      expect(printed).not.toContain(PASSWORD);
      expect(printed).not.toContain(encodeURIComponent(PASSWORD));
    }
  });
});
