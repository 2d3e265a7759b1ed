import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import { actionMigrations, insertActions, type ActionsDB } from '@followups/actions';
import { streams, subjects } from '@followups/contracts';
import { connectDatabase, ensureConsumers, ensureStreams, migrateToLatest } from '@followups/kit';
import { startTestBed, testLogger, type TestBed } from '@followups/kit/testing';
import { claimAndPublish, type ClaimAndPublishDeps } from './claim-and-publish.js';
import { dispatchBacklog } from './dispatch-backlog.js';

const log = testLogger();
let bed: TestBed | undefined;
let js: JetStreamClient;
let jsm: JetStreamManager;
let db: Kysely<ActionsDB>;
let deps: ClaimAndPublishDeps;
/** Rows whose first publish NATS refused. */
let refused: string[] = [];

const insertDue = (chatId: string, count: number) =>
  insertActions(
    db,
    Array.from({ length: count }, (_, n) => ({
      chatId,
      type: 'follow_up' as const,
      payload: { text: `due ${n}` },
      dueAt: new Date(Date.now() - 1000),
      cancelOn: ['client_reply' as const, 'takeover' as const],
      reason: '',
      idempotencyKey: `${chatId}:${n}`,
      source: 'api',
    })),
  );
const statuses = async (chatId: string) => {
  const rows = await db.selectFrom('scheduled_actions').select(['status', sql<number>`count(*)::int`.as('n')]).where('chat_id', '=', chatId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
};
/** The Nats-Msg-Id of every message the DISPATCH stream holds. */
const storedMsgIds = async () => {
  const info = await jsm.streams.info(streams.dispatch.name);
  const ids: string[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const m = await jsm.streams.getMessage(streams.dispatch.name, { seq });
    if (m) ids.push(m.header.get('Nats-Msg-Id'));
  }
  return ids;
};

beforeAll(async () => {
  bed = await startTestBed('claim_publish');
  ({ js, jsm } = bed);
  db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
  await migrateToLatest(db, actionMigrations, 'actions', log);
  deps = { db, js, log, actor: 'scheduler:test', batchSize: 100, leaseMs: 60_000 };
  // No DISPATCH stream yet: every publish is refused at once, as when JetStream is unavailable.
});
afterAll(async () => {
  await db?.destroy();
  await bed?.close();
});

describe('claimAndPublish', () => {
  it('leaves refused rows claimed for the lease and stops claiming more', async () => {
    await insertDue('1', 250);
    // The second batch was already being claimed while the first one's publishes were refused.
    expect(await claimAndPublish(deps)).toEqual({ claimed: 200, republished: 0, failed: 200 });
    expect(await statuses('1')).toEqual({ claimed: 200, pending: 50 });
    refused = (await db.selectFrom('scheduled_actions').select('id').where('status', '=', 'claimed').execute()).map((r) => r.id);
  });

  it('publishes expired claims again in batches, each under its action id', async () => {
    await ensureStreams(jsm, ['dispatch']);
    expect(await claimAndPublish(deps)).toEqual({ claimed: 50, republished: 0, failed: 0 });
    expect(await claimAndPublish(deps)).toEqual({ claimed: 0, republished: 0, failed: 0 }); // refused ones wait for their lease

    await db.updateTable('scheduled_actions').set({ claimed_at: sql`now() - interval '2 minutes'` }).where('id', 'in', refused).execute();
    // While the dispatchers have work queued, an expired claim may just be waiting in line.
    const backlogged = { ...deps, dispatchBacklog: async () => 50 };
    expect(await claimAndPublish(backlogged)).toEqual({ claimed: 0, republished: 0, failed: 0 });
    expect(await claimAndPublish({ ...deps, dispatchBacklog: () => dispatchBacklog(jsm) })).toEqual({ claimed: 0, republished: 200, failed: 0 });

    const rows = await db.selectFrom('scheduled_actions').select(['id', 'status']).where('chat_id', '=', '1').execute();
    expect(rows.every((r) => r.status === 'claimed')).toBe(true);
    const ids = await storedMsgIds();
    expect(ids).toHaveLength(250);
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)));
    const last = await jsm.streams.getMessage(streams.dispatch.name, { last_by_subj: subjects.scheduleDue('1') });
    expect(last?.json()).toMatchObject({ chatId: '1', action: { type: 'follow_up' } });
  });

  it('reads the dispatchers\' backlog from their durable consumer', async () => {
    expect(await dispatchBacklog(jsm)).toBe(0); // no dispatcher has ever started
    await ensureConsumers(jsm, ['dispatcher']);
    expect(await dispatchBacklog(jsm)).toBe(250); // every due event published above is still waiting
  });

  it('drains every due batch in one pass', async () => {
    await insertDue('2', 250);
    expect(await claimAndPublish(deps)).toEqual({ claimed: 250, republished: 0, failed: 0 });
    expect(await statuses('2')).toEqual({ claimed: 250 });
  });

  it('ends the pass after the batch in hand when asked to stop', async () => {
    await insertDue('3', 250);
    expect(await claimAndPublish({ ...deps, shouldStop: () => true })).toEqual({ claimed: 100, republished: 0, failed: 0 });
    expect(await statuses('3')).toEqual({ claimed: 100, pending: 150 });
  });
});
