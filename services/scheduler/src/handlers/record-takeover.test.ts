import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { streams, subjects, type ConvOut } from '@followups/contracts';
import { decodeMessage, ensureStreams, publishJson, readTakeoverState, storedNanos } from '@followups/kit';
import { startTestBed, testLogger, type NatsBed } from '@followups/kit/testing';
import type { DeliveryOf } from '../batch/route-by-family.js';
import { recordTakeover } from './record-takeover.js';

/**
 * A human's message recorded as the takeover in OPS, against a private nats-server: once per
 * message, never after a release stored later than the message, even one that lands between the
 * look at OPS and the publish. Each test uses its own chat.
 */
describe('recordTakeover', () => {
  const log = testLogger('record-takeover');
  let bed: NatsBed | undefined;
  let js: JetStreamClient;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    bed = await startTestBed('record-takeover', { database: false });
    ({ js, jsm } = bed);
    await ensureStreams(jsm, ['conv', 'ops']);
  });
  afterAll(async () => {
    await bed?.close();
  });

  /** Stores a human's conv.out and returns it as the scheduler's consumer would deliver it. */
  const humanTyped = async (chatId: string, extra: Partial<ConvOut> = { messageId: 41 }): Promise<DeliveryOf<'conv.out'>> => {
    const body: ConvOut = { chatId, text: 'Иван, это Анна', at: new Date().toISOString(), by: 'operator', operator: 'anna', ...extra };
    const ack = await publishJson(js, subjects.convOut(chatId), body);
    const m = (await jsm.streams.getMessage(streams.conv.name, { seq: ack.seq }))!;
    const decoded = decodeMessage(m.subject, m.data);
    return { ...decoded, subject: m.subject, streamSeq: m.seq, storedAt: m.time, storedNanos: storedNanos(m.timestamp), deliveryCount: 1 } as DeliveryOf<'conv.out'>;
  };
  const takeoversOf = async (chatId: string) => {
    const info = await jsm.streams.info(streams.ops.name, { subjects_filter: subjects.opsTakeover(chatId) });
    return info.state.subjects?.[subjects.opsTakeover(chatId)] ?? 0;
  };

  it('records the message once, with the message id of the message; handled again, it records nothing more', async () => {
    const d = await humanTyped('21');
    await recordTakeover({ js, jsm, log }, d);
    await recordTakeover({ js, jsm, log }, d); // a redelivery: its takeover is in OPS already
    expect(await takeoversOf('21')).toBe(1);
    const stored = (await jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsTakeover('21') }))!;
    expect(stored.json()).toEqual({ operator: 'anna', reason: 'operator_message' });
    expect(stored.header.get('Nats-Msg-Id')).toBe('takeover:21:41');
  });

  it('without a Telegram message id, names the message by its CONV sequence', async () => {
    const d = await humanTyped('22', {});
    await recordTakeover({ js, jsm, log }, d);
    const stored = (await jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsTakeover('22') }))!;
    expect(stored.header.get('Nats-Msg-Id')).toBe(`takeover:22:conv-${d.streamSeq}`);
  });

  it('a release stored after the message, before it is recorded, wins: nothing is recorded, the chat stays released', async () => {
    const d = await humanTyped('23');
    await publishJson(js, subjects.opsRelease('23'), { operator: 'anna' });
    await recordTakeover({ js, jsm, log }, d);
    expect(await takeoversOf('23')).toBe(0);
    expect(await readTakeoverState(jsm, '23')).toEqual({ underHuman: false });
  });

  it('a release stored before the message does not stop it', async () => {
    await publishJson(js, subjects.opsRelease('24'), {});
    const d = await humanTyped('24');
    await recordTakeover({ js, jsm, log }, d);
    expect(await takeoversOf('24')).toBe(1);
    expect(await readTakeoverState(jsm, '24')).toMatchObject({ underHuman: true, operator: 'anna' });
  });

  it('a later takeover by another operator stands: the older message records nothing over it', async () => {
    const d = await humanTyped('25');
    await publishJson(js, subjects.opsTakeover('25'), { operator: 'boris' });
    await recordTakeover({ js, jsm, log }, d);
    expect(await takeoversOf('25')).toBe(1);
    expect(await readTakeoverState(jsm, '25')).toMatchObject({ underHuman: true, operator: 'boris' });
  });

  /**
   * The real JetStream, with `meanwhile` stored once the scheduler's first look has read OPS (both
   * of its reads answered) and before it publishes. Counts the looks.
   */
  const storingAfterTheLook = (meanwhile: () => Promise<unknown>) => {
    const seen = { looks: 0 };
    let reads = 0;
    const jsmWithRace = {
      streams: {
        info: (name: string) => {
          seen.looks++;
          return jsm.streams.info(name);
        },
        getMessage: async (...args: Parameters<JetStreamManager['streams']['getMessage']>) => {
          const m = await jsm.streams.getMessage(...args);
          if (++reads === 2) await meanwhile();
          return m;
        },
      },
    } as unknown as JetStreamManager;
    return { jsm: jsmWithRace, seen };
  };

  it('a release that lands between the look at OPS and the publish refuses the publish; the second look sees it', async () => {
    const d = await humanTyped('26');
    const race = storingAfterTheLook(() => publishJson(js, subjects.opsRelease('26'), { operator: 'anna' }));
    await recordTakeover({ js, jsm: race.jsm, log }, d);
    expect(race.seen.looks).toBe(2);
    expect(await takeoversOf('26')).toBe(0);
    expect(await readTakeoverState(jsm, '26')).toEqual({ underHuman: false });
  });

  it('another chat written to OPS meanwhile only costs a second look: the takeover is recorded', async () => {
    const d = await humanTyped('27');
    const race = storingAfterTheLook(() => publishJson(js, subjects.opsTakeover('28'), { operator: 'boris' }));
    await recordTakeover({ js, jsm: race.jsm, log }, d);
    expect(race.seen.looks).toBe(2);
    expect(await takeoversOf('27')).toBe(1);
  });
});
