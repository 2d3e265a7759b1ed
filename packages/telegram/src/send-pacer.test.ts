import bigInt from 'big-integer';
import { describe, expect, it } from 'vitest';
import { Api, errors } from 'telegram';
import { isRetryLaterError } from '@followups/kit';
import { createSendPacer } from './send-pacer.js';

/** A clock the test moves: sleeping advances it, so timing is exact and instant. */
function fakeTime() {
  let t = 1_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), advance: (ms: number) => void (t += ms) };
}
const request = new Api.messages.SendMessage({ peer: new Api.InputPeerEmpty(), message: 'x', randomId: bigInt(1) });

describe('send pacer', () => {
  it('keeps a second between two sends to one chat, while another chat goes at once', async () => {
    const time = fakeTime();
    const pacer = createSendPacer({ perChatIntervalMs: 1000, perSecond: Infinity, ...time });
    const sentAt: [string, number][] = [];
    const send = (chat: string) => pacer.send(chat, async () => void sentAt.push([chat, time.now()]));
    await send('a');
    await send('a');
    await send('b');
    expect(sentAt).toEqual([
      ['a', 1_000_000],
      ['a', 1_001_000],
      ['b', 1_001_000],
    ]);
  });

  it('FLOOD_WAIT_7 on one chat delays that chat by 7 s and is handed back as retry-later; another chat is not held', async () => {
    const time = fakeTime();
    const pacer = createSendPacer({ perChatIntervalMs: 1000, perSecond: Infinity, ...time });
    const error = await pacer
      .send('a', async () => {
        throw new errors.FloodWaitError({ request, capture: 7 });
      })
      .catch((e: unknown) => e);
    expect(isRetryLaterError(error) && error.delayMs).toBe(7000);
    expect(pacer.nextFor('a')).toBe(1_007_000);

    const sentAt: [string, number][] = [];
    await pacer.send('b', async () => void sentAt.push(['b', time.now()]));
    await pacer.send('a', async () => void sentAt.push(['a', time.now()]));
    expect(sentAt).toEqual([
      ['b', 1_000_000],
      ['a', 1_007_000],
    ]);
  });

  it('spaces sends across the account at its budget', async () => {
    const time = fakeTime();
    const pacer = createSendPacer({ perChatIntervalMs: 1000, perSecond: 4, ...time });
    const sentAt: number[] = [];
    for (const chat of ['a', 'b', 'c', 'd', 'e']) await pacer.send(chat, async () => void sentAt.push(time.now() - 1_000_000));
    expect(sentAt).toEqual([0, 250, 500, 750, 1000]);
  });
});
