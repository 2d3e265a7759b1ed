import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { subjects, type DeadLetter, type SandboxDelivered } from '@followups/contracts';
import { ensureStreams, sleep } from '@followups/kit';
import { collect, createTestDatabase, startNatsServer, type Collected, type TestNatsServer } from '@followups/kit/testing';
import { Fleet } from '../support/fleet.js';

/**
 * Garbage on every subject the services consume — bad JSON, wrong types, raw NUL bytes and
 * invalid UTF-8, 1 MB bodies, 10,000-deep nesting, odd and non-canonical chat ids, forged due
 * events — while a normal client keeps talking on another chat. Every service stays up, each bad
 * message is dead-lettered once per consumer that reads it, with its reason, and the client is
 * answered within 2 s throughout.
 */
const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
const enc = new TextEncoder();
const at = () => new Date().toISOString();

/** Consumers reading each subject family: one dead letter per consumer for a message it cannot read. */
const READERS: Record<string, string[]> = {
  'conv.in': ['agent-conv-in', 'scheduler-conv'],
  'conv.out': ['scheduler-conv'],
  'schedule.intent': ['scheduler-requests'],
  'schedule.cancel': ['scheduler-requests'],
  'schedule.due': ['dispatcher'],
  'agent.reply': ['dispatcher'],
  'ops.takeover': ['scheduler-ops'],
  'ops.release': ['scheduler-ops'],
  'sandbox.client': ['gateway-sandbox'],
  'sandbox.operator': ['gateway-sandbox'],
};

function garbage(): { subject: string; body: Uint8Array }[] {
  const out: { subject: string; body: Uint8Array }[] = [];
  const chat = 8_100_000;
  let n = 0;
  for (const family of Object.keys(READERS)) {
    const on = (suffix: string | number) => `${family}.${suffix}`;
    const add = (subject: string, body: string | Uint8Array) => out.push({ subject, body: typeof body === 'string' ? enc.encode(body) : body });
    add(on(chat + ++n), '{not json');
    add(on(chat + ++n), JSON.stringify({ chatId: [1], text: 42, at: 'yesterday', action: 'x', reason: 7, operator: 5 }));
    add(on(chat + ++n), new Uint8Array([0x7b, 0x00, 0x7d])); // `{`, a raw NUL, `}`
    add(on(chat + ++n), new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])); // a lone surrogate in invalid UTF-8
    add(on(chat + ++n), `{"text":"${'x'.repeat(1_000_000)}","operator":${deep(3)}}`);
    add(on(chat + ++n), `{"text":${deep(10_000)},"operator":${deep(10_000)},"chatId":${deep(10_000)}}`);
    add(on('0810000187'), JSON.stringify({ text: 'leading zero' }));
    add(on('abc'), JSON.stringify({ text: 'not a number' }));
    add(on('-0'), '{}');
  }
  // A due event for an action that does not exist, in good form: forged.
  out.push({ subject: subjects.scheduleDue(String(chat + 999)), body: enc.encode(JSON.stringify({ actionId: randomUUID(), chatId: String(chat + 999), dueAt: at(), action: { type: 'follow_up', payload: { text: 'forged' } } })) });
  return out;
}

describe('chaos: garbage on every consumed subject', () => {
  let nats: TestNatsServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let fleet: Fleet;
  let dlq: Collected<DeadLetter>;

  beforeAll(async () => {
    nats = await startNatsServer();
    fleet = new Fleet({ NATS_URL: nats.url, DATABASE_URL: await createTestDatabase('chaosgarbage') });
    await fleet.start('scheduler', 'scheduler');
    await sleep(2000); // the scheduler migrates; the others wait for it anyway
    await Promise.all([fleet.start('dispatcher', 'dispatcher'), fleet.start('agent', 'agent'), fleet.start('gateway', 'gateway')]);
    nc = await connect({ servers: nats.url });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, ['conv', 'schedule', 'dispatch', 'ops', 'attention', 'sandboxInput', 'sandboxDelivered', 'deadLetter']);
    dlq = collect<DeadLetter>(nc, 'dlq.>');
  }, 120_000);

  afterAll(async () => {
    dlq?.stop();
    delivered?.stop();
    await fleet?.stopAll();
    await nc?.close();
    await nats?.stop();
  });

  /** The client of another chat: says something that needs a reply, returns how long the reply took. */
  const client = { chat: '8200000', turn: 0 };
  let delivered: Collected<SandboxDelivered>;
  async function converse(): Promise<number> {
    const before = delivered.messages.length;
    const started = Date.now();
    nc.publish(subjects.sandboxClient(client.chat), JSON.stringify({ text: `напишите через ${++client.turn + 10} минут` }));
    await waitUntil(() => delivered.messages.length > before, 10_000);
    return Date.now() - started;
  }

  it('every service stays up, each bad message is dead-lettered once per reader with its reason, and the client is answered within 2 s', async () => {
    delivered = collect<SandboxDelivered>(nc, subjects.sandboxDelivered(client.chat));
    await converse(); // warm: the agent's first message loads its zone table
    const bad = garbage();
    const latencies: number[] = [];
    for (let i = 0; i < bad.length; i += 10) {
      for (const g of bad.slice(i, i + 10)) await js.publish(g.subject, g.body);
      latencies.push(await converse());
    }
    const expected = bad.reduce((n, g) => n + (READERS[g.subject.split('.').slice(0, 2).join('.')]?.length ?? 0), 0);
    await waitUntil(() => dlq.messages.length >= expected, 60_000).catch((e: unknown) => {
      // Which subjects came up short, for the one who reads the failure.
      const got = new Map<string, number>();
      for (const m of dlq.messages) got.set(`${m.data.subject} ${m.data.consumer}`, (got.get(`${m.data.subject} ${m.data.consumer}`) ?? 0) + 1);
      const missing = bad.flatMap((g) => (READERS[g.subject.split('.').slice(0, 2).join('.')] ?? []).map((c) => `${g.subject} ${c}`)).filter((k) => !got.has(k));
      console.log(`missing dead letters: ${missing.join(', ')}`);
      throw e;
    });
    await sleep(2000); // a duplicate dead letter would arrive by now

    const perReader = new Map<string, number>();
    for (const m of dlq.messages) perReader.set(`${m.data.consumer}#${m.data.streamSeq}`, (perReader.get(`${m.data.consumer}#${m.data.streamSeq}`) ?? 0) + 1);
    const twice = [...perReader.values()].filter((c) => c > 1).length;
    console.log(
      `chaos garbage: bad messages ${bad.length} · dead letters ${dlq.messages.length} (expected ${expected}) · dead-lettered twice ${twice} · slowest reply ${Math.max(...latencies)} ms · alive ${fleet.alive().join(' ')}`,
    );
    expect(dlq.messages.every((m) => m.data.reason.length > 0)).toBe(true);
    expect(twice).toBe(0);
    expect(dlq.messages.length).toBe(expected);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(2000);
    expect(fleet.alive().sort()).toEqual(['agent', 'dispatcher', 'gateway', 'scheduler']);
  }, 300_000);
});

async function waitUntil(ok: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms`);
    await sleep(20);
  }
}
