import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streams, subjects } from '@followups/contracts';
import { ensureStreams } from '@followups/kit';
import { sleep, waitFor } from '@followups/kit/testing';
import { startTelegramStandin, type TelegramStandin } from '@followups/telegram/standin';
import { startAll, startStack, type Stack } from '../support/stack.js';
import { actionsOf, dbNow, newChatId, scheduleFollowUp, waitForStatus } from '../support/sandbox-client.js';
import { standinEnv, waitForTelegramConnected } from '../support/telegram.js';

/**
 * The whole stack as processes with TRANSPORT=telegram, the gateway's GramJS client talking to
 * the Telegram stand-in: the walkthrough conversation as a sales account lives it.
 */
describe('end to end through a Telegram account (stand-in)', () => {
  let stack: Stack;
  let telegram: TelegramStandin;
  let telegramEnv: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack('e2e_telegram');
    await ensureStreams(stack.jsm, ['telegram', 'leases', 'telegramSent']);
    telegram = startTelegramStandin({ nc: stack.nc });
    telegramEnv = { ...(await standinEnv(telegram)), TELEGRAM_PER_CHAT_INTERVAL_MS: '200' };
    await startAll(stack, { gateway: telegramEnv, dispatcher: { TRANSPORT: 'telegram', TELEGRAM_SEND_TIMEOUT_MS: '1500' } });
    await waitForTelegramConnected(stack.jsm);
  }, 90_000);
  afterAll(async () => {
    await stack?.close();
    telegram?.close();
  });

  const sentTexts = (chatId: string) => telegram.sent(chatId).map((s) => s.text);
  const waitForSent = (chatId: string, match: (t: string) => boolean, what: string) => waitFor(what, () => telegram.sent(chatId).find((s) => match(s.text)), 20_000);

  it('the walkthrough: asked to write in 2 minutes, confirmed and marked read; the next message cancels; a due follow-up goes out once', async () => {
    const chat = newChatId();
    const asked = telegram.clientWrites(chat, 'Спасибо, подумаю. Напиши через 2 минуты', { firstName: 'Иван' });
    const confirmation = await waitForSent(chat, (t) => t.startsWith('Хорошо'), 'the confirmation');
    expect(confirmation.text).toMatch(/напишу вам/);
    expect(telegram.readUpTo(chat)).toBe(asked);
    const followUp = await waitFor('the follow-up', async () => (await actionsOf(stack.db, chat)).find((a) => a.status === 'pending'));

    telegram.clientWrites(chat, 'А какие есть варианты на март?');
    expect((await waitForStatus(stack.db, followUp.id, 'cancelled')).cancel_reason).toBe('client_replied');

    const due = await scheduleFollowUp(stack.js, stack.db, chat, new Date((await dbNow(stack.db)).getTime() + 1500), 'Как вам варианты, удалось посмотреть?');
    await waitForStatus(stack.db, due.id, 'sent', 20_000);
    await sleep(1000);
    expect(sentTexts(chat).filter((t) => t === 'Как вам варианты, удалось посмотреть?')).toHaveLength(1);
    // The bot's own sends, seen again in every getDifference, never became a takeover.
    const takeover = await stack.jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsTakeover(chat) });
    expect(takeover).toBeNull();
    // The session string is the account's key: never in a log.
    expect(stack.logs('gateway')).not.toContain(telegramEnv.TELEGRAM_SESSION!.slice(0, 40));
  });

  it('the manager typing on the phone takes the chat over: pending follow-ups stop, the agent falls silent', async () => {
    const chat = newChatId();
    telegram.clientWrites(chat, 'добрый день');
    await waitForSent(chat, () => true, 'a first answer');
    const pending = await scheduleFollowUp(stack.js, stack.db, chat, new Date(Date.now() + 60_000), 'Как дела?');

    telegram.accountWritesElsewhere(chat, 'Иван, это Анна, давайте созвонимся');
    expect((await waitForStatus(stack.db, pending.id, 'cancelled')).cancel_reason).toBe('human_takeover');
    // Recorded in OPS by the scheduler from the gateway's conv.out (the gateway may not publish there).
    const takeover = await waitFor('the takeover', () => stack.jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsTakeover(chat) }));
    expect(takeover!.json()).toMatchObject({ operator: 'telegram-app', reason: 'operator_message' });

    const before = telegram.sent(chat).length;
    telegram.clientWrites(chat, 'Напиши через час');
    await sleep(2500);
    expect(telegram.sent(chat)).toHaveLength(before);
  });

  /** A chat the account has heard from (so it holds the client's access hash), and a follow-up due now. */
  async function dueNow(text: string, before?: (chat: string) => void) {
    const chat = newChatId();
    telegram.clientWrites(chat, 'здравствуйте');
    await waitForSent(chat, () => true, 'a first answer');
    before?.(chat);
    const action = await scheduleFollowUp(stack.js, stack.db, chat, new Date((await dbNow(stack.db)).getTime() + 500), text);
    return { chat, action };
  }

  it('a send whose answer was lost is retried with the same random id, refused as RANDOM_ID_DUPLICATE, and ends sent: delivered once', async () => {
    const { chat, action } = await dueNow('Напоминаю: завтра встреча в 11:00', (c) => telegram.loseNextSendReply(c));
    const row = await waitForStatus(stack.db, action.id, 'sent', 30_000);
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(sentTexts(chat).filter((t) => t.startsWith('Напоминаю'))).toHaveLength(1);
  }, 40_000);

  it('each permanent Telegram error ends the action failed with its reason, without a retry', async () => {
    for (const code of ['USER_IS_BLOCKED', 'INPUT_USER_DEACTIVATED', 'USER_PRIVACY_RESTRICTED']) {
      const { action } = await dueNow(`Как вам предложение? (${code})`, (c) => telegram.failNextSend(c, 400, code));
      const row = await waitForStatus(stack.db, action.id, 'failed', 20_000);
      expect([row.cancel_reason, row.attempts]).toEqual([code, 1]);
    }
  }, 60_000);

  it('FLOOD_WAIT_3 on a chat sends its follow-up after the wait, without using up an attempt', async () => {
    const { chat, action } = await dueNow('Вы смотрели варианты?', (c) => telegram.failNextSend(c, 420, 'FLOOD_WAIT_3'));
    const row = await waitForStatus(stack.db, action.id, 'sent', 20_000);
    const sent = telegram.sent(chat).find((s) => s.text.startsWith('Вы смотрели'))!;
    expect(sent.at.getTime() - row.due_at.getTime()).toBeGreaterThanOrEqual(3000);
    expect(row.attempts).toBe(1);
  }, 30_000);

  it('a client who wrote while the gateway was down is answered when it is back, and the follow-up due meanwhile is not sent', async () => {
    const chat = newChatId();
    telegram.clientWrites(chat, 'здравствуйте');
    await waitForSent(chat, () => true, 'a first answer');
    const due = await scheduleFollowUp(stack.js, stack.db, chat, new Date((await dbNow(stack.db)).getTime() + 2000), 'Напоминаю о себе');

    await stack.stop('gateway');
    await waitFor('no holder', () => telegram.liveConnections() === 0, 10_000);
    telegram.clientWrites(chat, 'Я тут, напишите завтра в 11');
    await sleep(3500); // the follow-up fell due; its sends find no session holder and wait
    await stack.start('gateway', telegramEnv);

    expect((await waitForStatus(stack.db, due.id, 'cancelled', 30_000)).cancel_reason).toBe('client_replied');
    await waitForSent(chat, (t) => /11:00/.test(t), 'the answer to the message written while down');
    expect(sentTexts(chat)).not.toContain('Напоминаю о себе');
  }, 60_000);
});
