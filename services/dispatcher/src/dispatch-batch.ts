import { perChatInOrder, type Delivery, type Outcome } from '@followups/kit';
import type { DispatchDeps } from './handlers/deps.js';
import { sendDueAction } from './handlers/send-due-action.js';
import { sendReply } from './handlers/send-reply.js';

/** Handles a batch from the dispatcher's consumer: chats in parallel, each chat in stream order. */
export function dispatchBatch(deps: DispatchDeps, maxChats: number) {
  return perChatInOrder((d) => handle(deps, d), maxChats, deps.log);
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
