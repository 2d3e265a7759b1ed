import { perChatInOrder, type Delivery, type Outcome } from '@followups/kit';
import type { DispatchDeps } from './handlers/deps.js';
import { sendDueAction } from './handlers/send-due-action.js';
import { sendDueBatch } from './handlers/send-due-batch.js';
import type { DueTimer } from './due-timer.js';

/** A due event this close to its instant is sent now rather than held. */
const EARLY_MS = 3;
import { sendReply } from './handlers/send-reply.js';

/**
 * Handles a batch from the dispatcher's consumer: due actions together (one barrier, one
 * statement to take them, one to mark them), replies chat by chat in stream order.
 */
export function dispatchBatch(deps: DispatchDeps, maxChats: number, timer: DueTimer) {
  const oneByOne = perChatInOrder((d) => handle(deps, d), maxChats, deps.log);
  return async (batch: Delivery[]): Promise<Outcome[]> => {
    const dueAt: number[] = [];
    const otherAt: number[] = [];
    const outcomes = new Array<Outcome>(batch.length);
    const now = deps.clock().getTime();
    batch.forEach((d, i) => {
      if (d.family !== 'schedule.due') return otherAt.push(i);
      // Claimed ahead of its instant: held until then, while this consumer goes on.
      const at = Date.parse(d.payload.dueAt);
      if (at - now > EARLY_MS) outcomes[i] = { kind: 'later', done: timer.hold(d as Delivery & { family: 'schedule.due' }, at, now) };
      else dueAt.push(i);
    });
    const [dues, others] = await Promise.all([
      sendDueBatch(deps, dueAt.map((i) => batch[i] as Delivery & { family: 'schedule.due' })),
      oneByOne(otherAt.map((i) => batch[i]!)),
    ]);
    dueAt.forEach((i, k) => (outcomes[i] = dues[k]!));
    otherAt.forEach((i, k) => (outcomes[i] = others[k]!));
    return outcomes;
  };
}

function handle(deps: DispatchDeps, d: Delivery): Promise<Outcome> {
  switch (d.family) {
    case 'schedule.due':
      return sendDueAction(deps, d.payload);
    case 'agent.reply':
      return sendReply(deps, d.payload, d.storedAt);
    default:
      return Promise.resolve({ kind: 'dead', reason: `the dispatcher does not handle ${d.family}` });
  }
}
