import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { streams, subjects } from '@followups/contracts';
import { describeError, type Logger } from '@followups/kit';

/**
 * One process per account may hold the Telegram session: the same auth key on two connections
 * gets `AUTH_KEY_DUPLICATED` and can be revoked. The holder is the last record on
 * `lease.telegram.<account>` in the LEASES stream. Every change is a publish that expects the
 * subject's last sequence to be the one just read (compare-and-set), so of two contenders exactly
 * one wins; the holder renews every third of the lease, and a record older than one and a half
 * leases (its stream time) may be taken over: the holder died. A holder that fails to renew for a
 * whole lease stops using the session before anyone may take it.
 */
export interface SessionLeaseOptions {
  js: JetStreamClient;
  jsm: JetStreamManager;
  account: string;
  /** This process, e.g. `gateway-2`. */
  owner: string;
  ttlMs: number;
  log: Logger;
  /** Called when this process becomes the holder: connect the session now. */
  onAcquired?: () => void;
  /** Called when this process is no longer the holder (renewal refused, or not possible in time): disconnect now. */
  onLost?: (reason: string) => void;
}

export interface SessionLease {
  holding(): boolean;
  /**
   * Stops contending; a holder releases the lease, so a standby takes over at once. With
   * `release: false` it just stops, as a killed process would (the lease then runs out).
   */
  stop(options?: { release?: boolean }): Promise<void>;
}

interface LeaseRecord {
  owner: string;
  /** True: handed back; anyone may take it. */
  released?: boolean;
}

export async function startSessionLease(o: SessionLeaseOptions): Promise<SessionLease> {
  const subject = subjects.telegramLease(o.account);
  const log = o.log.child({ account: o.account, owner: o.owner });
  let held: { seq: number; renewedAt: number } | null = null;
  let stopped = false;

  /** The current record and its sequence, or none; its age is measured on the stream's clock. */
  const current = async () => {
    const m = await o.jsm.streams.getMessage(streams.leases.name, { last_by_subj: subject });
    if (!m) return null;
    return { seq: m.seq, record: m.json<LeaseRecord>(), storedAt: m.time.getTime() };
  };
  /** Writes a record if the subject is still at `expected`; the new sequence, or null when someone else wrote first. */
  const write = async (record: LeaseRecord, expected: number): Promise<number | null> => {
    try {
      const ack = await o.js.publish(subject, JSON.stringify(record), { expect: { lastSubjectSequence: expected } });
      return ack.seq;
    } catch (e) {
      if (/wrong last sequence/i.test(describeError(e))) return null;
      throw e;
    }
  };
  const lose = (reason: string) => {
    held = null;
    log.warn({ reason }, 'Telegram session lease lost: stop using the session');
    o.onLost?.(reason);
  };

  const step = async () => {
    if (held) {
      // Past the lease without a renewal we may already have a successor: stop before it starts.
      if (Date.now() - held.renewedAt > o.ttlMs) return lose('could not renew within the lease');
      const seq = await write({ owner: o.owner }, held.seq);
      if (seq === null) return lose('another process holds the session');
      held = { seq, renewedAt: Date.now() };
      return;
    }
    const now = await current();
    // Taken over only half a lease after the holder would have stopped by itself: room for clocks that differ a little.
    const free = !now || now.record.released === true || now.record.owner === o.owner || Date.now() - now.storedAt > o.ttlMs * 1.5;
    if (!free) return;
    const seq = await write({ owner: o.owner }, now?.seq ?? 0);
    if (seq === null) return; // another contender won this round
    held = { seq, renewedAt: Date.now() };
    log.info('Telegram session lease acquired');
    o.onAcquired?.();
  };

  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    await step().catch((e: unknown) => log.warn({ reason: describeError(e) }, 'lease step failed, trying again'));
    if (!stopped) timer = setTimeout(() => void loop(), Math.max(50, Math.floor(o.ttlMs / 3)));
  };
  await loop();

  return {
    holding: () => held !== null,
    async stop({ release = true } = {}) {
      stopped = true;
      clearTimeout(timer);
      if (held) {
        const seq = held.seq;
        held = null;
        if (release) await write({ owner: o.owner, released: true }, seq).catch(() => null);
        o.onLost?.('stopped');
      }
    },
  };
}
