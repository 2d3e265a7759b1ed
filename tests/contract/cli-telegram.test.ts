import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStreams } from '@followups/kit';
import { startTestBed, type NatsBed } from '@followups/kit/testing';
import { startTelegramStandin, type TelegramStandin } from '@followups/telegram/standin';
import { run, type Io } from '@followups/cli';

/**
 * `followups telegram login|whoami|status` against the Telegram stand-in: GramJS's own login flow
 * (auth.sendCode, auth.signIn, two-step verification checked by SRP as Telegram does it).
 */
describe('followups telegram', () => {
  let bed: NatsBed;
  let telegram: TelegramStandin;
  beforeAll(async () => {
    bed = await startTestBed('cli_telegram', { database: false });
    await ensureStreams(bed.jsm, ['telegram']);
    telegram = startTelegramStandin({ nc: bed.nc, login: { phone: '+79990000001', code: '24680', password: 'correct horse', passwordHint: 'horse' } });
  });
  afterAll(async () => {
    telegram?.close();
    await bed?.close();
  });

  /** Runs a command with `answers` typed one per line, as a person at a terminal would. */
  async function cli(argv: string[], { answers = [] as string[], env = {} as Record<string, string> } = {}) {
    const text = { out: '', err: '' };
    const stdin = new PassThrough();
    stdin.end(answers.map((a) => `${a}\n`).join(''));
    const io: Io = {
      stdout: { write: (s: string) => (text.out += s) },
      stderr: { write: (s: string) => (text.err += s) },
      env: { NATS_URL: bed.server.url, LOG_LEVEL: 'silent', TELEGRAM_SERVER: 'standin', TELEGRAM_API_ID: '12345', TELEGRAM_API_HASH: '0123456789abcdef0123456789abcdef', ...env },
      clock: () => new Date(),
      stdin,
    };
    const code = await run(argv, io);
    return { code, ...text };
  }

  it('login re-asks a bad number, a wrong code and a wrong password, then prints only the session string on stdout', async () => {
    const r = await cli(['telegram', 'login'], { answers: ['12345', '+79990000001', '11111', '24680', 'wrong', 'correct horse'] });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/international format with the country code/);
    expect(r.err).toMatch(/That code is wrong/);
    expect(r.err).toMatch(/Two-step verification is on\. Password \(hint: horse\)/);
    expect(r.err).toMatch(/Wrong two-step verification password/);
    expect(r.err).toMatch(/Logged in as Anna \(@anna_sales\), id 5000001/);
    const session = r.out.trim();
    expect(session).toMatch(/^1[A-Za-z0-9+/=_-]{100,}$/);
    expect(r.err).not.toContain(session);

    // The printed session logs in; whoami says as whom.
    const who = await cli(['telegram', 'whoami', '--json'], { env: { TELEGRAM_SESSION: session } });
    expect([who.code, JSON.parse(who.out)]).toEqual([0, { valid: true, user: { id: '5000001', name: 'Anna', username: 'anna_sales', phone: '+79990000001' } }]);
  }, 30_000);

  it('login stops with a clear message when the input ends, and without credentials says where to get them', async () => {
    const ended = await cli(['telegram', 'login'], { answers: ['+79990000001'] });
    expect([ended.code, ended.out]).toEqual([1, '']);
    expect(ended.err).toMatch(/cancelled: the input ended/);
    const bare = await cli(['telegram', 'login'], { env: { TELEGRAM_API_ID: '', TELEGRAM_API_HASH: '' } });
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/my\.telegram\.org/);
  }, 30_000);

  it('whoami says a revoked session is invalid (exit 1); status reports what the gateway last said', async () => {
    const session = await telegram.authorizedSession();
    telegram.revokeSessions();
    const who = await cli(['telegram', 'whoami'], { env: { TELEGRAM_SESSION: session } });
    expect(who.code).toBe(1);
    expect(who.err).toMatch(/invalid: the session no longer logs in \(SESSION_REVOKED\)/);

    const none = await cli(['telegram', 'status'], { env: { TELEGRAM_ACCOUNT: 'nobody' } });
    expect([none.code, none.out]).toEqual([1, 'nobody: no gateway has reported on this account (is one running with TRANSPORT=telegram?)\n']);
    await bed.js.publish('telegram.status.sales', JSON.stringify({ account: 'sales', state: 'revoked', owner: 'gateway-2', at: new Date().toISOString(), reason: 'SESSION_REVOKED' }));
    const revoked = await cli(['telegram', 'status']);
    expect(revoked.code).toBe(1);
    expect(revoked.out).toMatch(/^sales: revoked, held by gateway-2, reported .*\n {2}the session was revoked \(SESSION_REVOKED\)/);
    const json = await cli(['telegram', 'status', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ account: 'sales', state: 'revoked' });
  }, 30_000);
});
