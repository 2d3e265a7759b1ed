import { withCpu } from '../cpu.js';
import { percentile, pipelined, sleep, until } from '../stats.js';
import { BURST_LEAD_MS, type System } from '../workloads.js';

/** What a job queue offers the workloads: a queue of its own per workload, its handler recording each run. */
export interface PeerQueue {
  /** Every run of the handler, in order: the job's key, when it ran, when it was due. */
  readonly ran: Array<{ key: string; at: number; runAt: number }>;
  /** Loads jobs with the queue's batched API (a burst loaded ahead of its instant). */
  addMany(n: number, runAt: (i: number) => number, key: (i: number) => string): Promise<void>;
  /** One job, as one client message at a time would add it. */
  addOne(key: string, runAt: number): Promise<unknown>;
  /** Cancels one job by its key. */
  remove(key: string): Promise<unknown>;
  /** Starts the workers. */
  work(): Promise<void>;
  close(): Promise<void>;
}

export interface QueueOptions {
  /** Calls in flight at once for one-by-one adds and cancels (the client's connection pool). */
  inFlight: number;
  /** Extra lead per 1,000 jobs of a burst, so loading finishes before the instant. */
  leadPer1000Ms: number;
}

/** The workloads, written once for every job queue. */
export function queueSystem(name: string, open: (label: string) => Promise<PeerQueue>, o: QueueOptions): System {
  const using = async <T>(label: string, f: (q: PeerQueue) => Promise<T>): Promise<T> => {
    const q = await open(label);
    try {
      return await f(q);
    } finally {
      await q.close();
    }
  };
  return {
    name,
    burst: (n) =>
      using(`burst${n}`, async (q) => {
        const t = Date.now() + BURST_LEAD_MS + Math.ceil(n / 1000) * o.leadPer1000Ms;
        await q.addMany(n, () => t, (i) => `b${i}`);
        await q.work();
        await sleep(Math.max(0, t - Date.now() - 200));
        const { cpuMs } = await withCpu(() => until('ran', n, async () => q.ran.length));
        return { lastAfterMs: Math.max(...q.ran.map((r) => r.at)) - t, cpuMsPerItem: cpuMs / n, duplicates: q.ran.length - new Set(q.ran.map((r) => r.key)).size };
      }),
    spread: (n, overMs) =>
      using('spread', async (q) => {
        const t0 = Date.now() + 3000;
        await q.addMany(n, (i) => t0 + Math.floor((i * overMs) / n), (i) => `s${i}`);
        await q.work();
        await until('ran', n, async () => q.ran.length, overMs + 60_000);
        const late = q.ran.map((r) => r.at - r.runAt);
        return { p50: Math.round(percentile(late, 50)), p99: Math.round(percentile(late, 99)), max: Math.max(...late) };
      }),
    ingest: (n) =>
      using('ingest', async (q) => {
        const runAt = Date.now() + 86_400_000;
        const started = Date.now();
        await pipelined(Array.from({ length: n }, (_, i) => i), o.inFlight, (i) => q.addOne(`i${i}`, runAt));
        // Both queues store a job before they acknowledge it.
        const perSecond = Math.round((n / (Date.now() - started)) * 1000);
        return { ackedPerSecond: perSecond, storedPerSecond: perSecond };
      }),
    cancel: (total, cancelled) =>
      using('cancel', async (q) => {
        const t = Date.now() + 8000;
        await q.addMany(total, () => t, (i) => `c${i}`);
        await q.work();
        const writers = Array.from({ length: cancelled }, (_, k) => 2 * k);
        const started = Date.now();
        await pipelined(writers, o.inFlight, (i) => q.remove(`c${i}`));
        const applied = Date.now();
        await until('the rest ran', total - cancelled, async () => q.ran.length);
        await sleep(1500); // a cancelled one that still ran would have by now
        const removed = new Set(writers.map((i) => `c${i}`));
        return { perSecond: Math.round((cancelled / (applied - started)) * 1000), appliedAfterLastMs: 0, ranAfterCancel: q.ran.filter((r) => removed.has(r.key)).length };
      }),
  };
}
