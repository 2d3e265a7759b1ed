/**
 * The workloads of issue 9, each run the same way against every system: follow-ups (jobs) that
 * each go to their own chat, with a handler that only records when it ran (the stack's sandbox
 * transport; the peers' handler does nothing else).
 */
export interface BurstResult {
  /** How long after the instant they were all due the last one was delivered. */
  lastAfterMs: number;
  /** Busy CPU of the whole machine per delivered item, from just before the instant to the last delivery. */
  cpuMsPerItem: number;
  /** Delivered more than once (must be 0). */
  duplicates: number;
  /** Where the time went, for the stack: medians / p99 per stage, ms. */
  stages?: Record<string, { p50: number; p99: number }>;
}

export interface SpreadResult {
  p50: number;
  p99: number;
  max: number;
}

export interface IngestResult {
  /** Adds acknowledged per second by one client calling the system's API once per item. */
  ackedPerSecond: number;
  /** Until every item is stored where the system keeps it. */
  storedPerSecond: number;
}

export interface CancelResult {
  /** Cancels per second, from the first cancel to the last one applied. */
  perSecond: number;
  /** From the last cancel request acknowledged to the last one applied. */
  appliedAfterLastMs: number;
  /** Cancelled items that still ran (must be 0). */
  ranAfterCancel: number;
}

export interface System {
  readonly name: string;
  burst(n: number): Promise<BurstResult>;
  spread(n: number, overMs: number): Promise<SpreadResult>;
  ingest(n: number): Promise<IngestResult>;
  cancel(total: number, cancelled: number): Promise<CancelResult>;
}

/** How far ahead of the instant a burst is loaded: what is done before it does not count against the drain. */
export const BURST_LEAD_MS = 6000;
