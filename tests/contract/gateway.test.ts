import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamManager } from '@nats-io/jetstream';
import { consumers, convInSchema, convOutSchema, streams, subjects } from '@followups/contracts';
import { ensureStreams, readTakeoverState } from '@followups/kit';
import { collect, startTestBed, testLogger, waitFor, type Collected, type NatsBed, type TestNatsServer } from '@followups/kit/testing';
import { loadConfig, startGateway, type Gateway } from '@followups/gateway';

const root = fileURLToPath(new URL('../..', import.meta.url));
let bed: NatsBed | undefined;
let server: TestNatsServer;
let nc: NatsConnection;
let jsm: JetStreamManager;
let gateway: Gateway | undefined;
/** Everything published on `ops.>` while the file runs: the gateway may publish none of it. */
let opsPublished: Collected;

const start = async () => {
  gateway = await startGateway({ config: loadConfig({ NATS_URL: server.url, LOG_LEVEL: 'silent' }), log: testLogger('gateway') });
};
const stop = async () => {
  await gateway?.stop();
  gateway = undefined;
};
/** The last message stored on `subject`, or undefined while there is none. */
const last = async (stream: string, subject: string) => (await jsm.streams.getMessage(stream, { last_by_subj: subject })) ?? undefined;
const typeAs = (who: 'client' | 'operator', chatId: string, body: unknown) =>
  nc.publish(who === 'client' ? subjects.sandboxClient(chatId) : subjects.sandboxOperator(chatId), typeof body === 'string' ? body : JSON.stringify(body));
const allHandled = async () => {
  const info = await jsm.consumers.info(streams.sandboxInput.name, consumers.gatewaySandbox.durable);
  return info.num_pending === 0 && info.num_ack_pending === 0;
};

beforeAll(async () => {
  bed = await startTestBed('gateway', { database: false });
  ({ server, nc, jsm } = bed);
  opsPublished = collect(nc, 'ops.>');
  await nc.flush();
  await start();
});
afterAll(async () => {
  opsPublished?.stop();
  await stop();
  await bed?.close();
});

