import { sendingPolicy } from '@followups/manners';
import { actionMigrations, actors, type ActionsDB } from '@followups/actions';
import type { StreamKey } from '@followups/contracts';
import { connectDatabase, connectNats, ensureConsumers, ensureStreams, migrateToLatest, serveHealth, type NatsHandles, type RunningConsumer } from '@followups/kit';
import type { Logger } from 'pino';
import type { SchedulerConfig } from './config.js';
import { startConsumers } from './consumers.js';
import { claimAndPublish } from './tick/claim-and-publish.js';
import { dispatchBacklog } from './tick/dispatch-backlog.js';
import { startTicker, type Ticker } from './tick/ticker.js';

export { loadConfig, schedulerEnvSchema, type SchedulerConfig } from './config.js';
export { claimAndPublish, type ClaimAndPublishDeps, type ClaimAndPublishResult } from './tick/claim-and-publish.js';

/** Streams the scheduler reads (SCHEDULE, CONV, OPS) or writes (DISPATCH, OPS: a human's message as a takeover, DEADLETTER). */
const STREAMS: StreamKey[] = ['schedule', 'conv', 'ops', 'dispatch', 'deadLetter'];

export interface SchedulerOptions {
  config: SchedulerConfig;
  log: Logger;
}

export interface RunningScheduler {
  /**
   * Stops the tick (waiting for the pass in flight, whose publishes settle first) and the
   * consumers (each finishes its batch), then drains NATS and closes Postgres. Idempotent.
   */
  stop(): Promise<void>;
}

/**
 * Starts a scheduler: migrations, streams and durable consumers, the three consumers and the
 * claim-and-publish tick. Any number may run at once against one NATS and one Postgres.
 */
export async function startScheduler({ config, log }: SchedulerOptions): Promise<RunningScheduler> {
  const db = await connectDatabase<ActionsDB>(config.DATABASE_URL, log);
  const actor = actors.scheduler(config.INSTANCE_ID);
  let nats: NatsHandles | undefined;
  let consumers: RunningConsumer[] = [];
  try {
    nats = await connectNats(config.NATS_URL, `scheduler-${config.INSTANCE_ID}`, log);
    await migrateToLatest(db, actionMigrations, 'actions', log);
    await ensureStreams(nats.jsm, STREAMS, config.JETSTREAM_REPLICAS);
    await ensureConsumers(nats.jsm, ['schedulerRequests', 'schedulerConv', 'schedulerOps']);
    consumers = await startConsumers({ db, js: nats.js, jsm: nats.jsm, log, maxDueAheadMs: config.settings.limits.maxDaysAhead * 86_400_000, clock: () => new Date(), actor, reminderOffsetsMs: config.settings.reminders.before, sending: sendingPolicy(config.settings), maxPendingFollowUps: config.settings.limits.pendingFollowUpsPerChat });
  } catch (e) {
    await nats?.nc.close().catch(() => {});
    await db.destroy().catch(() => {});
    throw e;
  }
  const { nc, js, jsm } = nats;

  let stopping = false;
  const ticker: Ticker = startTicker(
    config.SCHEDULER_TICK_CRON,
    () =>
      claimAndPublish({
        db,
        js,
        log,
        actor,
        batchSize: config.CLAIM_BATCH_SIZE,
        aheadMs: config.CLAIM_AHEAD_MS,
        leaseMs: config.CLAIM_LEASE_MS,
        shouldStop: () => stopping,
        dispatchBacklog: () => dispatchBacklog(jsm),
      }),
    log,
  );
  const health = await serveHealth({
    port: config.HEALTH_PORT,
    service: 'scheduler',
    log,
    nc,
    jsm,
    db,
    consumers: ['schedulerRequests', 'schedulerConv', 'schedulerOps', 'dispatcher'],
    checks: { consumers: () => consumers.every((c) => c.isRunning()) },
  });
  log.info({ tick: config.SCHEDULER_TICK_CRON, batchSize: config.CLAIM_BATCH_SIZE, leaseMs: config.CLAIM_LEASE_MS, aheadMs: config.CLAIM_AHEAD_MS }, 'scheduler started');

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await health?.stop();
        await Promise.all([ticker.stop(), ...consumers.map((c) => c.stop())]);
        await nc.drain();
        await db.destroy();
        log.info('scheduler stopped');
      })();
      return stopped;
    },
  };
}
