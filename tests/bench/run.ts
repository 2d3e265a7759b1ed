/**
 * `pnpm bench`: throughput and lateness of the stack on this machine, against a private
 * nats-server and database per scenario. BENCH_SCALE (default 1) multiplies every count.
 * Prints a Markdown table for the README.
 */
import { sql } from 'kysely';
import { subjects, type ScheduleIntentInput } from '@followups/contracts';
import { insertActions, toDueEvent, type NewAction } from '@followups/actions';
import { publishJson } from '@followups/kit';
import { testLogger } from '@followups/kit/testing';
import { loadConfig as schedulerConfig, startScheduler } from '@followups/scheduler';
import { loadConfig as dispatcherConfig, startDispatcher } from '@followups/dispatcher';
import { benchEnv, countByStatus, percentile, perSecond, seconds, timeUntil, type BenchEnv } from './harness.js';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const log = testLogger('bench');
const results: [scenario: string, count: number, result: string][] = [];

const newAction = (i: number, dueAt: Date): NewAction => ({
  chatId: String(1_000_000 + (i % 1000)),
  type: 'follow_up',
  payload: { text: `bench ${i}` },
  dueAt,
  cancelOn: ['client_reply', 'takeover'],
  reason: 'bench',
  idempotencyKey: `bench:${i}`,
  source: 'api',
});

async function insertMany(e: BenchEnv, n: number, dueAt: (i: number) => Date): Promise<void> {
  for (let i = 0; i < n; i += 5000) {
    await insertActions(e.db, Array.from({ length: Math.min(5000, n - i) }, (_, j) => newAction(i + j, dueAt(i + j))));
  }
}

async function ingest(): Promise<void> {
  const n = 20_000 * scale;
  const e = await benchEnv('ingest');
  const scheduler = await startScheduler({ config: schedulerConfig(e.env), log });
  process.stderr.write(`ingest: publishing ${n} intents\n`);
  const start = performance.now();
  const dueAt = new Date(Date.now() + 86_400_000).toISOString();
  for (let i = 0; i < n; i += 1000) {
    await Promise.all(
      Array.from({ length: Math.min(1000, n - i) }, (_, j) => {
        const intent: ScheduleIntentInput = { chatId: String(2_000_000 + ((i + j) % 1000)), action: { type: 'follow_up', payload: { text: 'x' } }, dueAt, idempotencyKey: `ingest:${i + j}` };
        return publishJson(e.js, subjects.scheduleIntent(intent.chatId as string), intent);
      }),
    );
  }
  const published = performance.now() - start;
  const stored = await timeUntil('stored', n, () => countByStatus(e.db, 'pending'), start);
  results.push(['intents published to JetStream (pipelined, 1 client)', n, `${perSecond(n, published)}/s`]);
  results.push(['intents stored by one scheduler (publish → row)', n, `${seconds(stored)} · ${perSecond(n, stored)}/s`]);
  await scheduler.stop();
  await e.close();
}

async function drain(): Promise<void> {
  const n = 100_000 * scale;
  const e = await benchEnv('drain');
  process.stderr.write(`drain: inserting ${n} actions due now\n`);
  await insertMany(e, n, () => new Date(Date.now() - 1000));
  const start = performance.now();
  const scheduler = await startScheduler({ config: schedulerConfig({ ...e.env, CLAIM_BATCH_SIZE: '2000' }), log });
  const ms = await timeUntil('published', n, async () => (await e.jsm.streams.info('DISPATCH')).state.messages, start);
  results.push(['due at once: claimed + published by one scheduler (incl. start-up)', n, `${seconds(ms)} · ${perSecond(n, ms)}/s`]);
  await scheduler.stop();
  await e.close();
}

async function dispatch(replicas: number): Promise<void> {
  const n = 10_000 * scale;
  const e = await benchEnv(`dispatch${replicas}`);
  process.stderr.write(`dispatch x${replicas}: ${n} claimed actions with due events\n`);
  await insertMany(e, n, () => new Date(Date.now() - 1000));
  const { rows } = await sql<any>`update scheduled_actions set status = 'claimed', claimed_at = now() returning *`.execute(e.db);
  for (let i = 0; i < rows.length; i += 1000) {
    await Promise.all(rows.slice(i, i + 1000).map((r) => publishJson(e.js, subjects.scheduleDue(String(r.chat_id)), toDueEvent(r), r.id)));
  }
  const start = performance.now();
  const dispatchers = await Promise.all(
    Array.from({ length: replicas }, (_, k) => startDispatcher({ config: dispatcherConfig({ ...e.env, INSTANCE_ID: `d${k}` }), log })),
  );
  const ms = await timeUntil('sent', n, () => countByStatus(e.db, 'sent'), start);
  results.push([`sent by ${replicas} dispatcher${replicas > 1 ? 's' : ''} (validate + sandbox send + mark)`, n, `${seconds(ms)} · ${perSecond(n, ms)}/s`]);
  await Promise.all(dispatchers.map((d) => d.stop()));
  await e.close();
}

async function lateness(): Promise<void> {
  const n = 1000 * scale;
  const e = await benchEnv('lateness');
  const scheduler = await startScheduler({ config: schedulerConfig(e.env), log });
  const dispatcher = await startDispatcher({ config: dispatcherConfig(e.env), log });
  const dueAt = new Date(Date.now() + 3000);
  process.stderr.write(`lateness: ${n} actions due at one instant\n`);
  await insertMany(e, n, () => dueAt);
  await timeUntil('sent', n, () => countByStatus(e.db, 'sent'));
  const { rows } = await sql<{ late: number }>`select extract(epoch from (sent_at - due_at)) * 1000 as late from scheduled_actions order by 1`.execute(e.db);
  const late = rows.map((r) => Number(r.late));
  results.push([`due → sent lateness, ${n} due at one instant (p50 / p95 / max)`, n, `${Math.round(percentile(late, 50))} / ${Math.round(percentile(late, 95))} / ${Math.round(late[late.length - 1]!)} ms`]);
  await dispatcher.stop();
  await scheduler.stop();
  await e.close();
}

await ingest();
await drain();
await dispatch(1);
await dispatch(2);
await lateness();

process.stdout.write(`\n| scenario | count | result |\n|---|---:|---|\n${results.map(([s, n, r]) => `| ${s} | ${n.toLocaleString('en-US')} | ${r} |`).join('\n')}\n`);
process.exit(0);
