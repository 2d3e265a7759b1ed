import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { connectDatabase, migrateToLatest } from '@followups/kit';
import { createTestDatabase, testLogger } from '@followups/kit/testing';
import {
  actionMigrations,
  beginSending,
  cancelAction,
  cancelOnClientMessages,
  claimDueActions,
  insertActions,
  markSent,
  reclaimExpiredClaims,
  type ActionsDB,
  type NewAction,
} from './index.js';

const log = testLogger();
let db: Kysely<ActionsDB>;
let n = 0;
const action = (over: Partial<NewAction> = {}): NewAction => ({
  chatId: '100',
  type: 'follow_up',
  payload: { text: 'hi' },
  dueAt: new Date(Date.now() - 1000),
  cancelOn: ['client_reply', 'takeover'],
  reason: '',
  idempotencyKey: `k${++n}`,
  source: 'api',
  ...over,
});

beforeAll(async () => {
  const url = await createTestDatabase('actions');
  db = await connectDatabase<ActionsDB>(url, log);
  // Two migrators at once: the advisory lock lets exactly one apply each migration.
  await Promise.all([migrateToLatest(db, actionMigrations, 'actions', log), migrateToLatest(db, actionMigrations, 'actions', log)]);
});
afterAll(async () => db?.destroy());

describe('actions repository', () => {
  it('stores one action for an idempotency key seen twice', async () => {
    const a = action();
    expect(await insertActions(db, [a])).toHaveLength(1);
    expect(await insertActions(db, [a, { ...a }])).toHaveLength(0);
  });

  it('never lets two concurrent claimers take the same row', async () => {
    await sql`update scheduled_actions set status = 'sent'`.execute(db);
    await insertActions(db, Array.from({ length: 500 }, () => action()));
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimDueActions(db, 'test', 60)));
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(300);
  });

  it('lets exactly one of a cancel and a send racing on one row win', async () => {
    for (let i = 0; i < 20; i++) {
      const [row] = await insertActions(db, [action({ chatId: '555' })]);
      await sql`update scheduled_actions set status = 'claimed' where id = ${row!.id}`.execute(db);
      const [sending, cancelled] = await Promise.all([beginSending(db, 'test', row!.id, 30_000), cancelAction(db, 'test', row!.id, 'race')]);
      expect(Number(sending !== null) + Number(cancelled.length > 0)).toBe(1);
    }
  });

  it('cancels on a client message only actions created before it', async () => {
    const before = new Date(Date.now() - 60_000);
    const [old] = await insertActions(db, [action({ chatId: '777', contextAt: new Date(before.getTime() - 1000), dueAt: new Date(Date.now() + 60_000) })]);
    const [fresh] = await insertActions(db, [action({ chatId: '777', contextAt: before, dueAt: new Date(Date.now() + 60_000) })]);
    const [reminder] = await insertActions(db, [action({ chatId: '777', type: 'reminder', cancelOn: ['takeover'], contextAt: new Date(0) })]);
    const cancelled = await cancelOnClientMessages(db, [{ chatId: '777', at: before, messageId: 1 }]);
    expect(cancelled.map((c) => c.id)).toEqual([old!.id]);
    expect(cancelled.map((c) => c.id)).not.toContain(fresh!.id);
    expect(cancelled.map((c) => c.id)).not.toContain(reminder!.id);
  });

  it('re-claims a claim whose lease ran out, and a sent action never moves again', async () => {
    await sql`update scheduled_actions set status = 'sent'`.execute(db);
    const [row] = await insertActions(db, [action()]);
    await claimDueActions(db, 'test', 10);
    await sql`update scheduled_actions set claimed_at = now() - interval '2 minutes' where id = ${row!.id}`.execute(db);
    const again = await reclaimExpiredClaims(db, 'test', 60_000, 10);
    expect(again.map((r) => [r.id, r.claim_count])).toEqual([[row!.id, 2]]);
    expect(await beginSending(db, 'test', row!.id, 30_000)).not.toBeNull();
    expect(await markSent(db, 'test', row!.id)).toBe(true);
    expect(await beginSending(db, 'test', row!.id, 0)).toBeNull();
    expect(await cancelAction(db, 'test', row!.id, 'late')).toEqual([]);
  });
});
