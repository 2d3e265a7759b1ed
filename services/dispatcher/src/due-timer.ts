import type { Delivery, Outcome } from '@followups/kit';

/** A `schedule.due` delivery. */
export type DueDelivery = Delivery & { family: 'schedule.due' };

/** Most actions handed to one batch when many fall due at the same instant. */
const CHUNK = 1000;

/**
 * Holds due events that arrived ahead of their instant (the scheduler claims a little ahead) and
 * releases them at that instant, all those due at the same millisecond together, so a burst is
 * sent in large batches and a lone follow-up leaves within milliseconds of its time. The send
 * path re-checks everything at that moment. `release()` (the service stopping) hands every held
 * event back at once, for another dispatcher to hold.
 */
export function createDueTimer(send: (batch: DueDelivery[]) => Promise<Outcome[]>) {
  const buckets = new Map<number, { items: Array<{ d: DueDelivery; resolve: (o: Outcome) => void }>; timer: NodeJS.Timeout }>();
  let released = false;

  const fire = async (at: number) => {
    const bucket = buckets.get(at);
    if (!bucket) return;
    buckets.delete(at);
    for (let i = 0; i < bucket.items.length; i += CHUNK) {
      const chunk = bucket.items.slice(i, i + CHUNK);
      const outcomes = await send(chunk.map((h) => h.d)).catch((e: unknown): Outcome[] => chunk.map(() => ({ kind: 'retry', delayMs: 1000, reason: String(e) })));
      chunk.forEach((h, k) => h.resolve(outcomes[k]!));
    }
  };

  return {
    /** Settles when the event was handled at its instant. */
    hold(d: DueDelivery, at: number, now = Date.now()): Promise<Outcome> {
      if (released) return Promise.resolve({ kind: 'retry', delayMs: 0, reason: 'dispatcher stopping' });
      return new Promise<Outcome>((resolve) => {
        let bucket = buckets.get(at);
        if (!bucket) {
          bucket = { items: [], timer: setTimeout(() => void fire(at), Math.max(0, at - now)) };
          buckets.set(at, bucket);
        }
        bucket.items.push({ d, resolve });
      });
    },
    /** How many events are held now. */
    size: () => [...buckets.values()].reduce((n, b) => n + b.items.length, 0),
    release() {
      released = true;
      for (const [at, bucket] of buckets) {
        clearTimeout(bucket.timer);
        buckets.delete(at);
        for (const h of bucket.items) h.resolve({ kind: 'retry', delayMs: 0, reason: 'dispatcher stopping' });
      }
    },
  };
}
export type DueTimer = ReturnType<typeof createDueTimer>;