describe('gateway with the sandbox transport', () => {
  it('turns a sandbox client message into one conv.in: message id = stream seq, at = stored time', async () => {
    typeAs('client', '1001', { text: 'напиши через неделю', name: 'Ivan' });
    const stored = await waitFor('conv.in.1001', () => last(streams.conv.name, subjects.convIn('1001')));
    const typed = await last(streams.sandboxInput.name, subjects.sandboxClient('1001'));
    const convIn = convInSchema.parse(stored.json());
    expect(convIn).toEqual({
      chatId: '1001',
      messageId: typed!.seq,
      text: 'напиши через неделю',
      at: typed!.time.toISOString(),
      from: { id: '1001', name: 'Ivan' },
    });
    expect(stored.header?.get('Nats-Msg-Id')).toBe(`in:1001:${typed!.seq}`);
  });

  it('turns a sandbox operator message into conv.out by the operator alone, which holds the chat; no ops.takeover (the scheduler records it)', async () => {
    typeAs('operator', '1002', { text: 'Иван, это Анна, я подключилась' });
    const out = await waitFor('conv.out.1002', () => last(streams.conv.name, subjects.convOut('1002')));
    await waitFor('every message acknowledged', allHandled);
    const typed = await last(streams.sandboxInput.name, subjects.sandboxOperator('1002'));
    expect(convOutSchema.parse(out.json())).toMatchObject({
      chatId: '1002',
      text: 'Иван, это Анна, я подключилась',
      at: typed!.time.toISOString(),
      by: 'operator',
      operator: 'sandbox',
    });
    expect(out.header?.get('Nats-Msg-Id')).toBe(`out:1002:${typed!.seq}`);
    // Least privilege: the gateway neither publishes on ops.> nor creates the OPS stream.
    expect(opsPublished.messages).toEqual([]);
    await expect(jsm.streams.info(streams.ops.name)).rejects.toThrow(/stream not found/i);
    // The conv.out alone holds the chat for every service that reads the takeover state.
    await ensureStreams(jsm, ['ops']);
    expect(await readTakeoverState(jsm, '1002')).toMatchObject({ underHuman: true, operator: 'sandbox', since: out.time });
  });

  it('dead-letters malformed and invalid payloads with the reason, acknowledges them and keeps serving', async () => {
    const dlq = collect<{ reason: string; subject: string; data: string }>(nc, 'dlq.>');
    typeAs('client', '1003', '{oops');
    typeAs('client', '1003', { text: '' });
    typeAs('operator', '1003', '[1, 2]');
    typeAs('operator', '1003', { txt: 'typo' });
    typeAs('client', '1003', { text: 'still there?' });
    await waitFor('four dead letters', () => dlq.messages.length >= 4);
    const conv = await waitFor('the valid message after them', () => last(streams.conv.name, subjects.convIn('1003')));
    dlq.stop();

    expect(dlq.messages.map((m) => [m.subject, m.data.subject])).toEqual([
      ['dlq.sandbox.client.1003', 'sandbox.client.1003'],
      ['dlq.sandbox.client.1003', 'sandbox.client.1003'],
      ['dlq.sandbox.operator.1003', 'sandbox.operator.1003'],
      ['dlq.sandbox.operator.1003', 'sandbox.operator.1003'],
    ]);
    const reasons = dlq.messages.map((m) => m.data.reason);
    expect(reasons[0]).toMatch(/^invalid JSON/);
    expect(reasons[1]).toMatch(/^schema: text/);
    expect(reasons[2]).toMatch(/^schema: \(body\)/);
    expect(reasons[3]).toMatch(/^schema: text/);
    expect(convInSchema.parse(conv.json()).text).toBe('still there?');
    // Nothing came of the bad ones: no operator message, and nothing left unacknowledged.
    expect(await last(streams.conv.name, subjects.convOut('1003'))).toBeUndefined();
    await waitFor('every message acknowledged', allHandled);
  });

  it('a chat id with a leading zero is not a chat: dead-lettered, nothing reaches conv.in under either form', async () => {
    const dlq = collect<{ reason: string; subject: string }>(nc, 'dlq.>');
    nc.publish('sandbox.client.0810000187', JSON.stringify({ text: 'напишите завтра' }));
    await waitFor('the dead letter', () => dlq.messages.find((m) => m.data.subject === 'sandbox.client.0810000187'));
    dlq.stop();
    expect(dlq.messages.find((m) => m.data.subject === 'sandbox.client.0810000187')?.data.reason).toMatch(/^unknown subject/);
    expect(await last(streams.conv.name, subjects.convIn('810000187'))).toBeUndefined();
    expect(await last(streams.conv.name, 'conv.in.0810000187')).toBeUndefined();
    await waitFor('every message acknowledged', allHandled);
  });

  it('publishes nothing new when every sandbox message is delivered again', async () => {
    await waitFor('earlier messages handled', allHandled);
    const before = await jsm.streams.info(streams.conv.name);
    expect(before.state.messages).toBeGreaterThanOrEqual(3);
    // A fresh durable starts from the stream's first message: the whole input is redelivered.
    await stop();
    await jsm.consumers.delete(streams.sandboxInput.name, consumers.gatewaySandbox.durable);
    await start();
    await waitFor('the redelivered input handled', async () => {
      const info = await jsm.consumers.info(streams.sandboxInput.name, consumers.gatewaySandbox.durable);
      return info.delivered.stream_seq > 0 && (await allHandled());
    });
    const after = await jsm.streams.info(streams.conv.name);
    expect(after.state.messages).toBe(before.state.messages);
    expect(after.state.last_seq).toBe(before.state.last_seq);
    expect(opsPublished.messages).toEqual([]);
  });

  it('delivers a message typed while the gateway was stopped once it starts', async () => {
    await stop();
    typeAs('client', '1004', { text: 'вы тут?' });
    await waitFor('the message captured by the stream', () => last(streams.sandboxInput.name, subjects.sandboxClient('1004')));
    expect(await last(streams.conv.name, subjects.convIn('1004'))).toBeUndefined();
    await start();
    const stored = await waitFor('conv.in.1004', () => last(streams.conv.name, subjects.convIn('1004')));
    expect(convInSchema.parse(stored.json()).text).toBe('вы тут?');
  });

  it('refuses to start with an unknown TRANSPORT, naming the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'services/gateway/src/main.ts'], {
      cwd: root,
      env: { ...process.env, TRANSPORT: 'carrier-pigeon', NATS_URL: server.url },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/TRANSPORT: must be "sandbox"/);
  });
});
