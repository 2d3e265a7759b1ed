import { metrics } from '@followups/kit';
import { classifySendError } from './errors.js';

export interface SendPacerOptions {
  /** Least time between two sends to one chat (Telegram allows about one message a second). */
  perChatIntervalMs?: number;
  /** Sends per second across the account. */
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendPacer {
  /**
   * Runs a send for `chatId` when that chat and the account may send again. A `FLOOD_WAIT_X` from
   * it pauses that chat for X seconds (its later sends wait; other chats go on) and is rethrown, so
   * the caller retries the message after the wait.
   */
  send<T>(chatId: string, fn: () => Promise<T>): Promise<T>;
  /** When the chat may send next (ms since the epoch), for tests and health. */
  nextFor(chatId: string): number;
}

/**
 * Paces sends per chat and per account, as Telegram wants them, without one slow chat holding
 * the others: each chat waits for its own next slot, and the account's slots are handed out in
 * order of request at `perSecond`.
 */
export function createSendPacer(o: SendPacerOptions = {}): SendPacer {
  const interval = o.perChatIntervalMs ?? 1000;
  const accountGap = 1000 / (o.perSecond ?? 25);
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const nextByChat = new Map<string, number>();
  let nextForAccount = 0;

  return {
    nextFor: (chatId) => nextByChat.get(chatId) ?? 0,
    async send(chatId, fn) {
      // Reserve the chat's slot and an account slot before waiting, so concurrent sends queue in order.
      const chatSlot = Math.max(now(), nextByChat.get(chatId) ?? 0);
      nextByChat.set(chatId, chatSlot + interval);
      const accountSlot = Math.max(chatSlot, nextForAccount);
      nextForAccount = accountSlot + accountGap;
      const wait = accountSlot - now();
      if (wait > 0) await sleep(wait);
      try {
        return await fn();
      } catch (e) {
        const failure = classifySendError(e);
        if (failure.kind === 'flood_wait') {
          metrics.telegramFloodWaits.inc({ service: 'gateway' });
          nextByChat.set(chatId, Math.max(nextByChat.get(chatId) ?? 0, now() + failure.seconds * 1000));
          throw failure.error;
        }
        throw e;
      }
    },
  };
}
