import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { insertActions, type NewAction } from '@followups/actions';
import { streams, subjects, type ConvIn, type SandboxDelivered, type ScheduleIntentInput } from '@followups/contracts';
import { connectDatabase, ensureStreams, publishJson } from '@followups/kit';
import { dropTestDatabase, startTestBed, testLogger, type TestBed } from '@followups/kit/testing';
import type { ActionsDB } from '@followups/actions';
import type { Kysely } from 'kysely';
import { withCpu } from './cpu.js';
import { percentile, pipelined, sleep, until } from './stats.js';
import { BURST_LEAD_MS, type System } from './workloads.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const log = testLogger('bench');

interface Stack {
  bed: TestBed;
  db: Kysely<ActionsDB>;
  close(): Promise<void>;
}

/**
 * The stack as `pnpm start` runs it — a scheduler and a dispatcher as processes, the sandbox
 * transport — against a nats-server and a database of its own per workload.
 */
async function startStack(label: string, services: Array<'scheduler' | 'dispatcher'> = ['scheduler', 'dispatcher']): Promise<Stack> {
  const bed = await startTestBed(`bench_${label}`);
  await ensureStreams(bed.jsm, ['conv', 'schedule', 'dispatch', 'ops', 'attention', 'sandboxInput', 'sandboxDelivered', 'deadLetter']);
  const env = { ...process.env, NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' };
  const children: ChildProcess[] = [];
  for (const name of services) {
    const out: string[] = [];
    // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": profile the services during a workload.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', `services/${name}/src/main.ts`], { cwd: root, env: { ...env, LOG_LEVEL: 'info', INSTANCE_ID: name }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
    children.push(child);
    await until(`${name} to start`, 1, async () => (out.join('').includes('"consuming"') ? 1 : child.exitCode !== null ? Promise.reject(new Error(out.join(''))) : 0), 60_000);
  }
  const db = await connectDatabase<ActionsDB>(bed.databaseUrl, log, { poolSize: 4 });
  return {
    bed,
    db,
    async close() {
      await Promise.all(children.map((c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : (c.once('exit', () => resolve()), c.kill('SIGTERM'))))));
      await db.destroy();
      await bed.close();
      await dropTestDatabase(bed.databaseUrl);
    },
  };
}

const followUp = (i: number, dueAt: Date, prefix: string): NewAction => ({
  chatId: String(3_000_000 + i),
  type: 'follow_up',
  payload: { text: `${prefix} ${i}` },
  dueAt,
  cancelOn: ['client_reply', 'takeover'],
  reason: 'bench',
  idempotencyKey: `${prefix}:${i}`,
  source: 'api',
});

async function insert(db: Kysely<ActionsDB>, n: number, dueAt: (i: number) => Date, prefix: string): Promise<void> {
  for (let i = 0; i < n; i += 5000) await insertActions(db, Array.from({ length: Math.min(5000, n - i) }, (_, k) => followUp(i + k, dueAt(i + k), prefix)));
}

const deliveredCount = async (s: Stack) => (await s.bed.jsm.streams.info(streams.sandboxDelivered.name)).state.messages;

/** Every delivery, read back from the stream after the run (outside the measured CPU). */
async function deliveries(s: Stack): Promise<Array<{ actionId: string; chatId: string; at: number }>> {
  const total = await deliveredCount(s);
  const consumer = await s.bed.js.consumers.get(streams.sandboxDelivered.name, { deliver_policy: DeliverPolicy.All, ack_policy: AckPolicy.None } as never);
  const out: Array<{ actionId: string; chatId: string; at: number }> = [];
  while (out.length < total) {
    const batch = await consumer.fetch({ max_messages: 5000, expires: 2000 });
    for await (const m of batch) {
      const d = m.json<SandboxDelivered>();
      out.push({ actionId: d.actionId ?? '', chatId: d.chatId, at: Math.floor(m.info.timestampNanos / 1e6) });
    }
  }
  return out;
}

