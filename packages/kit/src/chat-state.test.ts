import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { subjects, type ConvOut } from '@followups/contracts';
import { readTakeoverState } from './chat-state.js';
import { ensureStreams, publishJson } from './jetstream.js';
import { startTestBed, type NatsBed } from './testing/index.js';

/**
 * readTakeoverState against a private nats-server: OPS (takeovers, releases) and CONV (a human's
 * `conv.out`, a takeover before the scheduler records it in OPS). Each test uses its own chat.
 */
describe('readTakeoverState', () => {
  let bed: NatsBed | undefined;
  let js: JetStreamClient;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    bed = await startTestBed('chat-state', { database: false });
    ({ js, jsm } = bed);
    await ensureStreams(jsm, ['ops']);
  });
  afterAll(async () => {
    await bed?.close();
  });

  const out = (chatId: string, by: ConvOut['by'], extra: Partial<ConvOut> = {}) =>
    publishJson(js, subjects.convOut(chatId), { chatId, text: 'Иван, это Анна', at: new Date().toISOString(), by, ...(by === 'operator' ? { operator: 'anna' } : {}), ...extra });
  const release = (chatId: string) => publishJson(js, subjects.opsRelease(chatId), {});
  const takeover = (chatId: string, operator: string) => publishJson(js, subjects.opsTakeover(chatId), { operator });

  it('with no CONV stream yet (the CLI before any service ran), reads OPS alone', async () => {
    await takeover('1', 'boris');
    expect(await readTakeoverState(jsm, '1')).toMatchObject({ underHuman: true, operator: 'boris' });
    expect(await readTakeoverState(jsm, '2')).toEqual({ underHuman: false });
  });

  describe('with CONV', () => {
    beforeAll(async () => {
      await ensureStreams(jsm, ['conv']);
    });

    it("holds the chat from a human's conv.out alone, nothing in OPS: operator and since from the message", async () => {
      const ack = await out('10', 'operator');
      const stored = await jsm.streams.getMessage('CONV', { seq: ack.seq });
      expect(await readTakeoverState(jsm, '10')).toEqual({ underHuman: true, operator: 'anna', since: stored!.time });
    });

    it("a release stored after the human's message hands the chat back; typing again takes it again", async () => {
      await out('11', 'operator');
      await release('11');
      expect(await readTakeoverState(jsm, '11')).toEqual({ underHuman: false });
      await out('11', 'operator', { operator: 'gleb' });
      expect(await readTakeoverState(jsm, '11')).toMatchObject({ underHuman: true, operator: 'gleb' });
    });

    it("a bot's conv.out after the release does not hold the chat again, nor does the bot writing alone", async () => {
      await out('12', 'operator');
      await release('12');
      await out('12', 'bot');
      expect(await readTakeoverState(jsm, '12')).toEqual({ underHuman: false });
      await out('13', 'bot');
      expect(await readTakeoverState(jsm, '13')).toEqual({ underHuman: false });
    });

    it('a release before the human typed does not: the message holds the chat', async () => {
      await release('14');
      await out('14', 'operator');
      expect(await readTakeoverState(jsm, '14')).toMatchObject({ underHuman: true, operator: 'anna' });
    });

    it("OPS's own takeover wins while it stands, and names its operator", async () => {
      await out('15', 'operator');
      await takeover('15', 'boris');
      expect(await readTakeoverState(jsm, '15')).toMatchObject({ underHuman: true, operator: 'boris' });
      await release('15');
      expect(await readTakeoverState(jsm, '15')).toEqual({ underHuman: false });
    });

    it('a conv.out that breaks the contract takes nothing over (the scheduler dead-letters it)', async () => {
      await publishJson(js, subjects.convOut('16'), { chatId: '16', by: 'operator' }); // no text, no at
      await publishJson(js, subjects.convOut('17'), 'not an object');
      expect(await readTakeoverState(jsm, '16')).toEqual({ underHuman: false });
      expect(await readTakeoverState(jsm, '17')).toEqual({ underHuman: false });
    });
  });
});
