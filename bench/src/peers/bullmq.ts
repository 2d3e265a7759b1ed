import { Queue, Worker } from 'bullmq';
import { queueSystem, type PeerQueue } from './queue-system.js';

const connection = { host: process.env.BENCH_REDIS_HOST ?? '127.0.0.1', port: Number(process.env.BENCH_REDIS_PORT ?? 6379) };

/** BullMQ: a queue of its own per workload on the local Redis, a worker tuned for throughput; removed afterwards. */
async function open(label: string): Promise<PeerQueue> {
  const name = `bench-${label}-${process.pid}-${Date.now()}`;
  const queue = new Queue(name, { connection, defaultJobOptions: { removeOnComplete: true, removeOnFail: true } });
  await queue.waitUntilReady();
  const ran: PeerQueue['ran'] = [];
  let worker: Worker | undefined;
  return {
    ran,
    async addMany(n, runAt, key) {
      for (let i = 0; i < n; i += 1000) {
        await queue.addBulk(
          Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ name: 'send', data: { key: key(i + k), runAt: runAt(i + k) }, opts: { delay: Math.max(0, runAt(i + k) - Date.now()), jobId: key(i + k) } })),
        );
      }
    },
    addOne: (key, runAt) => queue.add('send', { key, runAt }, { delay: runAt - Date.now(), jobId: key }),
    remove: (key) => queue.remove(key),
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

export const bullmqSystem = queueSystem('BullMQ 6.7 (Redis)', open, { inFlight: 1000, leadPer1000Ms: 50 });
