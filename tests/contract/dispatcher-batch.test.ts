import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { getAction, insertActions, markOptedOut, toDueEvent, waitForActionsSchema, type ActionRow, type ActionsDB, type NewAction } from '@followups/actions';
import { defaultCancelOn, streams, subjects, type ConvIn, type ConvOut, type OpsAttention, type SandboxDelivered } from '@followups/contracts';
import { connectDatabase, publishJson } from '@followups/kit';
import { captureLog, collect, startTestBed, testLogger, waitFor, type CapturedLog, type Collected, type TestBed } from '@followups/kit/testing';
import { loadConfig as dispatcherConfig, startDispatcher, type RunningDispatcher } from '@followups/dispatcher';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

/**
 * The dispatcher's batch path, with a scheduler running as in production: due actions are taken
 * a batch at a time after one read barrier (everything stored before the batch is applied to the
 * rows), and the rows — status, the chat's opt-out and takeover — decide what is sent. When the
 * scheduler cannot confirm in time, each action is checked against the streams instead.
 */
describe('dispatcher: due actions a batch at a time', () => {
  let bed: TestBed;
  let db: Kysely<ActionsDB>;
  let scheduler: RunningScheduler | undefined;
  let dispatcher: RunningDispatcher;
  let captured: CapturedLog;
  let delivered: Collected<SandboxDelivered>;
  let attention: Collected<OpsAttention>;
  let n = 0;
  const log = testLogger('dispatcher-batch');

  const env = () => ({ ...relaxedMannersEnv, NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: 'silent', MAX_LATENESS_MS: '3600000', SENDING_LEASE_MS: '3000' });
  beforeAll(async () => {
    bed = await startTestBed('dispatcher_batch');
    scheduler = await startScheduler({ config: schedulerConfig(env()), log });
    db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
    await waitForActionsSchema(db, log);
    captured = captureLog();
    dispatcher = await startDispatcher({ config: dispatcherConfig({ ...env(), INSTANCE_ID: 'batch' }), log: captured.log });
    delivered = collect<SandboxDelivered>(bed.nc, 'sandbox.delivered.>');
    attention = collect<OpsAttention>(bed.nc, 'ops.attention.>');
  }, 60_000);
  afterAll(async () => {
    delivered?.stop();
    attention?.stop();
    await dispatcher?.stop();
    await scheduler?.stop();
    await db?.destroy();
    await bed?.close();
  });

  const action = (chatId: string, over: Partial<NewAction> = {}): NewAction => {
    const type = over.type ?? 'follow_up';
    return { chatId, type, payload: { text: `batch ${++n}` }, dueAt: new Date(Date.now() - 500), cancelOn: defaultCancelOn[type], reason: 'test', idempotencyKey: `batch:${n}`, source: 'api', ...over };
  };
  const until = (id: string, status: ActionRow['status'], timeoutMs = 15_000) =>
    waitFor(`action ${id} ${status}`, async () => {
      const row = await getAction(db, id);
      return row?.status === status ? row : undefined;
    }, timeoutMs);
  const fellBack = () => captured.lines().filter((l) => String(l.msg).includes('checking each action against the streams')).length;

  it('a burst of 300 due at once: each delivered once, marked sent, reported on conv.out', async () => {
    const rows = await insertActions(db, Array.from({ length: 300 }, (_, i) => action(String(810_000 + i))));
    await waitFor('all sent', async () => Number((await sql<{ n: string }>`select count(*) as n from scheduled_actions where status = 'sent' and id = any(${rows.map((r) => r.id)}::uuid[])`.execute(db)).rows[0]!.n) === 300, 30_000);
    const ids = new Set(rows.map((r) => r.id));
    const mine = delivered.messages.filter((m) => ids.has(m.data.actionId ?? ''));
    expect(mine).toHaveLength(300);
    expect(new Set(mine.map((m) => m.data.actionId)).size).toBe(300);
    const reported = await bed.jsm.streams.info(streams.conv.name, { subjects_filter: 'conv.out.>' } as never);
    expect(reported.state.messages).toBeGreaterThanOrEqual(300);
    expect(fellBack()).toBe(0);
  }, 40_000);

  it('the rows decide: opted out, under a human, too late, a call handed to the operators', async () => {
    const [optedOut, held, late, call] = ['820001', '820002', '820003', '820004'];
    await markOptedOut(db, optedOut!, { at: new Date(), by: 'client', messageId: 1 });
    publishJson(bed.js, subjects.opsTakeover(held!), { operator: 'anna' });
    await waitFor('the takeover applied', async () => (await sql<{ n: string }>`select count(*) as n from chat_controls where chat_id = ${held} and under_human`.execute(db)).rows[0]!.n === '1');
    const [a, b, c, d] = await insertActions(db, [
      action(optedOut!),
      // A policy that does not yield to a takeover: the scheduler leaves it, the send-time check ends it.
      action(held!, { cancelOn: [] }),
      action(late!, { dueAt: new Date(Date.now() - 2 * 3_600_000) }),
      action(call!, { type: 'call', payload: { note: 'перезвонить' } }),
    ]);
    expect((await until(a!.id, 'cancelled')).cancel_reason).toBe('opted_out');
    expect((await until(b!.id, 'cancelled')).cancel_reason).toBe('human_takeover');
    expect((await until(c!.id, 'expired')).cancel_reason).toBe('too_late');
    await until(d!.id, 'sent');
    expect(attention.messages.find((m) => m.data.actionId === d!.id)?.data).toMatchObject({ reason: 'call_due', chatId: call });
    expect(delivered.messages.filter((m) => [a, b, c].some((r) => r!.id === m.data.actionId))).toEqual([]);
    expect(fellBack()).toBe(0);
  }, 30_000);

  it('with the scheduler stopped, a client reply waiting in CONV still wins: the batch falls back to checking each action', async () => {
    await scheduler!.stop();
    scheduler = undefined;
    const chatId = '830001';
    const [row] = await insertActions(db, [action(chatId, { contextAt: new Date(Date.now() - 60_000) })]);
    await sql`update scheduled_actions set status = 'claimed', claimed_at = now() where id = ${row!.id}`.execute(db);
    const reply: ConvIn = { chatId, messageId: 7, text: 'я тут', at: new Date().toISOString(), from: { id: chatId } };
    await publishJson(bed.js, subjects.convIn(chatId), reply);
    await publishJson(bed.js, subjects.scheduleDue(chatId), toDueEvent((await getAction(db, row!.id))!), row!.id);
    expect((await until(row!.id, 'cancelled')).cancel_reason).toBe('client_replied');
    expect(fellBack()).toBeGreaterThan(0);
    expect(delivered.messages.filter((m) => m.data.actionId === row!.id)).toEqual([]);
  }, 30_000);

  it("with the scheduler stopped, a human's message waiting in CONV (no takeover in OPS yet) still holds the chat", async () => {
    expect(scheduler).toBeUndefined(); // stopped by the test above
    const chatId = '830002';
    const [row] = await insertActions(db, [action(chatId)]);
    await sql`update scheduled_actions set status = 'claimed', claimed_at = now() where id = ${row!.id}`.execute(db);
    const typed: ConvOut = { chatId, messageId: 8, text: 'Иван, это Анна', at: new Date().toISOString(), by: 'operator', operator: 'telegram-app' };
    await publishJson(bed.js, subjects.convOut(chatId), typed);
    await publishJson(bed.js, subjects.scheduleDue(chatId), toDueEvent((await getAction(db, row!.id))!), row!.id);
    expect((await until(row!.id, 'cancelled')).cancel_reason).toBe('human_takeover');
    expect(await bed.jsm.streams.getMessage(streams.ops.name, { last_by_subj: subjects.opsTakeover(chatId) })).toBeNull();
    expect(delivered.messages.filter((m) => m.data.actionId === row!.id)).toEqual([]);
  }, 30_000);
});
