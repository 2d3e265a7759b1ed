import { Queue, Worker } from 'bullmq';
import { withCpu } from '../cpu.js';
import { percentile, pipelined, sleep, until } from '../stats.js';
import { BURST_LEAD_MS, type System } from '../workloads.js';

const connection = { host: process.env.BENCH_REDIS_HOST ?? '127.0.0.1', port: Number(process.env.BENCH_REDIS_PORT ?? 6379) };

/** A queue of its own per workload on the local Redis, a worker tuned for throughput; removed afterwards. */
async function start(label: string) {
  const name = `bench-${label}-${process.pid}-${Date.now()}`;
  const queue = new Queue(name, { connection, defaultJobOptions: { removeOnComplete: true, removeOnFail: true } });
  await queue.waitUntilReady();
  const ran: Array<{ key: string; at: number; runAt: number }> = [];
  let worker: Worker | undefined;
  return {
    queue,
    ran,
    async work() {
      worker = new Worker(
        name,
        async (job) => {
          const p = job.data as { key: string; runAt: number };
          ran.push({ key: p.key, at: Date.now(), runAt: p.runAt });
        },
        { connection, concurrency: 200 },
      );
      await worker.waitUntilReady();
    },
    async close() {
      await worker?.close();
      await queue.obliterate({ force: true });
      await queue.close();
    },
  };
}

async function addAll(queue: Queue, n: number, runAt: (i: number) => number, key: (i: number) => string) {
  for (let i = 0; i < n; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ name: 'send', data: { key: key(i + k), runAt: runAt(i + k) }, opts: { delay: Math.max(0, runAt(i + k) - Date.now()), jobId: key(i + k) } })),
    );
  }
}

export const bullmqSystem: System = {
  name: 'BullMQ 6.7 (Redis)',

  async burst(n) {
    const b = await start(`burst${n}`);
    try {
      const t = Date.now() + BURST_LEAD_MS + Math.ceil(n / 20_000) * 1000;
      await addAll(b.queue, n, () => t, (i) => `b${i}`);
      await b.work();
      await sleep(Math.max(0, t - Date.now() - 200));
      const { cpuMs } = await withCpu(() => until('ran', n, async () => b.ran.length));
      const keys = new Set(b.ran.map((r) => r.key));
      return { lastAfterMs: Math.max(...b.ran.map((r) => r.at)) - t, cpuMsPerItem: cpuMs / n, duplicates: b.ran.length - keys.size };
    } finally {
      await b.close();
    }
  },

  async spread(n, overMs) {
    const b = await start('spread');
    try {
      const t0 = Date.now() + 3000;
      await addAll(b.queue, n, (i) => t0 + Math.floor((i * overMs) / n), (i) => `s${i}`);
      await b.work();
      await until('ran', n, async () => b.ran.length, overMs + 60_000);
      const late = b.ran.map((r) => r.at - r.runAt);
      return { p50: Math.round(percentile(late, 50)), p99: Math.round(percentile(late, 99)), max: Math.max(...late) };
    } finally {
      await b.close();
    }
  },

  async ingest(n) {
    const b = await start('ingest');
    try {
      const runAt = Date.now() + 86_400_000;
      const started = Date.now();
      await pipelined(Array.from({ length: n }, (_, i) => i), 1000, (i) => b.queue.add('send', { key: `i${i}`, runAt }, { delay: runAt - Date.now(), jobId: `i${i}` }));
      // Redis has it once the add is acknowledged.
      const perSecond = Math.round((n / (Date.now() - started)) * 1000);
      return { ackedPerSecond: perSecond, storedPerSecond: perSecond };
    } finally {
      await b.close();
    }
  },

  async cancel(total, cancelled) {
    const b = await start('cancel');
    try {
      const t = Date.now() + 8000;
      await addAll(b.queue, total, () => t, (i) => `c${i}`);
      await b.work();
      const writers = Array.from({ length: cancelled }, (_, k) => 2 * k);
      const started = Date.now();
      await pipelined(writers, 1000, (i) => b.queue.remove(`c${i}`));
      const applied = Date.now();
      await until('the rest ran', total - cancelled, async () => b.ran.length);
      await sleep(1500);
      const removed = new Set(writers.map((i) => `c${i}`));
      return { perSecond: Math.round((cancelled / (applied - started)) * 1000), appliedAfterLastMs: 0, ranAfterCancel: b.ran.filter((r) => removed.has(r.key)).length };
    } finally {
      await b.close();
    }
  },
};
