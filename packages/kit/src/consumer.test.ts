import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamManager } from '@nats-io/jetstream';
import { streams, subjects } from '@followups/contracts';
import { ensureConsumers, ensureStreams } from './jetstream.js';
import { ack, oneByOne, runConsumer, type Delivery, type Outcome, type RunningConsumer } from './consumer.js';
import { NonRetriableError } from './errors.js';
import { collect, startTestBed, testLogger, waitFor, type NatsBed } from './testing/index.js';

describe('runConsumer', () => {
  let bed: NatsBed | undefined;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let running: RunningConsumer | undefined;
  const seen: Delivery[] = [];
  let releaseHeld: ((o: Outcome) => void) | undefined;

  beforeAll(async () => {
    bed = await startTestBed('consumer', { database: false });
    ({ nc, jsm } = bed);
    await ensureStreams(jsm, ['ops', 'deadLetter']);
    await ensureStreams(jsm, ['ops', 'deadLetter']); // idempotent
    await ensureConsumers(jsm, ['schedulerOps']);
    await ensureConsumers(jsm, ['schedulerOps']);
    running = await runConsumer({
      js: bed.js,
      consumer: 'schedulerOps',
      service: 'test',
      log: testLogger(),
      handleBatch: oneByOne(async (d) => {
        if (d.family === 'ops.takeover' && d.payload.reason === 'poison') throw new NonRetriableError('poisoned');
        seen.push(d);
        if (d.family === 'ops.takeover' && d.payload.reason === 'hold') return { kind: 'later', done: new Promise<Outcome>((resolve) => (releaseHeld = resolve)) };
        return ack;
      }, testLogger()),
    });
  });
  afterAll(async () => {
    await running?.stop();
    await bed?.close();
  });

  it('a message held by its handler stays unacknowledged while others are handled, and is settled when released', async () => {
    const pending = async () => (await jsm.consumers.info(streams.ops.name, 'scheduler-ops')).num_ack_pending;
    nc.publish(subjects.opsTakeover('60'), '{"reason":"hold"}');
    await waitFor('held', () => releaseHeld !== undefined);
    nc.publish(subjects.opsRelease('61'), '');
    await waitFor('the next message handled meanwhile', () => seen.some((s) => s.chatId === '61'));
    expect(await pending()).toBe(1);
    releaseHeld!(ack);
    await waitFor('settled', async () => (await pending()) === 0);
    expect(seen.filter((s) => s.chatId === '60')).toHaveLength(1);
  });

  it('delivers a bare core publish with an empty body, as the nats CLI sends it', async () => {
    nc.publish(subjects.opsTakeover('42'), '');
    const d = await waitFor('takeover', () => seen.find((s) => s.chatId === '42'));
    expect(d).toMatchObject({ family: 'ops.takeover', chatId: '42', payload: {} });
  });

  it('dead-letters malformed JSON, schema violations and handler rejections, and keeps serving', async () => {
    const dlq = collect<{ reason: string; subject: string; data: string }>(nc, 'dlq.>');
    nc.publish(subjects.opsTakeover('7'), '{not json');
    nc.publish(subjects.opsRelease('7'), '{"operator": 5}');
    nc.publish(subjects.opsTakeover('8'), '{"reason":"poison"}');
    nc.publish(subjects.opsRelease('9'), '{"operator":"anna"}');
    await waitFor('three dead letters', () => dlq.messages.length >= 3 && seen.some((s) => s.chatId === '9'));
    const reasons = dlq.messages.map((m) => m.data.reason);
    // An operator's takeover or release is honoured whatever its body: handled, and the body reported.
    expect(reasons[0]).toMatch(/^honoured with its body ignored: invalid JSON/);
    expect(reasons[1]).toMatch(/^honoured with its body ignored: schema: operator/);
    expect(seen.filter((s) => s.chatId === '7').map((s) => [s.family, s.payload])).toEqual([
      ['ops.takeover', {}],
      ['ops.release', {}],
    ]);
    expect(reasons[2]).toBe('poisoned');
    expect(dlq.messages[0]?.data.data).toBe('{not json');
    await waitFor('all acknowledged', async () => {
      const info = await jsm.consumers.info(streams.ops.name, 'scheduler-ops');
      return info.num_ack_pending === 0 && info.num_pending === 0;
    });
    dlq.stop();
  });
});
