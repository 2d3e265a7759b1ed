import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { sql, type Kysely } from 'kysely';
import { waitForActionsSchema, type ActionsDB } from '@followups/actions';
import { streams } from '@followups/contracts';
import { connectDatabase, ensureStreams, sleep } from '@followups/kit';
import { createTestDatabase, startNatsCluster, testLogger, waitFor, type TestNatsCluster } from '@followups/kit/testing';
import { countOutcome, insertDueFollowUps } from './counts.js';
import { Fleet } from '../support/fleet.js';

/**
 * Beyond one machine: the exactly-once scenario against a 3-node JetStream cluster, every stream
 * with 3 replicas, and one node killed (`kill -9`) mid-drain and brought back: nothing lost,
 * nothing doubled, nothing stuck.
 */
const ACTIONS = Number(process.env.CHAOS_CLUSTER_ACTIONS ?? 5000);
const log = testLogger('chaos-cluster');

describe('chaos: a 3-node JetStream cluster loses a node mid-run', () => {
  let cluster: TestNatsCluster;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let db: Kysely<ActionsDB>;
  let fleet: Fleet;

  beforeAll(async () => {
    cluster = await startNatsCluster(3);
    const databaseUrl = await createTestDatabase('chaoscluster');
    fleet = new Fleet({ NATS_URL: cluster.url, DATABASE_URL: databaseUrl, JETSTREAM_REPLICAS: '3', CLAIM_LEASE_MS: '3000', SENDING_LEASE_MS: '3000' });
    await fleet.start('scheduler', 's1');
    db = await connectDatabase<ActionsDB>(databaseUrl, log);
    await waitForActionsSchema(db, log);
    await Promise.all([fleet.start('scheduler', 's2'), fleet.start('dispatcher', 'd1'), fleet.start('dispatcher', 'd2')]);
    nc = await connect({ servers: cluster.url.split(','), maxReconnectAttempts: -1 });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, ['sandboxDelivered', 'deadLetter'], 3);
  }, 120_000);

  afterAll(async () => {
    await fleet?.stopAll();
    await nc?.close();
    await db?.destroy();
    await cluster?.stop();
  });

  const sent = async () => Number((await sql<{ n: string }>`select count(*) as n from scheduled_actions where status = 'sent'`.execute(db).catch(() => ({ rows: [{ n: '0' }] }))).rows[0]!.n);

  it(`${ACTIONS} follow-ups due at once; the node leading the DISPATCH stream is killed mid-drain and comes back`, async () => {
    const info = await waitFor('the DISPATCH stream', () => jsm.streams.info(streams.dispatch.name).catch(() => undefined), 30_000);
    expect(info.config.num_replicas).toBe(3);
    const leader = info.cluster?.leader;
    const victim = cluster.nodes.find((n) => n.name === leader) ?? cluster.nodes[0]!;

    await insertDueFollowUps(db, { prefix: 'cluster:', n: ACTIONS, dueAt: new Date(Date.now() + 2000), firstChat: 8_000_000, chats: 1000 });
    await waitFor('a fifth sent', async () => (await sent()) >= ACTIONS / 5, 60_000).catch((e: unknown) => {
      // Nothing moving on a cluster is a start-up problem: say which processes are alive and what they last said.
      console.log(`chaos cluster: stalled; alive ${fleet.alive().join(' ')}\n${['s1', 's2', 'd1', 'd2'].map((n) => `${n}: ${fleet.logs(n).slice(-1500)}`).join('\n')}`);
      throw e;
    });
    await victim.kill();
    console.log(`chaos cluster: node ${victim.name} (DISPATCH leader) killed after ${await sent()} sent`);
    await sleep(3000);
    await victim.start();
    await waitFor('every one sent', async () => (await sent()) >= ACTIONS, 240_000);

    // Reading the deliveries back needs the cluster to answer again: the restarted node may still be catching up.
    const counts = await waitFor('the counts', () => countOutcome('3-node cluster, leader killed', { db, js, jsm, prefix: 'cluster:', alive: fleet.alive() }), 60_000);
    expect(counts).toMatchObject({ actions: ACTIONS, delivered: ACTIONS, duplicates: 0, missing: 0, stuck: 0 });
    expect(fleet.alive().sort()).toEqual(['d1', 'd2', 's1', 's2']);
  }, 480_000);
});
