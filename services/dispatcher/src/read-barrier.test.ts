import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { consumers, streams, subjects } from '@followups/contracts';
import { ensureConsumers, ensureStreams, publishJson } from '@followups/kit';
import { startTestBed, type NatsBed } from '@followups/kit/testing';
import { createReadBarrier } from './read-barrier.js';

/**
 * The batch's read barrier against a private nats-server, the scheduler's durables created but
 * consumed by the test: it passes only once they have acknowledged what was stored before it.
 */
describe('read barrier', () => {
  let bed: NatsBed | undefined;
  let js: JetStreamClient;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    bed = await startTestBed('read-barrier', { database: false });
    ({ js, jsm } = bed);
    await ensureStreams(jsm, ['conv', 'ops']);
    await ensureConsumers(jsm, ['schedulerConv', 'schedulerOps']);
  });
  afterAll(async () => {
    await bed?.close();
  });

  /** Acknowledges everything waiting on the scheduler's CONV durable, as a scheduler would. */
  const schedulerApplies = async () => {
    const durable = await js.consumers.get(streams.conv.name, consumers.schedulerConv.durable);
    for (let m = await durable.next({ expires: 1000 }); m; m = await durable.next({ expires: 1000 })) await m.ackAck();
  };

  it("waits for a human's conv.out, a takeover the scheduler applies from CONV before OPS records it", async () => {
    const barrier = createReadBarrier({ jsm });
    expect((await barrier.pass(200)).passed).toBe(true);
    await publishJson(js, subjects.convOut('31'), { chatId: '31', text: 'это Анна', at: new Date().toISOString(), by: 'operator', operator: 'anna' });
    expect((await barrier.pass(200)).passed).toBe(false);
    await schedulerApplies();
    expect((await barrier.pass(200)).passed).toBe(true);
  });
});
