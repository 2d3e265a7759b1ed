import type { JetStreamManager } from '@nats-io/jetstream';
import { consumers, streams } from '@followups/contracts';
import { sleep } from '@followups/kit';

/** Where a transport first stores what clients write, and the durable consumer that relays it to conv.in. */
export interface InputRelay {
  stream: string;
  subject: string;
  durable: string;
}

/**
 * One round of reads per batch instead of stream look-ups per action: `pass()` says `passed` once
 * everything clients and operators had stored when it was called has been applied to Postgres —
 * relayed to conv.in by the gateway (for a transport with a store of its own, the sandbox), and
 * applied by the scheduler (a reply cancels the chat's follow-ups, a takeover marks the chat and
 * cancels, both also for claimed rows). A human's message (`conv.out` by an operator) is a
 * takeover the scheduler applies from CONV before OPS records it, so all of CONV is waited for
 * (the bot's own `conv.out` too, which the scheduler acknowledges at once). It compares the last sequence of each stream with the
 * ack floor of the consumer that applies it: every message at or below the floor is done. After
 * that, the rows themselves (status, the chat's opt-out and takeover) say what may still be sent.
 * False when that takes longer than `timeoutMs` (the scheduler down or far behind): the caller
 * then checks each action against the streams itself.
 */
export function createReadBarrier(deps: { jsm: JetStreamManager; relay?: InputRelay | undefined }) {
  const lastSeq = async (stream: string, subject: string) => (await deps.jsm.streams.getMessage(stream, { last_by_subj: subject }))?.seq ?? 0;
  const caughtUp = async (stream: string, durable: string, seq: number, deadline: number): Promise<boolean> => {
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      const info = await deps.jsm.consumers.info(stream, durable);
      if (info.ack_floor.stream_seq >= seq) return true;
      if (Date.now() > deadline) return false;
      await sleep(wait);
    }
  };
  /** Whether what was stored when it started is applied, within `timeoutMs`. */
  const check = async (timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    try {
      // What the transport stored is relayed to conv.in first; only then is conv.in's end read.
      if (deps.relay) {
        const stored = await lastSeq(deps.relay.stream, deps.relay.subject);
        if (stored && !(await caughtUp(deps.relay.stream, deps.relay.durable, stored, deadline))) return false;
      }
      const [conv, ops] = await Promise.all([lastSeq(streams.conv.name, 'conv.>'), lastSeq(streams.ops.name, 'ops.>')]);
      const done = await Promise.all([
        conv === 0 || caughtUp(streams.conv.name, consumers.schedulerConv.durable, conv, deadline),
        ops === 0 || caughtUp(streams.ops.name, consumers.schedulerOps.durable, ops, deadline),
      ]);
      return done.every(Boolean);
    } catch {
      // No such consumer yet (no scheduler ever ran), NATS trouble: check action by action.
      return false;
    }
  };
  return {
    /**
     * `asOf`: the instant the barrier looked (before reading any sequence). Everything stored
     * before it is applied once `passed`; it is when the batch's sends count as begun.
     */
    async pass(timeoutMs: number): Promise<{ passed: boolean; asOf: Date }> {
      const asOf = new Date();
      return { passed: await check(timeoutMs), asOf };
    },
  };
}
export type ReadBarrier = ReturnType<typeof createReadBarrier>;
