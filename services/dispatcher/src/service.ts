import { createMailer, describeSmtpUrl } from '@followups/mailer';
import type { Logger } from 'pino';
import { actors, waitForActionsSchema, type ActionsDB } from '@followups/actions';
import { connectDatabase, connectNats, ensureConsumers, ensureStreams, runConsumer, serveHealth, systemClock, type Clock } from '@followups/kit';
import type { DispatcherConfig } from './config.js';
import { dispatchBatch } from './dispatch-batch.js';
import { createDueTimer } from './due-timer.js';
import { sendDueBatch } from './handlers/send-due-batch.js';
import { createReadBarrier } from './read-barrier.js';
import type { ExecutorRegistry } from './executors.js';
import type { DispatchDeps } from './handlers/deps.js';
import { createTransport } from './transport/create-transport.js';
import type { OutboundTransport } from './transport/outbound-transport.js';

export type { DispatcherConfig } from './config.js';
export { loadConfig } from './config.js';
export type { ActionExecutor, CustomActionContext, ExecutorRegistry } from './executors.js';
export type { OutboundMessage, OutboundTransport } from './transport/outbound-transport.js';
export { RandomIdDuplicateError, isRandomIdDuplicateError } from './transport/outbound-transport.js';
export { createSandboxTransport } from './transport/sandbox-transport.js';
export { actionSendKey, randomIdFor, replySendKey } from './random-id.js';

export interface StartDispatcherOptions {
  config: Readonly<DispatcherConfig>;
  log: Logger;
  /** Replaces the transport `TRANSPORT` names (tests, a wrapped transport). */
  transport?: OutboundTransport;
  /** Executors for custom actions, by name. Default: none. */
  executors?: ExecutorRegistry;
  clock?: Clock;
}

export interface RunningDispatcher {
  /** Stops taking work, lets the batch in hand finish (sends complete and are marked), drains NATS, closes the database. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts a dispatcher replica: any number may share the `dispatcher` durable consumer on the
 * DISPATCH stream (`schedule.due.>`, `agent.reply.>`), each message going to one of them.
 */
export async function startDispatcher(opts: StartDispatcherOptions): Promise<RunningDispatcher> {
  const { config, log } = opts;
  const clock = opts.clock ?? systemClock;
  const { nc, js, jsm } = await connectNats(config.NATS_URL, `dispatcher-${config.INSTANCE_ID}`, log);
  let db: DispatchDeps['db'] | undefined;
  try {
    // SANDBOX_INPUT too: the sandbox transport reads when the client's last message was stored there.
    await ensureStreams(jsm, ['dispatch', 'conv', 'ops', 'attention', 'sandboxInput', 'sandboxDelivered', 'deadLetter'], config.JETSTREAM_REPLICAS);
    await ensureConsumers(jsm, ['dispatcher']);
    db = await connectDatabase<ActionsDB>(config.DATABASE_URL, log);
    await waitForActionsSchema(db, log);

    const transport = opts.transport ?? createTransport(config, { nc, js, jsm, clock });
    const barrier = createReadBarrier({ jsm, relay: transport.relay });
    const { report } = config.settings;
    const mailer = report.smtpUrl ? createMailer({ smtpUrl: report.smtpUrl, from: report.from, log }) : null;
    const deps: DispatchDeps = { db, nc, js, jsm, transport, barrier, executors: opts.executors ?? new Map(), mailer, clock, log, actor: actors.dispatcher(config.INSTANCE_ID), config };
    // Large batches: a burst of due actions costs a few statements and one barrier per batch.
    const timer = createDueTimer((batch) => sendDueBatch(deps, batch));
    const consumer = await runConsumer({ js, consumer: 'dispatcher', service: 'dispatcher', log, handleBatch: dispatchBatch(deps, config.MAX_CONCURRENT_CHATS, timer), maxBatch: 1000 });
    const health = await serveHealth({ port: config.HEALTH_PORT, service: 'dispatcher', log, nc, jsm, db, consumers: ['dispatcher'], checks: { consumers: () => consumer.isRunning() } });
    log.info({ transport: transport.name, smtp: report.smtpUrl ? describeSmtpUrl(report.smtpUrl) : null, operatorsChat: report.telegramChat }, 'dispatcher started');

    const openDb = db;
    let stopping: Promise<void> | undefined;
    return {
      stop: () =>
        (stopping ??= (async () => {
          await health?.stop();
          // What waits for its instant goes back to the stream now, for another dispatcher to hold.
          timer.release();
          await consumer.stop();
          await nc.drain();
          await openDb.destroy();
          mailer?.close();
          log.info('dispatcher stopped');
        })()),
    };
  } catch (e) {
    await nc.close().catch(() => {});
    await db?.destroy().catch(() => {});
    throw e;
  }
}
