import pg from 'pg';
import { Logger, makeWorkerUtils, run, type Runner } from 'graphile-worker';
import { createTestDatabase, dropTestDatabase } from '@followups/kit/testing';
import { queueSystem, type PeerQueue } from './queue-system.js';

const quiet = new Logger(() => () => undefined);

/** graphile-worker on a database of its own, tuned as its docs suggest for throughput. */
async function open(label: string): Promise<PeerQueue> {
  const connectionString = await createTestDatabase(`gw_${label}`);
  // One pool of our own for the queue and its worker, ended before the database is dropped.
  const pgPool = new pg.Pool({ connectionString, max: 60 });
  // Dropping the database at close ends any connection still idle in it; that is expected then.
  pgPool.on('error', () => undefined);
  const utils = await makeWorkerUtils({ pgPool, logger: quiet });
  await utils.migrate();
  const ran: PeerQueue['ran'] = [];
  let runner: Runner | undefined;
  return {
    ran,
    async addMany(n, runAt, key) {
      for (let i = 0; i < n; i += 1000) {
        await utils.addJobs(
          Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ identifier: 'send', payload: { key: key(i + k), runAt: runAt(i + k) }, runAt: new Date(runAt(i + k)), jobKey: key(i + k) })),
        );
      }
    },
    addOne: (key, runAt) => utils.addJob('send', { key, runAt }, { runAt: new Date(runAt), jobKey: key }),
    // Its way to cancel a job by key (the SQL API; WorkerUtils has no wrapper for it).
    remove: (key) => utils.withPgClient((c) => c.query('select graphile_worker.remove_job($1)', [key])),
    async work() {
      runner = await run({
        pgPool,
        logger: quiet,
        concurrency: 50,
        pollInterval: 50,
        noHandleSignals: true,
        // Its batching: a local queue of locked jobs, completions written in batches.
        preset: { worker: { localQueue: { size: 1000 }, completeJobBatchDelay: 5 } },
        taskList: {
          send: async (payload) => {
            const p = payload as { key: string; runAt: number };
            ran.push({ key: p.key, at: Date.now(), runAt: p.runAt });
          },
        },
      });
    },
    async close() {
      await runner?.stop();
      await utils.release();
      await pgPool.end();
      await dropTestDatabase(connectionString);
    },
  };
}

export const graphileSystem = queueSystem('graphile-worker 0.18', open, { inFlight: 100, leadPer1000Ms: 200 });
