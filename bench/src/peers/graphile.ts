import { Logger, makeWorkerUtils, run, type Runner, type WorkerUtils } from 'graphile-worker';
import { createTestDatabase } from '@followups/kit/testing';
import { withCpu } from '../cpu.js';
import { percentile, pipelined, sleep, until } from '../stats.js';
import { BURST_LEAD_MS, type System } from '../workloads.js';

const quiet = new Logger(() => () => undefined);

/** What graphile-worker is given: a database of its own, tuned as its docs suggest for throughput. */
async function start(label: string) {
  const connectionString = await createTestDatabase(`gw_${label}`);
  const utils = await makeWorkerUtils({ connectionString, logger: quiet });
  await utils.migrate();
  const ran: Array<{ key: string; at: number; runAt: number }> = [];
  let runner: Runner | undefined;
  return {
    utils,
    ran,
    async work() {
      runner = await run({
        connectionString,
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
    },
  };
}

async function addAll(utils: WorkerUtils, n: number, runAt: (i: number) => number, key: (i: number) => string) {
  for (let i = 0; i < n; i += 1000) {
    await utils.addJobs(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ identifier: 'send', payload: { key: key(i + k), runAt: runAt(i + k) }, runAt: new Date(runAt(i + k)), jobKey: key(i + k) })),
    );
  }
}

export const graphileSystem: System = {
  name: 'graphile-worker 0.18',

  async burst(n) {
    const g = await start(`burst${n}`);
    try {
      const t = Date.now() + BURST_LEAD_MS + Math.ceil(n / 5_000) * 1000;
      await addAll(g.utils, n, () => t, (i) => `b${i}`);
      await g.work();
      await sleep(Math.max(0, t - Date.now() - 200));
      const { cpuMs } = await withCpu(() => until('ran', n, async () => g.ran.length));
      const keys = new Set(g.ran.map((r) => r.key));
      return { lastAfterMs: Math.max(...g.ran.map((r) => r.at)) - t, cpuMsPerItem: cpuMs / n, duplicates: g.ran.length - keys.size };
    } finally {
      await g.close();
    }
  },

  async spread(n, overMs) {
    const g = await start('spread');
    try {
      const t0 = Date.now() + 3000;
      await addAll(g.utils, n, (i) => t0 + Math.floor((i * overMs) / n), (i) => `s${i}`);
      await g.work();
      await until('ran', n, async () => g.ran.length, overMs + 60_000);
      const late = g.ran.map((r) => r.at - r.runAt);
      return { p50: Math.round(percentile(late, 50)), p99: Math.round(percentile(late, 99)), max: Math.max(...late) };
    } finally {
      await g.close();
    }
  },

  async ingest(n) {
    const g = await start('ingest');
    try {
      const runAt = new Date(Date.now() + 86_400_000);
      const started = Date.now();
      await pipelined(Array.from({ length: n }, (_, i) => i), 100, (i) => g.utils.addJob('send', { key: `i${i}`, runAt: runAt.getTime() }, { runAt, jobKey: `i${i}` }));
      const perSecond = Math.round((n / (Date.now() - started)) * 1000);
      // addJob returns once the row is committed: acknowledged is stored.
      return { ackedPerSecond: perSecond, storedPerSecond: perSecond };
    } finally {
      await g.close();
    }
  },

  async cancel(total, cancelled) {
    const g = await start('cancel');
    try {
      const t = Date.now() + 8000;
      await addAll(g.utils, total, () => t, (i) => `c${i}`);
      await g.work();
      const writers = Array.from({ length: cancelled }, (_, k) => 2 * k);
      const started = Date.now();
      // Its way to cancel a job by key (the SQL API; WorkerUtils has no wrapper for it).
      await pipelined(writers, 100, (i) => g.utils.withPgClient((c) => c.query('select graphile_worker.remove_job($1)', [`c${i}`])));
      const applied = Date.now();
      await until('the rest ran', total - cancelled, async () => g.ran.length);
      await sleep(1500);
      const removed = new Set(writers.map((i) => `c${i}`));
      return { perSecond: Math.round((cancelled / (applied - started)) * 1000), appliedAfterLastMs: 0, ranAfterCancel: g.ran.filter((r) => removed.has(r.key)).length };
    } finally {
      await g.close();
    }
  },
};
