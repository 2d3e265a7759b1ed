import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import { waitForActionsSchema, type ActionsDB } from '@followups/actions';
import { connectDatabase, ensureStreams, sleep } from '@followups/kit';
import { startNatsServer, startPostgresServer, testLogger, waitFor, type TestNatsServer, type TestPostgresServer } from '@followups/kit/testing';
import { countOutcome, insertDueFollowUps } from './counts.js';
import { Fleet } from '../support/fleet.js';

/**
 * The fleet an operator runs — 3 dispatchers and 2 schedulers as processes — through what a data
 * centre does to it: a burst of follow-ups all due in the same second with `kill -9` of a
 * dispatcher and then a scheduler mid-drain, then a nats-server restart and a Postgres restart
 * mid-run (a cluster of the suite's own, never the machine's). Every action must end sent
 * exactly once, nothing stuck, every process alive.
 */
const BURST = Number(process.env.CHAOS_BURST ?? 20_000);
const RESTARTS = Math.round(BURST / 4);
const log = testLogger('chaos');

describe('chaos: burst, kills and restarts', () => {
  let nats: TestNatsServer;
  let pgServer: TestPostgresServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let db: Kysely<ActionsDB>;
  let fleet: Fleet;

  beforeAll(async () => {
    [nats, pgServer] = await Promise.all([startNatsServer(), startPostgresServer()]);
    const url = new URL(pgServer.url);
    url.pathname = '/followups';
    // Short leases, so the claims and sends of a killed process are taken over within seconds.
    fleet = new Fleet({ NATS_URL: nats.url, DATABASE_URL: url.toString(), CLAIM_LEASE_MS: '3000', SENDING_LEASE_MS: '3000' });
    await fleet.start('scheduler', 's1'); // migrates first
    db = await connectDatabase<ActionsDB>(url.toString(), log);
    await waitForActionsSchema(db, log);
    await Promise.all([fleet.start('scheduler', 's2'), fleet.start('dispatcher', 'd1'), fleet.start('dispatcher', 'd2'), fleet.start('dispatcher', 'd3')]);
    nc = await connect({ servers: nats.url, maxReconnectAttempts: -1 });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, ['sandboxDelivered', 'deadLetter']);
  }, 120_000);

  afterAll(async () => {
    await fleet?.stopAll();
    await nc?.close();
    await db?.destroy();
    await nats?.stop();
    await pgServer?.close();
  });

  const insertDue = (prefix: string, n: number, dueAt: Date) => insertDueFollowUps(db, { prefix, n, dueAt, firstChat: 7_000_000, chats: 2000 });
  const sentOf = async (prefix: string) => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from scheduled_actions where idempotency_key like ${`${prefix}%`} and status = 'sent'`.execute(db).catch(() => ({ rows: [{ n: '0' }] }));
    return Number(rows[0]!.n);
  };

  it(`${BURST} follow-ups due in one second; kill -9 a dispatcher, then a scheduler, mid-drain: each sent exactly once`, async () => {
    await insertDue('burst:', BURST, new Date(Date.now() + 2000));
    // At moments of chance: the dispatcher somewhere in the first half of the drain, the scheduler in the second.
    const killDispatcherAt = Math.round(BURST * (0.1 + Math.random() * 0.3));
    const killSchedulerAt = Math.round(BURST * (0.45 + Math.random() * 0.3));
    await waitFor(`${killDispatcherAt} sent`, async () => (await sentOf('burst:')) >= killDispatcherAt, 120_000);
    await fleet.kill('d1');
    await waitFor(`${killSchedulerAt} sent`, async () => (await sentOf('burst:')) >= killSchedulerAt, 180_000);
    await fleet.kill('s1');
    console.log(`chaos burst: dispatcher d1 killed after ${killDispatcherAt} sent, scheduler s1 after ${killSchedulerAt}`);
    await sleep(1000);
    await Promise.all([fleet.start('dispatcher', 'd1b'), fleet.start('scheduler', 's1b')]);
    await waitFor('every one sent', async () => (await sentOf('burst:')) >= BURST, 240_000);

    const counts = await countOutcome('burst + kill -9', { db, js, jsm, prefix: 'burst:', alive: fleet.alive() });
    expect(counts).toMatchObject({ actions: BURST, delivered: BURST, duplicates: 0, missing: 0, stuck: 0 });
    expect(fleet.alive().sort()).toEqual(['d1b', 'd2', 'd3', 's1b', 's2']);
  }, 480_000);

  it(`${RESTARTS} follow-ups through a nats-server restart and then a Postgres restart: nothing lost, doubled or stuck`, async () => {
    await insertDue('restarts:', RESTARTS, new Date(Date.now() + 1000));
    await waitFor('some sent', async () => (await sentOf('restarts:')) >= RESTARTS / 5, 120_000);
    await nats.stop();
    await sleep(2000);
    await nats.start();
    await waitFor('sending again after NATS', async () => (await sentOf('restarts:')) >= RESTARTS / 2, 180_000);
    await pgServer.restart();
    await waitFor('every one sent', async () => (await sentOf('restarts:')) >= RESTARTS, 240_000);

    const counts = await countOutcome('nats + postgres restarts', { db, js, jsm, prefix: 'restarts:', alive: fleet.alive() });
    expect(counts).toMatchObject({ actions: RESTARTS, delivered: RESTARTS, duplicates: 0, missing: 0, stuck: 0 });
    expect(fleet.alive().sort()).toEqual(['d1b', 'd2', 'd3', 's1b', 's2']);
  }, 480_000);
});
