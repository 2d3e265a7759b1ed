import { perChatInOrder, type Delivery, type Outcome } from '@followups/kit';
import type { DueDelivery, DueTimer } from './due-timer.js';
import type { DispatchDeps } from './handlers/deps.js';
import { sendDueBatch } from './handlers/send-due-batch.js';
import { sendReply } from './handlers/send-reply.js';

/** A due event this close to its instant is sent now rather than held. */
const EARLY_MS = 3;

/**
 * Handles a batch from the dispatcher's consumer: due actions that arrived ahead of their instant
 * are held until it; the others together (one barrier, one statement to take them, one to mark
 * them); replies chat by chat in stream order.
 */
export function dispatchBatch(deps: DispatchDeps, maxChats: number, timer: DueTimer) {
  const replies = perChatInOrder((d) => handleOther(deps, d), maxChats, deps.log);
  return async (batch: Delivery[]): Promise<Outcome[]> => {
    const dueNow: number[] = [];
    const other: number[] = [];
    const outcomes = new Array<Outcome>(batch.length);
    const now = deps.clock().getTime();
    batch.forEach((d, i) => {
      if (d.family !== 'schedule.due') return other.push(i);
      // Claimed ahead of its instant: held until then, while this consumer goes on.
      const at = Date.parse(d.payload.dueAt);
      if (at - now > EARLY_MS) outcomes[i] = { kind: 'later', done: timer.hold(d as DueDelivery, at, now) };
      else dueNow.push(i);
    });
    const [dues, others] = await Promise.all([sendDueBatch(deps, dueNow.map((i) => batch[i] as DueDelivery)), replies(other.map((i) => batch[i]!))]);
    dueNow.forEach((i, k) => (outcomes[i] = dues[k]!));
    other.forEach((i, k) => (outcomes[i] = others[k]!));
    return outcomes;
  };
}

function handleOther(deps: DispatchDeps, d: Delivery): Promise<Outcome> {
  if (d.family === 'agent.reply') return sendReply(deps, d.payload, d.storedAt);
  return Promise.resolve({ kind: 'dead', reason: `the dispatcher does not handle ${d.family}` });
}
