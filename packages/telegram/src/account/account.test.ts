import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureStreams } from '@followups/kit';
import { startTestBed, testLogger, waitFor, type NatsBed } from '@followups/kit/testing';
import { streams, subjects, telegramSendReplySchema, telegramStatusSchema, type TelegramSendReply } from '@followups/contracts';
import { createTelegramClient } from '../client.js';
import { startTelegramStandin, type TelegramStandin } from '../standin/index.js';
import { startTelegramAccount, type TelegramAccount } from './account.js';
import type { ClientMessage, OperatorMessage } from './holder.js';

/**
 * The session holder against the Telegram stand-in (GramJS's own client, requests, updates and
 * errors over NATS), on a real nats-server: what the gateway does for a real account.
 */
describe('Telegram account', () => {
  let bed: NatsBed;
  let telegram: TelegramStandin;
  let session: string;
  const log = testLogger('telegram-account');
  const running: TelegramAccount[] = [];
  let n = 0;

  beforeAll(async () => {
    bed = await startTestBed('telegram-account', { database: false });
    await ensureStreams(bed.jsm, ['leases', 'telegram', 'telegramSent', 'attention']);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((a) => a.stop()));
    telegram?.close();
  });
  afterAll(async () => bed?.close());

  /** A fresh Telegram and account name per test; `pacer` lets a test see the waits without waiting. */
  async function start(o: { account?: string; owner?: string; watchdogMs?: number; missedAfterMs?: number; waits?: number[]; fresh?: boolean } = {}) {
    const account = o.account ?? `acc${++n}`;
    if (o.fresh !== false) {
      telegram = startTelegramStandin({ nc: bed.nc });
      session = await telegram.authorizedSession();
    }
    const clients: ClientMessage[] = [];
    const operators: OperatorMessage[] = [];
    let clock = Date.now();
    const a = await startTelegramAccount({
      nc: bed.nc,
      js: bed.js,
      jsm: bed.jsm,
      account,
      owner: o.owner ?? 'gateway-1',
      log,
      createClient: () => createTelegramClient({ apiId: 1, apiHash: 'x', session, server: 'standin', nc: bed.nc }),
      onClientMessage: async (m) => void clients.push(m),
      onOperatorMessage: async (m) => void operators.push(m),
      leaseTtlMs: 900,
      watchdogMs: o.watchdogMs ?? 60_000,
      syncDelayMs: 50,
      ...(o.missedAfterMs !== undefined ? { missedAfterMs: o.missedAfterMs } : {}),
      ...(o.waits
        ? {
            pacer: {
              now: () => clock,
              sleep: async (ms: number) => {
                o.waits!.push(ms);
                clock += ms;
              },
              perChatIntervalMs: 1000,
              perSecond: 1000,
            },
          }
        : {}),
    });
    running.push(a);
    await waitFor('the session is held and serving', async () => a.holding() && (await status(account))?.state === 'connected');
    const send = async (chatId: string, text: string, randomId: string, extra: { readUpTo?: number } = {}): Promise<TelegramSendReply> => {
      const m = await bed.nc.request(subjects.telegramSend(account), JSON.stringify({ chatId, text, randomId, ...extra }), { timeout: 5000 });
      return telegramSendReplySchema.parse(m.json());
    };
    return { account, a, clients, operators, send, advance: (ms: number) => (clock += ms) };
  }
  const status = async (account: string) => {
    const m = await bed.jsm.streams.getMessage(streams.telegram.name, { last_by_subj: subjects.telegramStatus(account) });
    return m ? telegramStatusSchema.parse(m.json()) : null;
  };

  it('a client message becomes one event, also when its update arrives twice and a difference brings it again', async () => {
    const { clients } = await start();
    const id = telegram.clientWrites('4001', 'напишите через неделю', { firstName: 'Ivan', pushTwice: true });
    await waitFor('the message', () => clients.length > 0);
    // The live update is followed by a getDifference that returns the same message: still once.
    await waitFor('a difference after the update', () => telegram.invoked('updates.GetDifference') >= 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(clients.map((c) => [c.chatId, c.messageId, c.text])).toEqual([['4001', id, 'напишите через неделю']]);
    // The sender's name came with the difference's user list; the next message carries it.
    telegram.clientWrites('4001', 'спасибо');
    await waitFor('the second', () => clients.length === 2);
    expect(clients[1]!.from).toEqual({ name: 'Ivan' });
  });

  it("the account's own send never becomes an operator's message; typing on the phone always does", async () => {
    const { send, operators, clients } = await start();
    telegram.clientWrites('4002', 'привет');
    await waitFor('the client', () => clients.length === 1);
    expect(await send('4002', 'Добрый день!', '101', { readUpTo: clients[0]!.messageId })).toMatchObject({ ok: true });
    expect(telegram.readUpTo('4002')).toBe(clients[0]!.messageId);
    const typed = telegram.accountWritesElsewhere('4002', 'Это Анна, я подключилась');
    await waitFor('the operator message', () => operators.length === 1);
    // The difference after it also returns our own send as an outgoing message: not an operator's.
    await waitFor('a difference', () => telegram.invoked('updates.GetDifference') >= 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(operators.map((o) => [o.messageId, o.text])).toEqual([[typed, 'Это Анна, я подключилась']]);
  });

  it('a send retried after its answer was lost is refused as RANDOM_ID_DUPLICATE: delivered once', async () => {
    const { send, clients } = await start();
    telegram.clientWrites('4003', 'ок');
    await waitFor('the client', () => clients.length === 1);
    telegram.loseNextSendReply('4003');
    await expect(send('4003', 'Напоминаю о встрече', '-4512083322870128740')).rejects.toThrow(/timeout/i);
    expect(await send('4003', 'Напоминаю о встрече', '-4512083322870128740')).toEqual({ ok: false, error: 'duplicate', reason: 'RANDOM_ID_DUPLICATE' });
    expect(telegram.sent('4003').map((s) => s.randomId)).toEqual(['-4512083322870128740']);
  }, 15_000);

  it("FLOOD_WAIT_7 on one chat holds that chat's next send for 7 s while another chat's go out", async () => {
    const waits: number[] = [];
    const { send, clients } = await start({ waits });
    telegram.clientWrites('4004', 'a');
    telegram.clientWrites('4005', 'b');
    await waitFor('both clients', () => clients.length === 2);
    telegram.failNextSend('4004', 420, 'FLOOD_WAIT_7');
    expect(await send('4004', 'first', '201')).toEqual({ ok: false, error: 'flood_wait', reason: 'FLOOD_WAIT_7', retryAfterMs: 7000 });
    expect(await send('4005', 'other chat', '202')).toMatchObject({ ok: true });
    // Only the account budget's gap (1 ms at 1,000 a second) before the other chat's send.
    expect(waits.every((w) => w <= 1)).toBe(true);
    expect(await send('4004', 'first', '201')).toMatchObject({ ok: true });
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(6990);
    expect(telegram.sent().map((s) => s.text)).toEqual(['other chat', 'first']);
  });

  it('each permanent error is answered as permanent with its reason; a revoked session alerts and says so', async () => {
    const { send, clients, account } = await start();
    for (const [i, code] of ['USER_IS_BLOCKED', 'INPUT_USER_DEACTIVATED', 'PEER_ID_INVALID', 'USER_PRIVACY_RESTRICTED'].entries()) {
      telegram.clientWrites(`41${i}`, 'hi');
      await waitFor('the client', () => clients.some((c) => c.chatId === `41${i}`));
      telegram.failNextSend(`41${i}`, 400, code);
      expect(await send(`41${i}`, 'x', String(300 + i))).toEqual({ ok: false, error: 'permanent', reason: code });
    }
    expect(await send('999999', 'to a stranger', '399')).toMatchObject({ ok: false, error: 'permanent', reason: expect.stringMatching(/^PEER_ID_INVALID/) });

    telegram.revokeSessions();
    expect(await send('410', 'after revocation', '400')).toMatchObject({ ok: false, error: 'session' });
    expect(await status(account)).toMatchObject({ state: 'revoked', reason: 'SESSION_REVOKED' });
    const alert = await bed.jsm.streams.getMessage(streams.attention.name, { last_by_subj: subjects.opsAttention('410') });
    expect(alert?.json()).toMatchObject({ reason: 'session_revoked', text: 'after revocation', by: 'gateway' });
    // Stays stopped: no retry against a dead session.
    expect(await send('411', 'again', '401')).toMatchObject({ ok: false, error: 'session' });
    expect(telegram.sent()).toHaveLength(0);
  });

  it("updates missed while disconnected are caught up through getDifference on the next start; the last holder's sends are still its own", async () => {
    const first = await start({ account: 'catchup' });
    telegram.clientWrites('4201', 'до остановки');
    await waitFor('first', () => first.clients.length === 1);
    // Sent by the first holder, its answer lost before the message id was recorded: the next
    // holder's catch-up brings it back as an outgoing message, still not an operator's.
    telegram.loseNextSendReply('4201');
    await expect(first.send('4201', 'Спасибо, напишу в пятницу', '501')).rejects.toThrow(/timeout/i);
    expect(await first.send('4201', 'Добрый день', '502')).toMatchObject({ ok: true });
    await first.a.stop();
    running.splice(running.indexOf(first.a), 1);
    const missed = [telegram.clientWrites('4201', 'пока вас не было'), telegram.clientWrites('4202', 'и я писал')];
    const second = await start({ account: 'catchup', owner: 'gateway-2', fresh: false });
    await waitFor('caught up', () => second.clients.length === 2);
    expect(second.clients.map((c) => c.messageId)).toEqual(missed);
    telegram.accountWritesElsewhere('4201', 'Спасибо, напишу в пятницу'); // the manager, in the same words
    await waitFor('the operator', () => second.operators.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(second.operators.map((o) => o.text)).toEqual(['Спасибо, напишу в пятницу']);
  });

  it('a client from before the account was connected is reached through the recent dialogs', async () => {
    telegram = startTelegramStandin({ nc: bed.nc });
    session = await telegram.authorizedSession();
    telegram.clientWrites('4401', 'давно писал'); // history: the first start does not replay it
    const { send, clients } = await start({ fresh: false });
    expect(await send('4401', 'Добрый день! Вы спрашивали о поставке', '601')).toMatchObject({ ok: true });
    expect(clients).toEqual([]);
    expect(telegram.invoked('messages.GetDialogs')).toBe(1);
  });

  it('the watchdog reconnects a connection that stays up but stopped delivering updates', async () => {
    const { clients } = await start({ watchdogMs: 300, missedAfterMs: 0 });
    telegram.pauseUpdates();
    const id = telegram.clientWrites('4301', 'а вы тут?');
    await waitFor('found by the watchdog', () => clients.length === 1, 5000);
    expect(clients[0]!.messageId).toBe(id);
    telegram.resumeUpdates();
    await waitFor('reconnected', () => telegram.invoked('updates.GetDifference') > 0 && telegram.liveConnections() === 1);
  });
});
