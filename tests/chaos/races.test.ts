import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { actionMigrations, insertActions, toDueEvent, type ActionRow, type ActionsDB } from '@followups/actions';
import { streams, subjects } from '@followups/contracts';
import { connectDatabase, ensureStreams, migrateToLatest, publishJson, sleep } from '@followups/kit';
import { startTestBed, testLogger, waitFor, type TestBed } from '@followups/kit/testing';
import { loadConfig, startDispatcher, type RunningDispatcher } from '@followups/dispatcher';
import { loadConfig as gatewayConfig, startGateway, type Gateway } from '@followups/gateway';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

/**
 * A client reply, or an operator's takeover, racing a follow-up that falls due: 1,000 trials of
 * each, the reply (or takeover) published from 20 ms before to 80 ms after the due event, so the
 * two land on both sides of the instant the dispatcher begins the send (`sending_at`). With the
 * whole receiving side running (the gateway relays the reply, the scheduler applies replies and
 * takeovers to the rows), the dispatcher takes a batch only once everything stored before that
 * instant is applied: a reply or takeover durably stored before it must never be followed by a
 * delivery.
 */
const TRIALS = Number(process.env.CHAOS_RACE_TRIALS ?? 1000);
const AT_ONCE = 25;
const log = testLogger('races');

describe('chaos: reply and takeover racing a send', () => {
  let bed: TestBed;
  let db: Kysely<ActionsDB>;
  let dispatcher: RunningDispatcher;
  let scheduler: RunningScheduler;
  let gateway: Gateway;

  beforeAll(async () => {
    bed = await startTestBed('chaosraces');
    db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
    await migrateToLatest(db, actionMigrations, 'actions', log);
    await ensureStreams(bed.jsm, ['sandboxInput', 'ops', 'sandboxDelivered']);
    const env = { ...relaxedMannersEnv, NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: 'silent', INSTANCE_ID: 'race' };
    scheduler = await startScheduler({ config: schedulerConfig(env), log });
    gateway = await startGateway({ config: gatewayConfig(env), log });
    dispatcher = await startDispatcher({ config: loadConfig(env), log });
  }, 60_000);

  afterAll(async () => {
    await dispatcher?.stop();
    await gateway?.stop();
    await scheduler?.stop();
    await db?.destroy();
    await bed?.close();
  });

  async function trial(kind: 'reply' | 'takeover', i: number): Promise<void> {
    const chatId = String((kind === 'reply' ? 9_100_000 : 9_200_000) + i);
    const [row] = await insertActions(db, [
      { chatId, type: 'follow_up', payload: { text: `race ${i}` }, dueAt: new Date(), cancelOn: ['client_reply', 'takeover'], reason: 'race', idempotencyKey: `race:${kind}:${i}`, source: 'api', contextAt: new Date(Date.now() - 1000) },
    ]);
    await sql`update scheduled_actions set status = 'claimed', claimed_at = now() where id = ${row!.id}`.execute(db);
    // -20 … +80 ms around the due event: the send begins some tens of ms after it is published,
    // so this spread puts about as many interruptions after the send began as before.
    const offsetMs = ((i * 37) % 101) - 20;
    const due = () => publishJson(bed.js, subjects.scheduleDue(chatId), toDueEvent({ ...row!, status: 'claimed' } as ActionRow), row!.id);
    const interrupt = () =>
      kind === 'reply'
        ? publishJson(bed.js, subjects.sandboxClient(chatId), { text: 'я тут' })
        : bed.nc.publish(subjects.opsTakeover(chatId), ''); // exactly what `nats pub` sends
    if (offsetMs < 0) {
      await interrupt();
      await sleep(-offsetMs);
      await due();
    } else {
      await due();
      await sleep(offsetMs);
      await interrupt();
    }
  }

  /** When the reply or takeover of a chat was stored: the stream's own clock. */
  async function storedAt(kind: 'reply' | 'takeover', chatId: string): Promise<Date | null> {
    const m = await bed.jsm.streams.getMessage(kind === 'reply' ? streams.sandboxInput.name : streams.ops.name, {
      last_by_subj: kind === 'reply' ? subjects.sandboxClient(chatId) : subjects.opsTakeover(chatId),
    });
    return m ? m.time : null;
  }

  it.each(['reply', 'takeover'] as const)(`${TRIALS} trials of a %s racing the send: never a delivery after it was stored`, async (kind) => {
    for (let i = 0; i < TRIALS; i += AT_ONCE) await Promise.all(Array.from({ length: Math.min(AT_ONCE, TRIALS - i) }, (_, k) => trial(kind, i + k)));
    const prefix = `race:${kind}:`;
    await waitFor('every trial decided', async () => {
      const { rows } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where idempotency_key like ${`${prefix}%`} and status in ('claimed','sending')`.execute(db);
      return rows[0]!.n === '0';
    }, 120_000);

    const { rows } = await sql<{ chat_id: string; status: string; sending_at: Date | null; sent_at: Date | null }>`
      select chat_id::text, status, sending_at, sent_at from scheduled_actions where idempotency_key like ${`${prefix}%`}`.execute(db);
    let afterStored = 0;
    let inTheWindow = 0;
    for (const r of rows) {
      const stored = await storedAt(kind, r.chat_id);
      if (r.status !== 'sent' || !stored || !r.sending_at) continue;
      if (stored < r.sending_at) afterStored++; // stored before the send began, yet delivered: a violation
      else if (r.sent_at && stored < r.sent_at) inTheWindow++; // stored while the send was already under way
    }
    const sent = rows.filter((r) => r.status === 'sent').length;
    console.log(
      `chaos ${kind} vs due: trials ${rows.length} · sent ${sent} · cancelled ${rows.filter((r) => r.status === 'cancelled').length} · delivered after the ${kind} was stored ${afterStored} · stored while a send was under way ${inTheWindow}`,
    );
    expect(rows).toHaveLength(TRIALS);
    expect(afterStored).toBe(0);
  }, 300_000);
});
