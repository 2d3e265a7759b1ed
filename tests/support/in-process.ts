import type { Kysely } from 'kysely';
import { waitForActionsSchema, type ActionsDB } from '@followups/actions';
import { connectDatabase } from '@followups/kit';
import { startTestBed, testLogger, type TestBed } from '@followups/kit/testing';
import { loadConfig as dispatcherConfig, startDispatcher, type RunningDispatcher } from '@followups/dispatcher';
import { loadConfig as schedulerConfig, startScheduler, type RunningScheduler } from '@followups/scheduler';
import { relaxedMannersEnv } from './relaxed-manners.js';

export interface InProcess {
  bed: TestBed;
  db: Kysely<ActionsDB>;
  env: Record<string, string>;
  scheduler: RunningScheduler;
  dispatcher: RunningDispatcher | undefined;
  stop(): Promise<void>;
}

/**
 * A scheduler and (unless `dispatcher: false`) a dispatcher in this process, on a test bed of
 * their own (nats-server, database), with relaxed manners unless `env` says otherwise.
 */
export async function startInProcess(label: string, env: Record<string, string> = {}, { dispatcher: withDispatcher = true } = {}): Promise<InProcess> {
  const bed = await startTestBed(label);
  const log = testLogger(label);
  const fullEnv = { ...relaxedMannersEnv, NATS_URL: bed.server.url, DATABASE_URL: bed.databaseUrl, LOG_LEVEL: 'silent', ...env };
  const scheduler = await startScheduler({ config: schedulerConfig({ ...fullEnv, INSTANCE_ID: 's1' }), log });
  const db = await connectDatabase<ActionsDB>(bed.databaseUrl, log);
  await waitForActionsSchema(db, log);
  const dispatcher = withDispatcher ? await startDispatcher({ config: dispatcherConfig({ ...fullEnv, INSTANCE_ID: 'd1' }), log }) : undefined;
  return {
    bed,
    db,
    env: fullEnv,
    scheduler,
    dispatcher,
    async stop() {
      await dispatcher?.stop();
      await scheduler.stop();
      await db.destroy();
      await bed.close();
    },
  };
}