export const followupsSystem: System = {
  name: 'followups',

  async burst(n) {
    const s = await startStack(`burst${n}`);
    try {
      const t = Date.now() + BURST_LEAD_MS + Math.ceil(n / 20_000) * 1000;
      await insert(s.db, n, () => new Date(t), 'burst');
      await sleep(Math.max(0, t - Date.now() - 200));
      const { cpuMs } = await withCpu(() => until('delivered', n, () => deliveredCount(s)));
      const all = await deliveries(s);
      const byAction = new Map<string, number>();
      for (const d of all) byAction.set(d.actionId, (byAction.get(d.actionId) ?? 0) + 1);
      const { rows } = await sql<{ id: string; due: Date; claimed: Date; sending: Date; sent: Date }>`select id, due_at as due, claimed_at as claimed, sending_at as sending, sent_at as sent from scheduled_actions`.execute(s.db);
      const deliveredAt = new Map(all.map((d) => [d.actionId, d.at]));
      const stage = (f: (r: (typeof rows)[number], delivered: number) => number) => {
        const v = rows.map((r) => f(r, deliveredAt.get(r.id) ?? NaN)).filter((x) => Number.isFinite(x));
        return { p50: Math.round(percentile(v, 50)), p99: Math.round(percentile(v, 99)) };
      };
      return {
        lastAfterMs: Math.max(...all.map((d) => d.at)) - t,
        cpuMsPerItem: cpuMs / n,
        duplicates: [...byAction.values()].filter((c) => c > 1).length,
        stages: {
          'claim (due → claimed)': stage((r) => r.claimed.getTime() - r.due.getTime()),
          'queue wait (claimed → taken by a dispatcher)': stage((r) => r.sending.getTime() - r.claimed.getTime()),
          'send (taken → delivered)': stage((r, d) => d - r.sending.getTime()),
          'mark (delivered → marked sent)': stage((r, d) => r.sent.getTime() - d),
        },
      };
    } finally {
      await s.close();
    }
  },

  async spread(n, overMs) {
    const s = await startStack('spread');
    try {
      const t0 = Date.now() + 3000;
      const due = (i: number) => new Date(t0 + Math.floor((i * overMs) / n));
      await insert(s.db, n, due, 'spread');
      await until('delivered', n, () => deliveredCount(s), overMs + 60_000);
      const dueOf = new Map((await s.db.selectFrom('scheduled_actions').select(['id', 'due_at']).execute()).map((r) => [r.id, r.due_at.getTime()]));
      const late = (await deliveries(s)).map((d) => d.at - dueOf.get(d.actionId)!);
      return { p50: Math.round(percentile(late, 50)), p99: Math.round(percentile(late, 99)), max: Math.max(...late) };
    } finally {
      await s.close();
    }
  },

  async ingest(n) {
    const s = await startStack('ingest', ['scheduler']);
    try {
      const dueAt = new Date(Date.now() + 86_400_000).toISOString();
      const start = Date.now();
      await pipelined(Array.from({ length: n }, (_, i) => i), 1000, (i) => {
        const intent: ScheduleIntentInput = { chatId: String(4_000_000 + i), action: { type: 'follow_up', payload: { text: `ingest ${i}` } }, dueAt, idempotencyKey: `ingest:${i}` };
        return publishJson(s.bed.js, subjects.scheduleIntent(String(4_000_000 + i)), intent);
      });
      const acked = Date.now();
      const stored = await until('stored', n, async () => Number((await sql<{ n: string }>`select count(*) as n from scheduled_actions`.execute(s.db)).rows[0]!.n));
      return { ackedPerSecond: Math.round((n / (acked - start)) * 1000), storedPerSecond: Math.round((n / (stored - start)) * 1000) };
    } finally {
      await s.close();
    }
  },

  async cancel(total, cancelled) {
    const s = await startStack('cancel');
    try {
      const t = Date.now() + 8000;
      await insert(s.db, total, () => new Date(t), 'cancel');
      const start = Date.now();
      // The client of every other chat writes: what the gateway publishes for a client message.
      const writers = Array.from({ length: cancelled }, (_, k) => 2 * k);
      await pipelined(writers, 1000, (i) => {
        const chatId = String(3_000_000 + i);
        const message: ConvIn = { chatId, messageId: 1, text: 'ок, я подумаю', at: new Date().toISOString(), from: { id: chatId } };
        return publishJson(s.bed.js, subjects.convIn(chatId), message, `in:${chatId}:1`);
      });
      const lastAcked = Date.now();
      const applied = await until('cancelled', cancelled, async () => Number((await sql<{ n: string }>`select count(*) as n from scheduled_actions where status = 'cancelled'`.execute(s.db)).rows[0]!.n));
      await until('the rest delivered', total - cancelled, () => deliveredCount(s));
      await sleep(1500); // a cancelled one that still ran would have arrived by now
      const wrote = new Set(writers.map((i) => String(3_000_000 + i)));
      const ran = (await deliveries(s)).filter((d) => wrote.has(d.chatId)).length;
      return { perSecond: Math.round((cancelled / (applied - start)) * 1000), appliedAfterLastMs: applied - lastAcked, ranAfterCancel: ran };
    } finally {
      await s.close();
    }
  },
};
