import { sendingPolicy } from '@followups/manners';
import { waitForActionsSchema, type ActionsDB } from '@followups/actions';
import { consumers } from '@followups/contracts';
import {
  connectDatabase,
  connectNats,
  ensureConsumers,
  ensureStreams,
  migrateToLatest,
  NonRetriableError,
  perChatInOrder,
  runConsumer,
  serveHealth,
  systemClock,
  type Clock,
  type Logger,
  type RunningConsumer,
} from '@followups/kit';
import { preloadZones } from '@followups/zones';
import type { Kysely } from 'kysely';
import type { Brain } from './brain/brain.js';
import { chooseBrain } from './brain/choose-brain.js';
import { chooseWriter } from './compose/choose-writer.js';
import { serveCompose, type ComposeServer } from './compose/serve-compose.js';
import type { AgentConfig } from './config.js';
import { agentMigrations } from './db/migrations/index.js';
import type { AgentDB } from './db/schema.js';
import { handleConvIn } from './handlers/conv-in.js';

export { loadConfig, type AgentConfig } from './config.js';
export type { Brain, BrainInput, Decision, ScheduleRequest, AttentionRequest, PendingAction, Language } from './brain/brain.js';
export { createRuleBrain } from './brain/rule-brain.js';
export { chooseBrain } from './brain/choose-brain.js';
export { agentMigrations } from './db/migrations/index.js';
export type { AgentDB } from './db/schema.js';

/** Chats decided at once; each waits on its brain, not on the CPU. */
const CHATS_AT_ONCE = 8;

export interface AgentOptions {
  config: Readonly<AgentConfig>;
  log: Logger;
  clock?: Clock;
  /** Replaces the brain chosen from the config (tests). */
  brain?: Brain;
}

export interface RunningAgent {
  /** Stops intake, finishes the message in hand, drains NATS, closes the database. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the agent: consumes `conv.in.>`, publishes `schedule.intent.<chat>` and `agent.reply.<chat>`,
 * and answers `agent.compose.<chat>` requests (follow-ups written at fire time).
 */
export async function startAgent({ config, log, clock = systemClock, brain }: AgentOptions): Promise<RunningAgent> {
  let stopping = false;
  const shouldStop = () => stopping;
  const chosen = brain ?? chooseBrain(config, log);

  const { nc, js, jsm } = await connectNats(config.NATS_URL, `agent-${config.INSTANCE_ID}`, log, shouldStop);
  let db: Kysely<AgentDB> | undefined;
  let consumer: RunningConsumer | undefined;
  let compose: ComposeServer | undefined;
  try {
    db = await connectDatabase<AgentDB>(config.DATABASE_URL, log, { poolSize: 5, shouldStop });
    // One pool, two views: the agent's own tables and the shared store (chat zones, opt-outs, actions).
    const store = db as unknown as Kysely<ActionsDB>;
    // The agent's migrations move chat settings into the shared `chats` table: the scheduler creates it first.
    await waitForActionsSchema(store, log);
    await migrateToLatest(db, agentMigrations, 'agent', log);
    await ensureStreams(jsm, ['conv', 'schedule', 'dispatch', 'ops', 'attention', 'deadLetter'], config.JETSTREAM_REPLICAS);
    // The city table loads in about a second: pay it now, not on the first client's message.
    preloadZones();
    await ensureConsumers(jsm, ['agentConvIn']);
    const deps = {
      db,
      store,
      js,
      jsm,
      brain: chosen,
      clock,
      log,
      defaultTimeZone: config.settings.timeZone,
      defaultHour: config.settings.defaultHour,
      historyLimit: config.HISTORY_LIMIT,
      sending: sendingPolicy(config.settings),
    };
    consumer = await runConsumer({
      js,
      consumer: 'agentConvIn',
      service: 'agent',
      log,
      // A Claude call takes seconds: chats are decided side by side (each chat's messages still in
      // order), so one slow conversation does not hold up the rest or outlast their ack wait.
      handleBatch: perChatInOrder(
        async (d) => {
          if (d.family !== 'conv.in') throw new NonRetriableError(`unexpected subject ${d.subject} on ${consumers.agentConvIn.durable}`);
          return handleConvIn(deps, d.payload);
        },
        CHATS_AT_ONCE,
        log,
      ),
    });
    compose = await serveCompose({ ...deps, nc, writer: chooseWriter(config, log), timeoutMs: config.settings.compose.timeout });
  } catch (e) {
    stopping = true;
    await nc.close().catch(() => {});
    await db?.destroy().catch(() => {});
    throw e;
  }
  const health = await serveHealth({
    port: config.HEALTH_PORT,
    service: 'agent',
    log,
    nc,
    jsm,
    ...(db ? { db } : {}),
    consumers: ['agentConvIn'],
    checks: { consumers: () => consumer?.isRunning() ?? false },
  });
  log.info({ brain: chosen.name, defaultTimeZone: config.settings.timeZone }, 'agent started');

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await health?.stop();
        await Promise.all([consumer?.stop(), compose?.stop()]);
        await nc.drain().catch((e: unknown) => log.warn({ reason: String(e) }, 'NATS drain failed'));
        await db?.destroy();
        log.info('agent stopped');
      })();
      return stopped;
    },
  };
}
