import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getAction, insertActions, type ActionRow, type NewAction } from '@followups/actions';
import { streams, subjects, type SandboxDelivered, type ScheduleIntentInput } from '@followups/contracts';
import { publishJson } from '@followups/kit';
import { collect, testLogger, waitFor, type Collected } from '@followups/kit/testing';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import { nextOccurrence } from '@followups/when';
import { startInProcess, type InProcess } from '../support/in-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const WEEKLY = { pattern: '0 10 * * 1', timeZone: 'Europe/Moscow', description: 'every Monday at 10:00' };

/**
 * Recurring actions and `schedule run-due`: every occurrence's successor is stored exactly once,
 * whoever claims (two schedulers ticking, five `run-due` processes at once), missed occurrences
 * are skipped after downtime, and a series is cancelled as one.
 */
describe('recurring actions and run-due', () => {
  let stack: InProcess;
  let second: RunningScheduler;
  let delivered: Collected<SandboxDelivered>;
  let n = 0;
  const chat = () => String(80_000 + ++n);
  const series = (seriesId: string) => stack.db.selectFrom('scheduled_actions').selectAll().where('series_id', '=', seriesId).orderBy('due_at').execute();
  const recurring = (chatId: string, over: Partial<NewAction> = {}): NewAction => ({
    chatId,
    type: 'follow_up',
    payload: { text: `weekly check-in ${chatId}` },
    dueAt: new Date(Date.now() - 500),
    cancelOn: ['takeover'],
    reason: 'every Monday',
    idempotencyKey: `series-test:${chatId}`,
    source: 'api',
    recurrence: WEEKLY,
    ...over,
  });

  beforeAll(async () => {
    stack = await startInProcess('actions_series');
    second = await startScheduler({ config: schedulerConfig({ ...stack.env, INSTANCE_ID: 's2' }), log: testLogger('s2') });
    delivered = collect<SandboxDelivered>(stack.bed.nc, 'sandbox.delivered.>');
  }, 60_000);
  afterAll(async () => {
    delivered?.stop();
    await second?.stop();
    await stack?.stop();
  });

  it('a recurring intent sends its first occurrence and stores the next one once, at the pattern\'s next time', async () => {
    const chatId = chat();
    const intent: ScheduleIntentInput = { chatId, action: { type: 'follow_up', payload: { text: 'Как дела с проектом?' } }, dueAt: new Date(Date.now() + 1000).toISOString(), idempotencyKey: 'weekly-1', recurrence: WEEKLY };
    await publishJson(stack.bed.js, subjects.scheduleIntent(chatId), intent);
    const first = await waitFor('the first occurrence sent', async () => {
      const row = await stack.db.selectFrom('scheduled_actions').selectAll().where('chat_id', '=', chatId).where('idempotency_key', '=', 'weekly-1').executeTakeFirst();
      return row?.status === 'sent' ? row : undefined;
    }, 15_000);
    expect(first.series_id).toBe(first.id);
    const all = await series(first.id);
    expect(all).toHaveLength(2);
    const next = all[1]!;
    expect(next).toMatchObject({ status: 'pending', series_id: first.id, type: 'follow_up', idempotency_key: `series:${first.id}:${next.due_at.toISOString()}` });
    expect(next.due_at).toEqual(nextOccurrence(WEEKLY.pattern, WEEKLY.timeZone, first.claimed_at!));
    expect(delivered.messages.filter((m) => m.data.chatId === chatId)).toHaveLength(1);
  });

  it('after downtime skips the missed occurrences: the next one is after now, and the stale one expires', async () => {
    const chatId = chat();
    const [stale] = await insertActions(stack.db, [recurring(chatId, { dueAt: new Date(Date.now() - 21 * 86_400_000) })]);
    const all = await waitFor('the successor', async () => {
      const rows = await series(stale!.id);
      return rows.length === 2 && rows[0]!.status === 'expired' ? rows : undefined;
    }, 15_000);
    expect(all[1]!.due_at.getTime()).toBeGreaterThan(Date.now());
    expect(all[1]!.due_at.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    expect(all[0]!.cancel_reason).toBe('too_late');
  });

  it('five run-due processes beside two ticking schedulers: every action dispatched once, every successor stored once', async () => {
    const chats = Array.from({ length: 60 }, chat);
    // Due a few seconds ahead so the five processes are up and racing the schedulers when it falls due.
    const dueAt = new Date(Date.now() + 4000);
    const rows = await insertActions(stack.db, chats.map((c, i) => recurring(c, { dueAt, ...(i % 2 ? { recurrence: undefined, idempotencyKey: `plain:${c}` } : {}) })));
    const env = { ...process.env, ...stack.env, LOG_LEVEL: 'error' };
    // Two of the five also re-publish every claim older than 1 ms: what cascaded in the seed's system.
    const runDue = (eager: boolean) => run(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'schedule', 'run-due', ...(eager ? ['--lease-ms', '1'] : [])], { cwd: root, env });
    // Each process runs run-due three times around the instant.
    const results = await Promise.all(Array.from({ length: 5 }, async (_, p) => {
      const outs: string[] = [];
      for (let i = 0; i < 3; i++) {
        outs.push((await runDue(p < 2)).stdout);
        await new Promise((r) => setTimeout(r, 1500));
      }
      return outs;
    }));
    expect(results.flat().every((o) => /^claimed \d+, republished \d+, failed 0/.test(o))).toBe(true);

    await waitFor('all sent', async () => {
      const { rows: left } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where id = any(${rows.map((r) => r.id)}::uuid[]) and status <> 'sent'`.execute(stack.db);
      return Number(left[0]!.n) === 0 ? true : undefined;
    }, 30_000);
    const byChat = new Map<string, number>();
    for (const m of delivered.messages) if (chats.includes(m.data.chatId)) byChat.set(m.data.chatId, (byChat.get(m.data.chatId) ?? 0) + 1);
    expect([...byChat.values()].filter((c) => c !== 1)).toEqual([]);
    expect(byChat.size).toBe(60);
    // The DISPATCH stream holds at most one due event per action (its msg id is the action id).
    const info = await stack.bed.jsm.streams.info(streams.dispatch.name, { subjects_filter: 'schedule.due.>' });
    for (const c of chats) expect(info.state.subjects?.[subjects.scheduleDue(c)] ?? 0).toBeLessThanOrEqual(1);
    for (const r of rows.filter((r) => r.recurrence)) expect(await series(r.id)).toHaveLength(2);
  }, 60_000);

  it('cancelling any occurrence — even one already sent — cancels the series', async () => {
    const chatId = chat();
    const [first] = await insertActions(stack.db, [recurring(chatId)]);
    const next = await waitFor('the successor', async () => {
      const rows = await series(first!.id);
      return rows.length === 2 && rows[0]!.status === 'sent' ? rows[1] : undefined;
    }, 15_000);
    await publishJson(stack.bed.js, subjects.scheduleCancel(chatId), { actionId: first!.id, reason: 'series_stopped', by: 'cli:anna' });
    const cancelled = await waitFor('cancelled', async (): Promise<ActionRow | undefined> => {
      const row = await getAction(stack.db, next!.id);
      return row?.status === 'cancelled' ? row : undefined;
    });
    expect(cancelled.cancel_reason).toBe('series_stopped');
    expect((await getAction(stack.db, first!.id))!.status).toBe('sent');
  });

  it('dead-letters a recurring intent whose pattern cannot be scheduled', async () => {
    const chatId = chat();
    const dlq = collect<{ reason: string }>(stack.bed.nc, 'dlq.schedule.intent.>');
    await publishJson(stack.bed.js, subjects.scheduleIntent(chatId), { chatId, action: { type: 'follow_up', payload: { text: 'x' } }, dueAt: new Date(Date.now() + 60_000).toISOString(), idempotencyKey: 'bad-cron', recurrence: { pattern: '* * * * * *', timeZone: 'Europe/Moscow' } });
    const dead = await waitFor('dead-lettered', () => dlq.messages[0]);
    dlq.stop();
    expect(dead.data.reason).toMatch(/recurrence \* \* \* \* \* \* in Europe\/Moscow/);
  });
});

describe('schedule run-due from five processes at once, no scheduler ticking', () => {
  let stack: InProcess;
  let delivered: Collected<SandboxDelivered>;
  beforeAll(async () => {
    // The scheduler runs (its consumers, its migrations) but its tick fires once a year: only the CLI claims.
    stack = await startInProcess('run_due_five', { SCHEDULER_TICK_CRON: '0 0 0 1 1 *' });
    delivered = collect<SandboxDelivered>(stack.bed.nc, 'sandbox.delivered.>');
  }, 60_000);
  afterAll(async () => {
    delivered?.stop();
    await stack?.stop();
  });

  it('splits the due actions between the processes and dispatches each exactly once, re-publishing claims or not', async () => {
    const chats = Array.from({ length: 300 }, (_, i) => String(90_000 + i));
    const rows = await insertActions(
      stack.db,
      chats.map((c) => ({ chatId: c, type: 'follow_up' as const, payload: { text: `run-due ${c}` }, dueAt: new Date(Date.now() - 1000), cancelOn: ['takeover' as const], reason: '', idempotencyKey: `rd:${c}`, source: 'api' })),
    );
    const runDue = (p: number) =>
      run(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'schedule', 'run-due', '--batch', '10', ...(p < 2 ? ['--lease-ms', '1'] : [])], {
        cwd: root,
        env: { ...process.env, ...stack.env, LOG_LEVEL: 'error', FOLLOWUPS_USER: `p${p}` },
      });
    const outs = await Promise.all(Array.from({ length: 5 }, async (_, p) => [(await runDue(p)).stdout, (await runDue(p)).stdout]));
    const claimed = outs.flat().map((o) => Number(/^claimed (\d+)/.exec(o)![1]));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(300);

    await waitFor('all sent', async () => {
      const { rows: left } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where id = any(${rows.map((r) => r.id)}::uuid[]) and status <> 'sent'`.execute(stack.db);
      return Number(left[0]!.n) === 0 ? true : undefined;
    }, 30_000);
    const perChat = new Map<string, number>();
    for (const m of delivered.messages) perChat.set(m.data.chatId, (perChat.get(m.data.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(300);
    expect([...perChat.values()].filter((c) => c !== 1)).toEqual([]);
    // Each action was claimed once, by one of the five (which one is the race's business).
    const { rows: claims } = await sql<{ action_id: string; n: string; actor: string }>`
      select action_id, count(*) as n, min(actor) as actor from action_events where to_status = 'claimed' and from_status = 'pending' group by action_id`.execute(stack.db);
    expect(claims).toHaveLength(300);
    expect(claims.filter((c) => Number(c.n) !== 1)).toEqual([]);
    expect(claims.every((c) => /^cli:p\d \(run-due\)$/.test(c.actor))).toBe(true);
  }, 60_000);
});
