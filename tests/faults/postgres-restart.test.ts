import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import { insertActions, type ActionsDB } from '@followups/actions';
import { streams, subjects, type ConvIn } from '@followups/contracts';
import { connectDatabase, publishJson } from '@followups/kit';
import { collect, startNatsServer, startPostgresServer, testLogger, waitFor, type TestNatsServer, type TestPostgresServer } from '@followups/kit/testing';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import { loadConfig as dispatcherConfig, startDispatcher, type RunningDispatcher } from '@followups/dispatcher';
import { loadConfig as agentConfig, startAgent, type RunningAgent } from '@followups/agent';
import { relaxedMannersEnv } from '../support/relaxed-manners.js';

/**
 * Postgres restarted under load (`pg_ctl restart -m fast`: every connection terminated with 57P01)
 * on a cluster of the test's own: the scheduler, the dispatcher and the agent stay up, reconnect
 * by themselves, and nothing is lost, stuck or sent twice. An unhandled pg 'error' event would
 * take the test's own process down with them.
 */
describe('a Postgres restart mid-run', () => {
  const log = testLogger('pg-restart');
  let nats: TestNatsServer;
  let pgServer: TestPostgresServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let db: Kysely<ActionsDB>;
  let scheduler: RunningScheduler | undefined;
  let dispatcher: RunningDispatcher | undefined;
  let agent: RunningAgent | undefined;

  beforeAll(async () => {
    [nats, pgServer] = await Promise.all([startNatsServer(), startPostgresServer()]);
    nc = await connect({ servers: nats.url });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    const url = new URL(pgServer.url);
    url.pathname = '/followups';
    const env = { ...relaxedMannersEnv, NATS_URL: nats.url, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', SENDING_LEASE_MS: '2000', CLAIM_LEASE_MS: '3000' };
    scheduler = await startScheduler({ config: schedulerConfig({ ...env, INSTANCE_ID: 's' }), log });
    dispatcher = await startDispatcher({ config: dispatcherConfig({ ...env, INSTANCE_ID: 'd' }), log });
    agent = await startAgent({ config: agentConfig({ ...env, INSTANCE_ID: 'a' }), log });
    db = await connectDatabase<ActionsDB>(url.toString(), log);
  }, 60_000);

  afterAll(async () => {
    await agent?.stop();
    await dispatcher?.stop();
    await scheduler?.stop();
    await db?.destroy();
    await nc?.close();
    await nats?.stop();
    await pgServer?.close();
  });

  const statusCounts = async () => {
    const { rows } = await sql<{ status: string; n: string }>`select status, count(*) as n from scheduled_actions group by status`.execute(db);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  };

  it('loses nothing, sends nothing twice, and every service resumes unaided', async () => {
    const N = 3000;
    const due = new Date(Date.now() - 1000);
    for (let i = 0; i < N; i += 1000) {
      await insertActions(
        db,
        Array.from({ length: 1000 }, (_, k) => ({
          chatId: String(5_000_000 + ((i + k) % 300)),
          type: 'follow_up' as const,
          payload: { text: `follow-up ${i + k}` },
          dueAt: due,
          cancelOn: [],
          reason: 'load',
          idempotencyKey: `pgrestart:${i + k}`,
          source: 'api',
        })),
      );
    }
    await waitFor('the first sends', async () => ((await statusCounts()).sent ?? 0) >= 100, 30_000);
    await pgServer.restart();

    // A follow-up asked for after the restart, and a client message: both handled by the same processes.
    const replies = collect<{ text: string }>(nc, subjects.sandboxDelivered('5999999'));
    const message: ConvIn = { chatId: '5999999', messageId: 1, text: 'напиши через 2 секунды', at: new Date().toISOString(), from: {} };
    await publishJson(js, subjects.convIn('5999999'), message);

    await waitFor('every action sent', async () => ((await statusCounts().catch(() => ({}) as Record<string, number>)).sent ?? 0) >= N + 1, 120_000);
    await waitFor('the confirmation and the follow-up after the restart', () => replies.messages.length >= 2, 30_000);
    replies.stop();

    expect(await statusCounts()).toEqual({ sent: N + 1 });
    // Each send went through the sandbox once: its duplicate window is Telegram's random_id.
    const delivered = (await jsm.streams.info(streams.sandboxDelivered.name)).state.messages;
    expect(delivered).toBe(N + 2); // N follow-ups, the confirmation, the follow-up it promised
  }, 180_000);
});
