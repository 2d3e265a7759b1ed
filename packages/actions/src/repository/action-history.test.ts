import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { connectDatabase, migrateToLatest } from '@followups/kit';
import { createTestDatabase, testLogger } from '@followups/kit/testing';
import {
  actionHistory,
  actionMigrations,
  actors,
  beginSending,
  cancelOnClientMessages,
  claimDueActions,
  insertActions,
  markSent,
  rescheduleAction,
  retrySendingLater,
  type ActionsDB,
  type NewAction,
} from '../index.js';

const log = testLogger();
let db: Kysely<ActionsDB>;
let n = 0;
const action = (over: Partial<NewAction> = {}): NewAction => ({
  chatId: String(500 + ++n),
  type: 'follow_up',
  payload: { text: 'hi' },
  dueAt: new Date(Date.now() - 1000),
  cancelOn: ['client_reply', 'takeover'],
  reason: 'client asked: напиши через неделю',
  idempotencyKey: `h${n}`,
  source: 'agent',
  ...over,
});
const scheduler = actors.scheduler('s1');
const dispatcher = actors.dispatcher('d1');
const claimOnly = async (id: string) => {
  // Claim just this row: the others of the file stay pending.
  await sql`update scheduled_actions set due_at = now() + interval '1 day' where id <> ${id} and status = 'pending'`.execute(db);
  return claimDueActions(db, scheduler, 10);
};

beforeAll(async () => {
  db = await connectDatabase<ActionsDB>(await createTestDatabase('history'), log);
  await migrateToLatest(db, actionMigrations, 'actions', log);
});
afterAll(async () => db?.destroy());

describe('action history', () => {
  it('records every transition of a delivered action with its actor and reason, oldest first', async () => {
    const [row] = await insertActions(db, [action()]);
    await claimOnly(row!.id);
    await beginSending(db, dispatcher, row!.id, 60_000);
    await retrySendingLater(db, dispatcher, row!.id, 'transport down');
    await beginSending(db, actors.dispatcher('d2'), row!.id, 60_000);
    await markSent(db, actors.dispatcher('d2'), row!.id);

    const history = await actionHistory(db, row!.id);
    expect(history.map((e) => [e.from_status, e.to_status, e.actor, e.reason])).toEqual([
      [null, 'pending', 'agent', 'client asked: напиши через неделю'],
      ['pending', 'claimed', 'scheduler:s1', null],
      ['claimed', 'sending', 'dispatcher:d1', null],
      ['sending', 'claimed', 'dispatcher:d1', 'transport down'],
      ['claimed', 'sending', 'dispatcher:d2', null],
      ['sending', 'sent', 'dispatcher:d2', null],
    ]);
    expect(history.every((e, i) => i === 0 || e.at >= history[i - 1]!.at)).toBe(true);
  });

  it('records who asked, a reschedule with the old time, and a cancel by the client message that caused it', async () => {
    const [row] = await insertActions(db, [action({ source: 'cli', createdBy: 'cli:anna', dueAt: new Date(Date.now() + 3_600_000) })]);
    const later = new Date(Date.now() + 7_200_000);
    await rescheduleAction(db, actors.cli('boris'), row!.id, later);
    await cancelOnClientMessages(db, [{ chatId: row!.chat_id, at: new Date(Date.now() + 1000), messageId: 42 }]);

    const history = await actionHistory(db, row!.id);
    expect(history.map((e) => [e.from_status, e.to_status, e.actor])).toEqual([
      [null, 'pending', 'cli:anna'],
      ['pending', 'pending', 'cli:boris'],
      ['pending', 'cancelled', 'client'],
    ]);
    expect(history[1]!.reason).toBe(`rescheduled from ${row!.due_at.toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
    expect(history[1]!.due_at.getTime()).toBe(later.getTime());
    expect(history[2]!.reason).toBe('client_replied (message 42)');
  });

  it('leaves no event for an intent its idempotency key refused', async () => {
    const a = action();
    const [row] = await insertActions(db, [a]);
    expect(await insertActions(db, [{ ...a }])).toEqual([]);
    const { rows } = await sql<{ n: string }>`select count(*) as n from action_events where action_id = ${row!.id}`.execute(db);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('names a change made without an actor "unknown" rather than whoever changed the row before', async () => {
    const [row] = await insertActions(db, [action()]);
    await claimOnly(row!.id);
    await sql`update scheduled_actions set status = 'failed', cancel_reason = 'fixed by hand' where id = ${row!.id}`.execute(db);
    const last = (await actionHistory(db, row!.id)).at(-1)!;
    expect([last.to_status, last.actor, last.reason]).toEqual(['failed', 'unknown', 'fixed by hand']);
  });

  it('is append-only: updating, deleting or truncating the history is refused', async () => {
    const [row] = await insertActions(db, [action()]);
    await expect(sql`update action_events set actor = 'me' where action_id = ${row!.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from action_events where action_id = ${row!.id}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate action_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await actionHistory(db, row!.id)).toHaveLength(1);
  });
});
